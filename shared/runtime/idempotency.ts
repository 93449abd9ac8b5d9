import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoClient } from './aws-clients.ts';
import type { Env } from './config.ts';

/** Carries a result out of the idempotent function without it being stored (Powertools keeps no failure). */
class NotRemembered<R> extends Error {
  override readonly name = 'NotRemembered';
  readonly result: R;
  constructor(result: R) {
    super('result not remembered');
    this.result = result;
  }
}

/**
 * Powertools idempotency on the idempotency table, keyed on one field of the input: a repeated
 * delivery within `expiresAfterSeconds` returns the stored result instead of running again.
 * Results for which `remember` says no are returned but not stored, so a repeat runs again (a
 * scan that found nothing to resume must be able to resume an order that arrives later).
 */
export function idempotentOn<I extends object, R>(
  env: Pick<Env, 'IDEMPOTENCY_TABLE_NAME'>,
  key: keyof I & string,
  expiresAfterSeconds: number,
  run: (input: I) => Promise<R>,
  remember: (result: R) => boolean = () => true,
): (input: I, context: Context) => Promise<R> {
  const config = new IdempotencyConfig({ eventKeyJmesPath: key, expiresAfterSeconds });
  const runAndSort = async (input: I): Promise<R> => {
    const result = await run(input);
    if (!remember(result)) throw new NotRemembered(result);
    return result;
  };
  const once = makeIdempotent(runAndSort, {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: env.IDEMPOTENCY_TABLE_NAME,
      awsSdkV3Client: dynamoClient(),
    }),
    config,
  });
  return async (input, context) => {
    config.registerLambdaContext(context);
    try {
      return await once(input);
    } catch (error) {
      if (error instanceof NotRemembered) return error.result as R;
      throw error;
    }
  };
}
