import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoClient } from './aws-clients.ts';
import type { Env } from './config.ts';

/**
 * Powertools idempotency on the idempotency table, keyed on one field of the input: a repeated
 * delivery within `expiresAfterSeconds` returns the stored result instead of running again.
 */
export function idempotentOn<I extends object, R>(
  env: Pick<Env, 'IDEMPOTENCY_TABLE_NAME'>,
  key: keyof I & string,
  expiresAfterSeconds: number,
  run: (input: I) => Promise<R>,
): (input: I, context: Context) => Promise<R> {
  const config = new IdempotencyConfig({ eventKeyJmesPath: key, expiresAfterSeconds });
  const once = makeIdempotent(run, {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: env.IDEMPOTENCY_TABLE_NAME,
      awsSdkV3Client: dynamoClient(),
    }),
    config,
  });
  return (input, context) => {
    config.registerLambdaContext(context);
    return once(input);
  };
}
