import { lambdaContext } from '@id06/aws-emulator';
import type { Context } from 'aws-lambda';
import { FUNCTION_DEFAULTS, FUNCTIONS } from '#infra/catalog.ts';

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

  /**
   * Accepts a function name or ARN, as Step Functions' lambda:invoke does. `context` is given when
   * the caller already has one (the HTTP API's integration); otherwise one is made from the catalog.
   */
  async invoke(nameOrArn: string, payload: unknown, context?: Context): Promise<unknown> {
    const name = nameOrArn.split(':').at(-1) ?? nameOrArn;
    const spec = FUNCTIONS.find((f) => f.name === name);
    if (!spec) {
      throw Object.assign(new Error(`Function not found: ${nameOrArn}`), {
        name: 'ResourceNotFoundException',
      });
    }
    let handler = this.#loaded.get(name);
    if (!handler) {
      handler = import(`#functions/${name}.ts`).then((m: { handler: Handler }) => m.handler);
      this.#loaded.set(name, handler);
    }
    const invocation =
      context ??
      lambdaContext({
        functionName: name,
        region: this.#region,
        accountId: this.#accountId,
        memoryMb: spec.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
        timeoutMs: (spec.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds) * 1000,
      });
    // Handlers must not see later changes a caller makes to the event it passed.
    return (await handler)(structuredClone(payload), invocation);
  }
}
