import { randomUUID } from 'node:crypto';
import { errorMessage, parseJson, type ServiceReply } from '../aws-json.ts';
import { type CompiledDefinition, compileDefinition } from './definition.ts';
import { StepFunctionsServiceError } from './errors.ts';
import { type ExecutionResult, ExecutionRun, enterState, type RunDependencies } from './execution-run.ts';
import { historyEventToWire } from './history.ts';
import type {
  ClosedStatus,
  ExecutionRecord,
  ExecutionStatus,
  KeptTaskOutcome,
  StateMachineRecord,
} from './records.ts';
import {
  checkResourceName,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requestObject,
  requireString,
} from './requests.ts';
import {
  decodePageToken,
  EXECUTION_STATUSES,
  type ExecutionStatusChange,
  encodePageToken,
  executionDescription,
  executionSummary,
  page,
  seconds,
  stateMachineDescription,
  statusChange,
} from './shapes.ts';
import { ExecutionStore } from './store.ts';
import type { TaskServices } from './task-resources.ts';
import { hashTaskToken, outcomeOf, TaskTokenRegistry } from './task-tokens.ts';
import { handleRequest, type StepFunctionsApi } from './wire.ts';

export interface LocalStepFunctionsOptions extends TaskServices {
  region: string;
  accountId: string;
  /** Called on RUNNING, SUCCEEDED, FAILED, TIMED_OUT and ABORTED (the stack puts it on the bus). */
  onStatusChange?(change: ExecutionStatusChange): void | Promise<void>;
  /** Keeps executions on disk and resumes the RUNNING ones on construction. */
  persistDir?: string;
  /** One line per state change, without execution data. */
  logger?: (line: string) => void;
}

const EXECUTION_EVENT: Record<ClosedStatus, string> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  ABORTED: 'ExecutionAborted',
  TIMED_OUT: 'ExecutionTimedOut',
};
const STATE_MACHINE_ARN = /^arn:aws[\w-]*:states:[\w-]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:aws[\w-]*:states:[\w-]+:\d{12}:execution:[^:]+:[^:]+$/;
const MAX_INPUT_LENGTH = 262_144;

/**
 * A local AWS Step Functions (Standard workflows, JSONPath) around the aws-local-stepfunctions
 * interpreter: the API actions by their AWS names, AWS-shaped requests and responses, task tokens,
 * execution history, timers of any length and executions that survive a restart.
 */
