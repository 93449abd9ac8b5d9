import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import {
  type FaultInjector,
  INVOCATION_FAULTS,
  lambdaContext,
  lambdaExitError,
  lambdaServiceError,
  lambdaTimeoutError,
} from '@id06/aws-emulator';
import type { Context } from 'aws-lambda';
import { FUNCTION_DEFAULTS, type FunctionSpec, functionSpec } from '#infra/catalog.ts';
import {
  type ContextFields,
  fromErrorShape,
  type Invocation,
  type Reply,
  type Started,
} from './function-messages.ts';

export interface LocalFunctionsOptions {
  region: string;
  accountId: string;
  /** Everything the function's process sees: its catalog variables plus the runtime's own. */
  environment: (spec: FunctionSpec) => Record<string, string>;
  /** Draws the invocation faults (handlerError, handlerTimeout, processKill); none without it. */
  faults?: FaultInjector;
  /**
   * Each line the functions write (their logs, as CloudWatch would get them); without it they go
   * to this process's stdout and stderr.
   */
  output?: (line: string) => void;
}

/**
 * The catalog's handlers, each in its own worker thread like its own Lambda sandbox: started on
 * first use (a cold start), given only its own environment, a Lambda-shaped context, and errors
 * that keep their name (Lambda's errorType), which Retry and Catch match on. Injected faults fail
 * an invocation as Lambda itself fails it.
 */
export class LocalFunctions {
  readonly #sandboxes = new Map<string, Sandbox>();
  /** Sandboxes replaced after a kill, closing once their invocations end. */
  readonly #retiring = new Set<Promise<void>>();
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
        timeoutMs: timeoutSeconds(spec) * 1000,
      });
    const fault = this.#options.faults?.draw('lambda', INVOCATION_FAULTS, `lambda ${name}`);
    if (fault === 'handlerError') throw lambdaServiceError(invocation.awsRequestId);
    if (fault === 'processKill') return this.#killMidInvocation(name, spec, payload, invocation);
    const outcome = this.#run(name, spec, payload, invocation);
    if (fault !== 'handlerTimeout') return outcome;
    // The handler runs to its end, so its effects happen; then the caller hears of a timeout, at
    // once rather than after the function's whole timeout.
    await outcome.catch(() => undefined);
    throw lambdaTimeoutError(invocation.awsRequestId, timeoutSeconds(spec));
  }

  async close(): Promise<void> {
    const sandboxes = [...this.#sandboxes.values()];
    this.#sandboxes.clear();
    await Promise.all([...sandboxes.map((sandbox) => sandbox.close()), ...this.#retiring]);
  }

  async #run(name: string, spec: FunctionSpec, payload: unknown, invocation: Context): Promise<unknown> {
    let sandbox = this.#sandboxes.get(name);
    if (!sandbox) {
      sandbox = new Sandbox(name, this.#options.environment(spec), { output: this.#options.output });
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

  /**
   * The invocation runs in a worker of its own, terminated as its handler starts: killing the
   * function's shared worker would also fail the other invocations in it, which on Lambda run in
   * sandboxes of their own. The shared worker is retired (closed once idle), so the next
   * invocation is a cold start in a new worker, as after a crash.
   */
  async #killMidInvocation(
    name: string,
    spec: FunctionSpec,
    payload: unknown,
    invocation: Context,
  ): Promise<unknown> {
    const warm = this.#sandboxes.get(name);
    if (warm) {
      this.#sandboxes.delete(name);
      const retiring = warm.closeWhenIdle().finally(() => this.#retiring.delete(retiring));
      this.#retiring.add(retiring);
    }
    const doomed = new Sandbox(name, this.#options.environment(spec), {
      killOnStart: true,
      output: this.#options.output,
    });
    try {
      return await doomed.invoke(payload, invocation);
    } finally {
      await doomed.close();
    }
  }
}

function timeoutSeconds(spec: FunctionSpec): number {
  return spec.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds;
}

/** One function's worker thread and its invocations in flight. */
class Sandbox {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { requestId: string; resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  readonly #idle: (() => void)[] = [];
  readonly #killOnStart: boolean;
  #killed = false;
  #nextId = 1;
  broken = false;

  /** `killOnStart`: the worker is terminated as a handler starts (an injected process kill). */
  constructor(
    name: string,
    env: Record<string, string>,
    options: { killOnStart?: boolean; output?: ((line: string) => void) | undefined } = {},
  ) {
    this.#killOnStart = options.killOnStart ?? false;
    const output = options.output;
    this.#worker = new Worker(new URL('./function-worker.ts', import.meta.url), {
      workerData: { name },
      env,
      name: `lambda:${name}`,
      ...(output ? { stdout: true, stderr: true } : {}),
    });
    if (output) {
      for (const stream of [this.#worker.stdout, this.#worker.stderr]) {
        createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', output);
      }
    }
    this.#worker.on('message', (message: Reply | Started) =>
      'started' in message ? this.#started() : this.#settle(message),
    );
    this.#worker.on('error', (error: unknown) =>
      this.#fail(() => (error instanceof Error ? error : new Error(String(error)))),
    );
    this.#worker.on('exit', (code) =>
      this.#fail((requestId) =>
        lambdaExitError(requestId, this.#killed ? 'signal: killed' : `exit status ${code}`),
      ),
    );
  }

  invoke(event: unknown, context: Context): Promise<unknown> {
    if (this.broken) return Promise.reject(lambdaExitError(context.awsRequestId, 'exit status 1'));
    const id = this.#nextId++;
    const message: Invocation = {
      id,
      event,
      context: fieldsOf(context),
      remainingMs: context.getRemainingTimeInMillis(),
    };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { requestId: context.awsRequestId, resolve, reject });
      this.#worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.#worker.terminate();
  }

  /** Takes no new invocations and closes once those under way have ended. */
  async closeWhenIdle(): Promise<void> {
    this.broken = true;
    if (this.#pending.size > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    await this.close();
  }

  #started(): void {
    if (!this.#killOnStart) return;
    this.#killed = true;
    void this.#worker.terminate();
  }

  #settle(reply: Reply): void {
    // A killed process's answer never reaches its caller, even if it was already on its way.
    if (this.#killed) return;
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (reply.init) this.broken = true;
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(fromErrorShape(reply.error));
    this.#notifyIfIdle();
  }

  /** Fails every invocation under way, each with the error `errorFor` its request id gives. */
  #fail(errorFor: (requestId: string) => Error): void {
    this.broken = true;
    for (const { requestId, reject } of this.#pending.values()) reject(errorFor(requestId));
    this.#pending.clear();
    this.#notifyIfIdle();
  }

  #notifyIfIdle(): void {
    if (this.#pending.size > 0) return;
    for (const resolve of this.#idle.splice(0)) resolve();
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
