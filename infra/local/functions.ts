import { Worker } from 'node:worker_threads';
import { lambdaContext } from '@id06/aws-emulator';
import type { Context } from 'aws-lambda';
import { FUNCTION_DEFAULTS, type FunctionSpec, functionSpec } from '#infra/catalog.ts';
import { type ContextFields, fromErrorShape, type Invocation, type Reply } from './function-messages.ts';

export interface LocalFunctionsOptions {
  region: string;
  accountId: string;
  /** Everything the function's process sees: its catalog variables plus the runtime's own. */
  environment: (spec: FunctionSpec) => Record<string, string>;
}

/**
 * The catalog's handlers, each in its own worker thread like its own Lambda sandbox: started on
 * first use (a cold start), given only its own environment, a Lambda-shaped context, and errors
 * that keep their name (Lambda's errorType), which Retry and Catch match on.
 */
export class LocalFunctions {
  readonly #sandboxes = new Map<string, Sandbox>();
  readonly #options: LocalFunctionsOptions;

  constructor(options: LocalFunctionsOptions) {
    this.#options = options;
  }

  arn(name: string): string {
    return `arn:aws:lambda:${this.#options.region}:${this.#options.accountId}:function:${name}`;
  }

  /**
   * Accepts a function name or ARN, as Step Functions' lambda:invoke does. `context` is given when
   * the caller already has one (the HTTP API's integration); otherwise one is made from the catalog.
   */
  async invoke(nameOrArn: string, payload: unknown, context?: Context): Promise<unknown> {
    const name = nameOrArn.split(':').at(-1) ?? nameOrArn;
    let spec: FunctionSpec;
    try {
      spec = functionSpec(name);
    } catch {
      throw Object.assign(new Error(`Function not found: ${nameOrArn}`), {
        name: 'ResourceNotFoundException',
      });
    }
    const invocation =
      context ??
      lambdaContext({
        functionName: name,
        region: this.#options.region,
        accountId: this.#options.accountId,
        memoryMb: spec.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
        timeoutMs: (spec.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds) * 1000,
      });
    let sandbox = this.#sandboxes.get(name);
    if (!sandbox) {
      sandbox = new Sandbox(name, this.#options.environment(spec));
      this.#sandboxes.set(name, sandbox);
    }
    try {
      return await sandbox.invoke(payload, invocation);
    } catch (error) {
      // A failed cold start or a crash leaves nothing to reuse: the next call starts afresh.
      if (sandbox.broken && this.#sandboxes.get(name) === sandbox) {
        this.#sandboxes.delete(name);
        await sandbox.close();
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    const sandboxes = [...this.#sandboxes.values()];
    this.#sandboxes.clear();
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  }
}

/** One function's worker thread and its invocations in flight. */
class Sandbox {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  broken = false;

  constructor(name: string, env: Record<string, string>) {
    this.#worker = new Worker(new URL('./function-worker.ts', import.meta.url), {
      workerData: { name },
      env,
      name: `lambda:${name}`,
    });
    this.#worker.on('message', (reply: Reply) => this.#settle(reply));
    this.#worker.on('error', (error: unknown) =>
      this.#fail(error instanceof Error ? error : new Error(String(error))),
    );
    this.#worker.on('exit', (code) =>
      this.#fail(Object.assign(new Error(`exited with ${code}`), { name: 'Runtime.ExitError' })),
    );
  }

  invoke(event: unknown, context: Context): Promise<unknown> {
    if (this.broken)
      return Promise.reject(Object.assign(new Error('sandbox gone'), { name: 'Runtime.ExitError' }));
    const id = this.#nextId++;
    const message: Invocation = {
      id,
      event,
      context: fieldsOf(context),
      remainingMs: context.getRemainingTimeInMillis(),
    };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.#worker.terminate();
  }

  #settle(reply: Reply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (reply.init) this.broken = true;
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(fromErrorShape(reply.error));
  }

  #fail(error: Error): void {
    this.broken = true;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}

function fieldsOf(context: Context): ContextFields {
  const { functionName, functionVersion, invokedFunctionArn, memoryLimitInMB, awsRequestId } = context;
  const { logGroupName, logStreamName } = context;
  return {
    functionName,
    functionVersion,
    invokedFunctionArn,
    memoryLimitInMB,
    awsRequestId,
    logGroupName,
    logStreamName,
  };
}