export class LocalStepFunctions implements StepFunctionsApi {
  readonly #options: LocalStepFunctionsOptions;
  readonly #store: ExecutionStore;
  readonly #tokens = new TaskTokenRegistry({
    onOutcome: (executionArn, outcome) => this.#keepOutcome(executionArn, outcome),
  });
  readonly #stateMachines = new Map<string, StateMachineRecord>();
  readonly #definitionTexts = new Map<string, string>();
  readonly #compiled = new Map<string, CompiledDefinition>();
  readonly #executions = new Map<string, ExecutionRecord>();
  readonly #runs = new Map<string, ExecutionRun>();
  #closed = false;

  constructor(options: LocalStepFunctionsOptions) {
    this.#options = options;
    this.#store = new ExecutionStore(options.persistDir);
    this.#resumeStored();
  }

  /** Creates (or updates, keeping running executions on their revision) a state machine; returns its ARN. */
  createStateMachine(name: string, definition: string, options: { roleArn?: string } = {}): string {
    checkResourceName(name);
    const compiled = compileDefinition(definition);
    const arn = `arn:aws:states:${this.#options.region}:${this.#options.accountId}:stateMachine:${name}`;
    const existing = this.#stateMachines.get(arn);
    const record: StateMachineRecord = {
      name,
      arn,
      roleArn:
        options.roleArn ??
        existing?.roleArn ??
        `arn:aws:iam::${this.#options.accountId}:role/local-step-functions`,
      creationDate: existing?.creationDate ?? this.#now(),
      definitionHash: compiled.hash,
    };
    this.#compiled.set(compiled.hash, compiled);
    this.#definitionTexts.set(compiled.hash, definition);
    this.#stateMachines.set(arn, record);
    this.#store.saveDefinition(compiled.hash, definition);
    this.#store.saveStateMachine(record);
    return arn;
  }

  async StartExecution(request: unknown): Promise<{ executionArn: string; startDate: number }> {
    const body = requestObject(request);
    const machine = this.#stateMachine(body.stateMachineArn);
    const name = checkResourceName(optionalString(body.name, 'name', 256) ?? randomUUID());
    const input = optionalString(body.input, 'input', MAX_INPUT_LENGTH) ?? '{}';
    const parsed = parseJson(input);
    if (parsed === undefined) {
      throw new StepFunctionsServiceError(
        'InvalidExecutionInput',
        `Invalid State Machine Execution Input: '${input}'`,
      );
    }
    const executionArn = `arn:aws:states:${this.#options.region}:${this.#options.accountId}:execution:${machine.name}:${name}`;
    const existing = this.#executions.get(executionArn);
    if (existing !== undefined) {
      // AWS: the same name and input while the execution runs returns it; anything else is a conflict.
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: seconds(existing.startDate) };
      }
      throw new StepFunctionsServiceError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }
    if (this.#closed) throw new Error('The local Step Functions service is closed');
    const compiled = this.#definition(machine.definitionHash);
    const startDate = this.#now();
    const execution: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      stateMachineName: machine.name,
      name,
      roleArn: machine.roleArn,
      status: 'RUNNING',
      startDate,
      input,
      definitionHash: machine.definitionHash,
      ...(compiled.timeoutSeconds === undefined
        ? {}
        : { timeoutAt: startDate + compiled.timeoutSeconds * 1000 }),
      history: [],
      tokenHashes: [],
    };
    this.#executions.set(executionArn, execution);
    this.#record(execution, 'ExecutionStarted', {
      input,
      inputDetails: { truncated: false },
      roleArn: machine.roleArn,
    });
    const deps = this.#runDependencies(compiled);
    enterState(execution, deps, compiled.startAt, parsed.value);
    this.#notify(execution);
    this.#startRun(execution, deps);
    return { executionArn, startDate: seconds(startDate) };
  }

  async DescribeExecution(request: unknown): Promise<Record<string, unknown>> {
    return executionDescription(this.#execution(requestObject(request).executionArn));
  }

  async DescribeStateMachine(request: unknown): Promise<Record<string, unknown>> {
    const machine = this.#stateMachine(requestObject(request).stateMachineArn);
    return stateMachineDescription(machine, this.#definitionText(machine.definitionHash));
  }

  async DescribeStateMachineForExecution(request: unknown): Promise<Record<string, unknown>> {
    const execution = this.#execution(requestObject(request).executionArn);
    const machine = this.#stateMachine(execution.stateMachineArn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      definition: this.#definitionText(execution.definitionHash),
      roleArn: machine.roleArn,
      updateDate: seconds(machine.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    };
  }

  async ListStateMachines(request: unknown): Promise<Record<string, unknown>> {
    const body = requestObject(request);
    const maxResults = optionalInteger(body.maxResults, 'maxResults', 0, 1000);
    const cursor = decodePageToken(optionalString(body.nextToken, 'nextToken', 1024));
    const machines = [...this.#stateMachines.values()];
    const start = typeof cursor?.offset === 'number' ? cursor.offset : 0;
    const { items, more } = page(machines, start, maxResults);
    return {
      stateMachines: items.map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: seconds(machine.creationDate),
      })),
      ...(more ? { nextToken: encodePageToken({ offset: start + items.length }) } : {}),
    };
  }

  async ListExecutions(request: unknown): Promise<Record<string, unknown>> {
    const body = requestObject(request);
    const machine = this.#stateMachine(body.stateMachineArn);
    const statusFilter = optionalString(body.statusFilter, 'statusFilter', 32);
    if (statusFilter !== undefined && !EXECUTION_STATUSES.includes(statusFilter as ExecutionStatus)) {
      throw new StepFunctionsServiceError(
        'ValidationException',
        `1 validation error detected: Value '${statusFilter}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${EXECUTION_STATUSES.join(', ')}]`,
      );
    }
    const maxResults = optionalInteger(body.maxResults, 'maxResults', 0, 1000);
    const cursor = decodePageToken(optionalString(body.nextToken, 'nextToken', 3096));
    // Newest first, as AWS lists them; the cursor is the last ARN returned, so new executions do not shift pages.
    const executions = [...this.#executions.values()]
      .reverse()
      .filter(
        (e) => e.stateMachineArn === machine.arn && (statusFilter === undefined || e.status === statusFilter),
      )
      .sort((a, b) => b.startDate - a.startDate);
    let start = 0;
    if (cursor !== undefined) {
      const index = executions.findIndex((e) => e.executionArn === cursor.after);
      if (index < 0) throw new StepFunctionsServiceError('InvalidToken', 'Invalid Token: the page is gone');
      start = index + 1;
    }
    const { items, more } = page(executions, start, maxResults);
    const last = items.at(-1);
    return {
      executions: items.map(executionSummary),
      ...(more && last !== undefined ? { nextToken: encodePageToken({ after: last.executionArn }) } : {}),
    };
  }

  async GetExecutionHistory(request: unknown): Promise<Record<string, unknown>> {
    const body = requestObject(request);
    const execution = this.#execution(body.executionArn);
    const maxResults = optionalInteger(body.maxResults, 'maxResults', 0, 1000);
    const reverseOrder = optionalBoolean(body.reverseOrder, 'reverseOrder') ?? false;
    const includeData = optionalBoolean(body.includeExecutionData, 'includeExecutionData') ?? true;
    const cursor = decodePageToken(optionalString(body.nextToken, 'nextToken', 3096));
    if (cursor !== undefined && (typeof cursor.offset !== 'number' || cursor.reverse !== reverseOrder)) {
      throw new StepFunctionsServiceError(
        'InvalidToken',
        'Invalid Token: the token belongs to another listing',
      );
    }
    const start = typeof cursor?.offset === 'number' ? cursor.offset : 0;
    const events = reverseOrder ? [...execution.history].reverse() : execution.history;
    const { items, more } = page(events, start, maxResults);
    return {
      events: items.map((event) => historyEventToWire(event, includeData)),
      ...(more
        ? { nextToken: encodePageToken({ offset: start + items.length, reverse: reverseOrder }) }
        : {}),
    };
  }

  async StopExecution(request: unknown): Promise<{ stopDate: number }> {
    const body = requestObject(request);
    const execution = this.#execution(body.executionArn);
    const error = optionalString(body.error, 'error', 256);
    const cause = optionalString(body.cause, 'cause', 32_768);
    if (execution.status === 'RUNNING') {
      void this.#runs.get(execution.executionArn)?.stop();
      this.#finish(execution, 'ABORTED', { error, cause });
    }
    return { stopDate: seconds(execution.stopDate ?? this.#now()) };
  }

  async SendTaskSuccess(request: unknown): Promise<Record<string, never>> {
    const body = requestObject(request);
    this.#tokens.succeed(body.taskToken, body.output);
    return {};
  }

  async SendTaskFailure(request: unknown): Promise<Record<string, never>> {
    const body = requestObject(request);
    this.#tokens.fail(body.taskToken, body.error, body.cause);
    return {};
  }

  // Not saved: a restart re-arms the heartbeat timer in full, later than any heartbeat sent before.
  async SendTaskHeartbeat(request: unknown): Promise<Record<string, never>> {
    this.#tokens.heartbeat(requestObject(request).taskToken);
    return {};
  }

  /** One AWS JSON 1.0 request (`X-Amz-Target: AWSStepFunctions.<Action>`), answered in the wire shape. */
  handle(target: string, body: unknown): Promise<ServiceReply> {
    return handleRequest(this, target, body);
  }

  /** Stops timers and running executions; persisted ones stay RUNNING and resume on the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    const runs = [...this.#runs.values()];
    this.#runs.clear();
    await Promise.all(runs.map((run) => run.stop()));
  }

  #resumeStored(): void {
    const stored = this.#store.load();
    for (const problem of stored.problems) this.#log(`step-functions skipped unreadable file ${problem}`);
    for (const [hash, text] of stored.definitions) this.#definitionTexts.set(hash, text);
    for (const machine of stored.stateMachines) this.#stateMachines.set(machine.arn, machine);
    for (const execution of stored.executions) {
      this.#executions.set(execution.executionArn, execution);
      for (const tokenHash of execution.tokenHashes) this.#tokens.remember(tokenHash, execution.executionArn);
      const wait = execution.position?.wait;
      if (execution.status === 'RUNNING' && wait?.kind === 'task') {
        // Open at once so a SendTaskSuccess right after a restart is kept for the resumed task.
        const tokenHash = hashTaskToken(wait.token);
        this.#tokens.open(tokenHash, execution.executionArn);
        const kept = execution.taskOutcome;
        if (kept?.tokenHash === tokenHash) this.#tokens.restore(tokenHash, outcomeOf(kept));
      }
    }
    for (const execution of this.#executions.values()) {
      if (execution.status !== 'RUNNING') continue;
      let compiled: CompiledDefinition;
      try {
        compiled = this.#definition(execution.definitionHash);
      } catch (error) {
        this.#finish(execution, 'FAILED', { error: 'States.Runtime', cause: errorMessage(error) });
        continue;
      }
      this.#log(`step-functions ${execution.stateMachineName}/${execution.name} resumed`);
      this.#startRun(execution, this.#runDependencies(compiled));
    }
  }

  #startRun(execution: ExecutionRecord, deps: RunDependencies): void {
    const run = new ExecutionRun(execution, deps);
    this.#runs.set(execution.executionArn, run);
    run.start();
  }

  #runDependencies(compiled: CompiledDefinition): RunDependencies {
    return {
      compiled,
      tokens: this.#tokens,
      services: this.#options,
      region: this.#options.region,
      now: () => this.#now(),
      record: (execution, type, details) => this.#record(execution, type, details),
      save: (execution) => this.#save(execution),
      finish: (execution, status, result) => this.#finish(execution, status, result),
    };
  }

  #record(execution: ExecutionRecord, type: string, details: Record<string, unknown>): void {
    const previous = execution.history.at(-1)?.id ?? 0;
    execution.history.push({
      id: previous + 1,
      previousEventId: previous,
      timestamp: this.#now(),
      type,
      details,
    });
    if (type.endsWith('StateEntered') || type.startsWith('Execution')) {
      const state = typeof details.name === 'string' ? ` ${details.name}` : '';
      this.#log(`step-functions ${execution.stateMachineName}/${execution.name} ${type}${state}`);
    }
  }

  #save(execution: ExecutionRecord): void {
    const wait = execution.position?.wait;
    if (wait?.kind === 'task') {
      const tokenHash = hashTaskToken(wait.token);
      if (!execution.tokenHashes.includes(tokenHash)) execution.tokenHashes.push(tokenHash);
    }
    this.#store.saveExecution(execution);
  }

  /**
   * Saves a SendTaskSuccess/Failure outcome with its execution before the request is answered: the
   * sender will not send it again, so an execution killed before its next state was saved must
   * find it on restart rather than wait for it.
   */
  #keepOutcome(executionArn: string, outcome: KeptTaskOutcome): void {
    const execution = this.#executions.get(executionArn);
    if (execution?.status !== 'RUNNING') return;
    execution.taskOutcome = outcome;
    this.#store.saveExecution(execution);
  }

  #finish(execution: ExecutionRecord, status: ClosedStatus, result: ExecutionResult): void {
    if (execution.status !== 'RUNNING') return;
    const wait = execution.position?.wait;
    if (wait?.kind === 'task') this.#tokens.close(hashTaskToken(wait.token));
    execution.status = status;
    execution.stopDate = this.#now();
    delete execution.position;
    delete execution.taskOutcome;
    if (result.output !== undefined) execution.output = result.output;
    if (result.error !== undefined) execution.error = result.error;
    if (result.cause !== undefined) execution.cause = result.cause;
    const details =
      status === 'SUCCEEDED'
        ? { output: result.output, outputDetails: { truncated: false } }
        : {
            ...(result.error === undefined ? {} : { error: result.error }),
            ...(result.cause === undefined ? {} : { cause: result.cause }),
          };
    this.#record(execution, EXECUTION_EVENT[status], details);
    this.#store.saveExecution(execution);
    this.#runs.delete(execution.executionArn);
    this.#notify(execution);
  }

  #notify(execution: ExecutionRecord): void {
    const onStatusChange = this.#options.onStatusChange;
    if (onStatusChange === undefined) return;
    const change = statusChange(execution);
    // A failing listener must not fail the execution; it is logged instead.
    void Promise.resolve()
      .then(() => onStatusChange(change))
      .catch((error: unknown) => {
        const name = error instanceof Error ? error.name : 'Error';
        this.#log(`step-functions status change of ${execution.name} not delivered: ${name}`);
      });
  }

  #stateMachine(arn: unknown): StateMachineRecord {
    const text = requireString(arn, 'stateMachineArn', 256);
    if (!STATE_MACHINE_ARN.test(text))
      throw new StepFunctionsServiceError('InvalidArn', `Invalid Arn: '${text}'`);
    const machine = this.#stateMachines.get(text);
    if (machine === undefined) {
      throw new StepFunctionsServiceError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${text}'`,
      );
    }
    return machine;
  }

  #execution(arn: unknown): ExecutionRecord {
    const text = requireString(arn, 'executionArn', 256);
    if (!EXECUTION_ARN.test(text))
      throw new StepFunctionsServiceError('InvalidArn', `Invalid Arn: '${text}'`);
    const execution = this.#executions.get(text);
    if (execution === undefined) {
      throw new StepFunctionsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${text}'`);
    }
    return execution;
  }

  #definition(hash: string): CompiledDefinition {
    const cached = this.#compiled.get(hash);
    if (cached !== undefined) return cached;
    const compiled = compileDefinition(this.#definitionText(hash));
    this.#compiled.set(hash, compiled);
    return compiled;
  }

  #definitionText(hash: string): string {
    const text = this.#definitionTexts.get(hash);
    if (text === undefined) throw new Error(`Definition revision ${hash} is missing`);
    return text;
  }

  #now(): number {
    return Date.now();
  }

  #log(line: string): void {
    this.#options.logger?.(line);
  }
}
