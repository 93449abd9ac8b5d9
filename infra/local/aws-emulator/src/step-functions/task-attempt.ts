import type { JsonValue } from '../aws-json.ts';
import { MAX_INTERPRETER_TIMEOUT_SECONDS } from './definition.ts';
import { ExecutionStoppedError, TaskFailedError, TaskRearmError } from './errors.ts';
import type { CallbackWait } from './records.ts';
import {
  callTaskResource,
  type ExecutionIds,
  type TaskResource,
  type TaskServices,
} from './task-resources.ts';
import { hashTaskToken, mintTaskToken, type TaskOutcome, type TaskTokenRegistry } from './task-tokens.ts';
import { type LongTimer, setLongTimeout } from './timers.ts';

/** A callback wait longer than this ends the interpreter run and starts a new one, still waiting. */
export const REARM_AFTER_MS = 20 * 86_400_000;

export interface AttemptSetup {
  resource: TaskResource;
  parameters: JsonValue;
  ids: ExecutionIds;
  services: TaskServices;
  tokens: TaskTokenRegistry;
  region: string;
  /** The token `$$.Task.Token` handed out for this attempt, if the parameters read it. */
  token: string | undefined;
  /** A callback wait carried over from a previous run (restart or re-arm). */
  resume: CallbackWait | undefined;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
  signal: AbortSignal;
  now(): number;
  record(type: string, details: Record<string, unknown>): void;
  onWait(wait: CallbackWait): void;
  /** Defaults to REARM_AFTER_MS; smaller only to exercise the re-arm path in tests. */
  rearmAfterMs?: number;
}

/**
 * One attempt of a Task state: calls the resource, waits for the task token when the resource
 * says so, and keeps the time.
 *
 * The timeout itself is raised by the interpreter (`interpreterTimeoutSeconds`, read through the
 * context right after the attempt starts), so its own States.Timeout error reaches Retry and Catch
 * and `States.TaskFailed` does not match it. This attempt's timer, created first with the same
 * delay, fires just before and records TaskTimedOut and retires the token.
 */
export class TaskAttempt {
  readonly interpreterTimeoutSeconds: number;
  readonly result: Promise<JsonValue>;
  readonly #setup: AttemptSetup;
  /** The attempt's one timer: its timeout, or the re-arm of a long callback wait. */
  readonly #timer: LongTimer;
  readonly #settle: PromiseWithResolvers<JsonValue>;
  #done = false;
  #tokenHash: string | undefined;
  #wait: CallbackWait | undefined;
  #heartbeat: LongTimer | undefined;
  #detach: () => void = () => {};

