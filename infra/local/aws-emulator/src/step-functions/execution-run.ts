import { ExecutionError } from 'aws-local-stepfunctions';
import { errorMessage, isJsonObject, type JsonObject, type JsonValue, parseJson } from '../aws-json.ts';
import {
  type CompiledDefinition,
  type CompiledState,
  EXECUTION_CONTEXT_KEY,
  MAX_INTERPRETER_TIMEOUT_SECONDS,
} from './definition.ts';
import { ExecutionStoppedError, StatesRuntimeError, TaskRearmError } from './errors.ts';
import type { CallbackWait, ClosedStatus, ExecutionRecord, Position } from './records.ts';
import { TaskAttempt } from './task-attempt.ts';
import { parseTaskResource, type TaskServices } from './task-resources.ts';
import { mintTaskToken, type TaskTokenRegistry } from './task-tokens.ts';
import { type LongTimer, setLongTimeout, sleep } from './timers.ts';

export interface RunDependencies {
  compiled: CompiledDefinition;
  tokens: TaskTokenRegistry;
  services: TaskServices;
  region: string;
  now(): number;
  /** Appends a history event. */
  record(execution: ExecutionRecord, type: string, details: Record<string, unknown>): void;
  save(execution: ExecutionRecord): void;
  /** Closes the execution: status, result, history event, status-change notice. */
  finish(execution: ExecutionRecord, status: ClosedStatus, result: ExecutionResult): void;
}

export interface ExecutionResult {
  output?: string;
  error?: string;
  cause?: string;
}

type StateOutcome =
  | { kind: 'next'; target: string; output: JsonValue }
  | { kind: 'end'; output: JsonValue }
  | { kind: 'failed'; error: string | undefined; cause: string | undefined }
  | { kind: 'rearm' }
  | { kind: 'stopped' };

/** What the context getters of one state run read. */
interface StateScope {
  attempts: number;
  token: string | undefined;
  interpreterTimeoutSeconds: number;
  /** The state the run goes on to, once the interpreter reached a transition stub. */
  next: string | undefined;
}

interface TaskTiming {
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
}

/** Moves an execution into `stateName` (history, position, saved). */
export function enterState(
  execution: ExecutionRecord,
  deps: Pick<RunDependencies, 'compiled' | 'now' | 'record' | 'save'>,
  stateName: string,
  input: JsonValue,
): void {
  const type = deps.compiled.states.get(stateName)?.type ?? 'Unknown';
  execution.position = { stateName, input, enteredAt: deps.now() };
  delete execution.taskOutcome;
  deps.record(execution, `${type}StateEntered`, {
    name: stateName,
    input: JSON.stringify(input),
    inputDetails: { truncated: false },
  });
  deps.save(execution);
}

/**
 * Drives one RUNNING execution from its current position, one interpreter run per state, until it
 * ends or is stopped. Resuming after a restart is the same loop: the position says where to go on.
 */
export class ExecutionRun {
  readonly #execution: ExecutionRecord;
  readonly #deps: RunDependencies;
  /** `$$.Execution.Input`: the input never changes, so it is parsed once, not for every state. */
  readonly #input: JsonValue;
  readonly #controller = new AbortController();
  #abortInterpreter: (() => void) | undefined;
  #timeout: LongTimer | undefined;
  #done: Promise<void> = Promise.resolve();

  constructor(execution: ExecutionRecord, deps: RunDependencies) {
    this.#execution = execution;
    this.#deps = deps;
    this.#input = parseJson(execution.input)?.value ?? null;
  }

  start(): void {
    const { timeoutAt } = this.#execution;
    if (timeoutAt !== undefined) {
      this.#timeout = setLongTimeout(() => this.#timedOut(), timeoutAt - this.#deps.now());
    }
    this.#done = this.#drive();
  }

  /** Stops the run where it is; the caller decides what that means (StopExecution, close). */
  stop(): Promise<void> {
    this.#controller.abort();
    this.#abortInterpreter?.();
    this.#timeout?.cancel();
    return this.#done;
  }

