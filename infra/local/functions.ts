import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { FUNCTIONS } from '#infra/catalog.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * The catalog's handlers, run in this process like Lambda would run them: imported once on first
 * use (cold start, after the stack has set the environment), given a Lambda-shaped context, and
 * their errors keep their name (Lambda's errorType), which Retry and Catch match on.
 */
export class LocalFunctions {
  readonly #loaded = new Map<string, Promise<Handler>>();
  readonly #region: string;
  readonly #accountId: string;

  constructor(region: string, accountId: string) {
    this.#region = region;
    this.#accountId = accountId;
  }

  arn(name: string): string {
    return `arn:aws:lambda:${this.#region}:${this.#accountId}:function:${name}`;
  }

  /** Accepts a function name or ARN, as Step Functions' lambda:invoke does. */
  async invoke(nameOrArn: string, payload: unknown): Promise<unknown> {
    const name = nameOrArn.split(':').at(-1) ?? nameOrArn;
    const spec = FUNCTIONS.find((f) => f.name === name);
    if (!spec)
      throw Object.assign(new Error(`Function not found: ${nameOrArn}`), {
        name: 'ResourceNotFoundException',
      });
    let handler = this.#loaded.get(name);
    if (!handler) {
      handler = import(`#functions/${name}.ts`).then((m: { handler: Handler }) => m.handler);
      this.#loaded.set(name, handler);
    }
    const timeoutMs = (spec.timeoutSeconds ?? 30) * 1000;
    const deadline = Date.now() + timeoutMs;
    const context = {
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: this.arn(name),
      memoryLimitInMB: String(spec.memoryMb ?? 256),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    // Handlers must not see later changes a caller makes to the event it passed.
    return (await handler)(structuredClone(payload), context);
  }
}