  constructor(setup: AttemptSetup) {
    this.#setup = setup;
    this.#settle = Promise.withResolvers<JsonValue>();
    this.result = this.#settle.promise;
    const deadline =
      setup.resume?.deadline ??
      (setup.timeoutSeconds === undefined ? null : setup.now() + setup.timeoutSeconds * 1000);
    const remaining = deadline === null ? Number.POSITIVE_INFINITY : deadline - setup.now();
    const rearmAfterMs = setup.rearmAfterMs ?? REARM_AFTER_MS;
    if (remaining <= rearmAfterMs) {
      this.interpreterTimeoutSeconds = Math.max(1, Math.ceil(remaining / 1000));
      this.#timer = setLongTimeout(() => this.#timedOut(), this.interpreterTimeoutSeconds * 1000);
    } else {
      this.interpreterTimeoutSeconds = MAX_INTERPRETER_TIMEOUT_SECONDS;
      this.#timer = setLongTimeout(() => this.#rearm(), rearmAfterMs);
    }
    setup.signal.addEventListener('abort', this.#onAbort, { once: true });
    void this.#run(deadline);
  }

  async #run(deadline: number | null): Promise<void> {
    const { resource, resume } = this.#setup;
    if (resource.waitForTaskToken) {
      const token = resume?.token ?? this.#setup.token ?? mintTaskToken();
      this.#tokenHash = hashTaskToken(token);
      if (resume === undefined) this.#setup.tokens.open(this.#tokenHash, this.#setup.ids.executionArn);
      this.#armHeartbeat();
      // Resumed after its call returned, or after SendTask* answered: it only waits (or is done).
      if (resume !== undefined && (resume.submitted || this.#setup.tokens.hasOutcome(this.#tokenHash))) {
        this.#listen();
        return;
      }
      this.#wait = { kind: 'task', token, deadline, submitted: false };
      this.#setup.onWait(this.#wait);
    }
    this.#record('TaskScheduled', {
      region: this.#setup.region,
      parameters: JSON.stringify(this.#setup.parameters),
      ...(this.#setup.timeoutSeconds === undefined ? {} : { timeoutInSeconds: this.#setup.timeoutSeconds }),
      ...(this.#setup.heartbeatSeconds === undefined
        ? {}
        : { heartbeatInSeconds: this.#setup.heartbeatSeconds }),
    });
    this.#record('TaskStarted', {});
    let output: JsonValue;
    try {
      output = await callTaskResource(
        resource,
        this.#setup.parameters,
        this.#setup.ids,
        this.#setup.services,
      );
    } catch (error) {
      // A SendTaskSuccess/Failure that was answered before the call failed decides the task, as
      // on AWS: its sender was told the task took it, and will not send it again.
      if (this.#tokenHash !== undefined && this.#setup.tokens.hasOutcome(this.#tokenHash)) {
        this.#listen();
        return;
      }
      this.#fail(error);
      return;
    }
    if (this.#done) return;
    if (!resource.waitForTaskToken) {
      this.#record('TaskSucceeded', { output: JSON.stringify(output), outputDetails: { truncated: false } });
      this.#finish(() => this.#settle.resolve(output));
      return;
    }
    this.#record('TaskSubmitted', { output: JSON.stringify(output), outputDetails: { truncated: false } });
    if (this.#wait !== undefined) this.#setup.onWait({ ...this.#wait, submitted: true });
    this.#listen();
  }

  #listen(): void {
    const tokenHash = this.#tokenHash;
    if (tokenHash === undefined || this.#done) return;
    this.#detach = this.#setup.tokens.listen(
      tokenHash,
      (outcome) => this.#complete(outcome),
      () => this.#armHeartbeat(),
    );
  }

  #complete(outcome: TaskOutcome): void {
    if (this.#done) return;
    if (outcome.ok) {
      this.#record('TaskSucceeded', { output: outcome.outputText, outputDetails: { truncated: false } });
      this.#finish(() => this.#settle.resolve(outcome.output));
      return;
    }
    this.#record('TaskFailed', errorDetails(outcome.error, outcome.cause));
    this.#finish(() => this.#settle.reject(new TaskFailedError(outcome.error, outcome.cause)));
  }

  #fail(error: unknown): void {
    if (this.#done) return;
    const failure = error instanceof Error ? error : new TaskFailedError('Error', String(error));
    this.#record('TaskFailed', errorDetails(failure.name, failure.message));
    this.#retireToken();
    this.#finish(() => this.#settle.reject(failure));
  }

  #timedOut(): void {
    if (this.#done) return;
    this.#record('TaskTimedOut', errorDetails('States.Timeout', ''));
    this.#retireToken();
    // No reject: the interpreter's own timer (same delay, created just after this one) raises States.Timeout.
    this.#finish(() => {});
  }

  #heartbeatTimedOut(): void {
    if (this.#done) return;
    this.#record('TaskTimedOut', errorDetails('States.HeartbeatTimeout', ''));
    this.#retireToken();
    this.#finish(() => this.#settle.reject(new TaskFailedError('States.HeartbeatTimeout', '')));
  }

  #rearm(): void {
    // Only a submitted callback can wait on without calling its resource again.
    if (this.#done || this.#tokenHash === undefined) return;
    this.#finish(() => this.#settle.reject(new TaskRearmError()));
  }

  readonly #onAbort = (): void => {
    // The token stays open: on close() the execution waits on after a restart; StopExecution retires it.
    this.#finish(() => this.#settle.reject(new ExecutionStoppedError()));
  };

  #armHeartbeat(): void {
    const seconds = this.#setup.heartbeatSeconds;
    if (seconds === undefined || this.#done) return;
    this.#heartbeat?.cancel();
    this.#heartbeat = setLongTimeout(() => this.#heartbeatTimedOut(), seconds * 1000);
  }

  #retireToken(): void {
    if (this.#tokenHash !== undefined) this.#setup.tokens.close(this.#tokenHash);
  }

  #record(type: string, details: Record<string, unknown>): void {
    const { resourceType, resource } = this.#setup.resource;
    this.#setup.record(type, { resourceType, resource, ...details });
  }

  #finish(settle: () => void): void {
    if (this.#done) return;
    this.#done = true;
    this.#detach();
    this.#timer.cancel();
    this.#heartbeat?.cancel();
    this.#setup.signal.removeEventListener('abort', this.#onAbort);
    settle();
  }
}

function errorDetails(error: string, cause: string): Record<string, unknown> {
  return { ...(error === '' ? {} : { error }), ...(cause === '' ? {} : { cause }) };
}