  get #stopped(): boolean {
    return this.#controller.signal.aborted;
  }

  async #drive(): Promise<void> {
    const execution = this.#execution;
    try {
      while (!this.#stopped && execution.position !== undefined) {
        const position = execution.position;
        const state = this.#deps.compiled.states.get(position.stateName);
        if (state === undefined) {
          this.#end('FAILED', { error: 'States.Runtime', cause: `No state named '${position.stateName}'` });
          return;
        }
        const outcome = await this.#runState(state, position);
        if (this.#stopped || outcome.kind === 'stopped') return;
        if (outcome.kind === 'rearm') continue;
        if (outcome.kind === 'failed') {
          this.#end('FAILED', { error: outcome.error, cause: outcome.cause });
          return;
        }
        this.#deps.record(execution, `${state.type}StateExited`, {
          name: state.name,
          output: JSON.stringify(outcome.output),
          outputDetails: { truncated: false },
        });
        if (outcome.kind === 'end') {
          this.#end('SUCCEEDED', { output: JSON.stringify(outcome.output) });
          return;
        }
        enterState(execution, this.#deps, outcome.target, outcome.output);
      }
    } catch (error) {
      if (!this.#stopped) this.#end('FAILED', { error: 'States.Runtime', cause: errorMessage(error) });
    }
  }

  async #runState(state: CompiledState, position: Position): Promise<StateOutcome> {
    const scope: StateScope = {
      attempts: 0,
      token: position.wait?.kind === 'task' ? position.wait.token : undefined,
      interpreterTimeoutSeconds: MAX_INTERPRETER_TIMEOUT_SECONDS,
      next: undefined,
    };
    const context = this.#context(state, position, scope);
    let timing: TaskTiming = { timeoutSeconds: undefined, heartbeatSeconds: undefined };
    try {
      if (state.type === 'Wait') await this.#wait(state, position, context);
      if (state.type === 'Task') timing = await this.#taskTiming(state, position, context);
    } catch (error) {
      return { kind: 'failed', error: 'States.Runtime', cause: errorMessage(error) };
    }
    if (this.#stopped) return { kind: 'stopped' };

    const handlers: Record<string, (input: JsonValue) => Promise<JsonValue> | JsonValue> = {};
    for (const [stubName, target] of state.transitions) {
      handlers[stubName] = (input) => {
        scope.next = target;
        return input;
      };
    }
    for (const [name, nested] of state.nestedTasks) {
      handlers[name] = (input) => this.#attempt(nested, undefined, scope, input, nestedTiming(nested));
    }
    if (state.type === 'Task') {
      handlers[state.name] = (input) => this.#attempt(state.source, position, scope, input, timing);
    }
    const run = state.machine.run(position.input, {
      context,
      noThrowOnAbort: true,
      overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: { [state.name]: 0 } },
    });
    this.#abortInterpreter = run.abort;
    try {
      const output = await run.result;
      if (this.#stopped) return { kind: 'stopped' };
      if (scope.next !== undefined) return { kind: 'next', target: scope.next, output };
      return { kind: 'end', output };
    } catch (error) {
      if (this.#stopped) return { kind: 'stopped' };
      const cause = error instanceof ExecutionError ? error.cause : error;
      if (cause instanceof TaskRearmError) return { kind: 'rearm' };
      if (cause instanceof ExecutionStoppedError) return { kind: 'stopped' };
      return failure(state, cause);
    } finally {
      this.#abortInterpreter = undefined;
    }
  }

  /** One attempt of a Task state (called by the interpreter for each try, retries included). */
  #attempt(
    source: JsonObject,
    position: Position | undefined,
    scope: StateScope,
    input: JsonValue,
    timing: TaskTiming,
  ): Promise<JsonValue> {
    if (this.#stopped) throw new ExecutionStoppedError();
    const resume = scope.attempts === 0 && position?.wait?.kind === 'task' ? position.wait : undefined;
    scope.attempts += 1;
    const token = scope.token;
    scope.token = undefined;
    const execution = this.#execution;
    const attempt = new TaskAttempt({
      resource: parseTaskResource(String(source.Resource)),
      parameters: input,
      ids: { executionArn: execution.executionArn, stateMachineArn: execution.stateMachineArn },
      services: this.#deps.services,
      tokens: this.#deps.tokens,
      region: this.#deps.region,
      token,
      resume,
      ...timing,
      signal: this.#controller.signal,
      now: () => this.#deps.now(),
      record: (type, details) => this.#deps.record(execution, type, details),
      onWait: (wait: CallbackWait) => {
        // Nested (Parallel/Map) waits are not persisted: a restart re-runs the whole state.
        if (position === undefined) return;
        position.wait = wait;
        this.#deps.save(execution);
      },
    });
    // Read by the interpreter right after this returns (the TimeoutSecondsPath of the derived state).
    scope.interpreterTimeoutSeconds = attempt.interpreterTimeoutSeconds;
    return attempt.result;
  }

  /** The context object: `$$.Execution`, `$$.StateMachine`, `$$.State`, `$$.Task` as on AWS. */
  #context(state: CompiledState, position: Position, scope: StateScope): JsonObject {
    const execution = this.#execution;
    return {
      [EXECUTION_CONTEXT_KEY]: {
        Id: execution.executionArn,
        Name: execution.name,
        StartTime: new Date(execution.startDate).toISOString(),
        Input: this.#input,
        RoleArn: execution.roleArn,
        RedriveCount: 0,
      },
      StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineName },
      State: {
        Name: state.name,
        EnteredTime: new Date(position.enteredAt).toISOString(),
        get RetryCount() {
          return scope.attempts;
        },
      },
      Task: {
        // Read while the interpreter evaluates Parameters, just before the attempt starts.
        get Token() {
          scope.token ??= mintTaskToken();
          return scope.token;
        },
      },
      LocalTask: {
        get TimeoutSeconds() {
          return scope.interpreterTimeoutSeconds;
        },
      },
    } as unknown as JsonObject;
  }

  /** A Wait state sleeps here (in chunks Node can time), then the interpreter runs it with no delay. */
  async #wait(state: CompiledState, position: Position, context: JsonObject): Promise<void> {
    if (position.wait?.kind !== 'timer') {
      const until = await this.#waitUntil(state, position, context);
      position.wait = { kind: 'timer', until };
      this.#deps.save(this.#execution);
    }
    await sleep(position.wait.until - this.#deps.now(), this.#controller.signal);
  }

  async #waitUntil(state: CompiledState, position: Position, context: JsonObject): Promise<number> {
    const values = await this.#probe(state, position, context);
    const seconds = state.source.Seconds ?? values.Seconds;
    const timestamp = state.source.Timestamp ?? values.Timestamp;
    if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0) {
      return position.enteredAt + seconds * 1000;
    }
    if (typeof timestamp === 'string' && !Number.isNaN(Date.parse(timestamp))) return Date.parse(timestamp);
    throw new StatesRuntimeError(`The Wait state '${state.name}' has no valid Seconds or Timestamp`);
  }

  async #taskTiming(state: CompiledState, position: Position, context: JsonObject): Promise<TaskTiming> {
    const values = await this.#probe(state, position, context);
    return {
      timeoutSeconds: positiveSeconds(state.source.TimeoutSeconds ?? values.TimeoutSeconds, 'TimeoutSeconds'),
      heartbeatSeconds: positiveSeconds(
        state.source.HeartbeatSeconds ?? values.HeartbeatSeconds,
        'HeartbeatSeconds',
      ),
    };
  }

  async #probe(state: CompiledState, position: Position, context: JsonObject): Promise<JsonObject> {
    if (state.probe === undefined) return {};
    try {
      const values = await state.probe.run(position.input, { context }).result;
      return isJsonObject(values) ? values : {};
    } catch (error) {
      throw new StatesRuntimeError(errorMessage(error instanceof ExecutionError ? error.cause : error));
    }
  }

  #timedOut(): void {
    if (this.#stopped) return;
    this.#controller.abort();
    this.#abortInterpreter?.();
    this.#deps.finish(this.#execution, 'TIMED_OUT', { error: 'States.Timeout' });
  }

  #end(status: ClosedStatus, result: ExecutionResult): void {
    this.#timeout?.cancel();
    this.#deps.finish(this.#execution, status, result);
  }
}

function failure(state: CompiledState, cause: unknown): StateOutcome {
  if (!(cause instanceof Error)) return { kind: 'failed', error: 'States.Runtime', cause: String(cause) };
  if (state.type !== 'Fail') return { kind: 'failed', error: cause.name, cause: cause.message };
  // A Fail state without Error/Cause fails the execution without them (the interpreter fills in defaults).
  const { source } = state;
  const hasError = source.Error !== undefined || source.ErrorPath !== undefined;
  const hasCause = source.Cause !== undefined || source.CausePath !== undefined;
  return {
    kind: 'failed',
    error: hasError ? cause.name : undefined,
    cause: hasCause ? cause.message : undefined,
  };
}

function nestedTiming(source: JsonObject): TaskTiming {
  const { TimeoutSeconds: timeout } = source;
  return { timeoutSeconds: typeof timeout === 'number' ? timeout : undefined, heartbeatSeconds: undefined };
}

function positiveSeconds(value: JsonValue | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new StatesRuntimeError(`${field} must be a positive integer, got ${JSON.stringify(value)}`);
}
