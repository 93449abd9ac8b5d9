import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PutEventsEntry, PutEventsResult } from '../../src/event-bus.ts';
import { lambdaServiceError } from '../../src/lambda-errors.ts';
import { MAX_INTERPRETER_TIMEOUT_SECONDS } from '../../src/step-functions/definition.ts';
import { StepFunctionsServiceError, TaskRearmError } from '../../src/step-functions/errors.ts';
import type { CallbackWait } from '../../src/step-functions/records.ts';
import { LocalStepFunctions, type LocalStepFunctionsOptions } from '../../src/step-functions/service.ts';
import type { ExecutionStatusChange } from '../../src/step-functions/shapes.ts';
import { type AttemptSetup, TaskAttempt } from '../../src/step-functions/task-attempt.ts';
import { parseTaskResource } from '../../src/step-functions/task-resources.ts';
import { mintTaskToken, TaskTokenRegistry } from '../../src/step-functions/task-tokens.ts';
import { MAX_TIMER_MS, setLongTimeout } from '../../src/step-functions/timers.ts';

const REGION = 'eu-north-1';
const ACCOUNT = '123456789012';
const DAY_SECONDS = 86_400;

type Invoke = (functionName: string, payload: any) => Promise<unknown>;

interface Harness {
  sfn: LocalStepFunctions;
  calls: { functionName: string; payload: any }[];
  events: PutEventsEntry[][];
  changes: ExecutionStatusChange[];
  lines: string[];
  /** Task tokens handed to functions, in order. */
  tokens: string[];
  setInvoke(invoke: Invoke): void;
  setPutEvents(putEvents: (entries: PutEventsEntry[]) => Promise<PutEventsResult>): void;
}

const services: LocalStepFunctions[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(services.splice(0).map((sfn) => sfn.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function harness(options: Partial<LocalStepFunctionsOptions> = {}): Harness {
  const state = {
    calls: [] as Harness['calls'],
    events: [] as PutEventsEntry[][],
    changes: [] as ExecutionStatusChange[],
    lines: [] as string[],
    tokens: [] as string[],
    invoke: (async () => ({ ok: true })) as Invoke,
    putEvents: async (entries: PutEventsEntry[]): Promise<PutEventsResult> => ({
      FailedEntryCount: 0,
      Entries: entries.map((_, i) => ({ EventId: `event-${i}` })),
    }),
  };
  const sfn = new LocalStepFunctions({
    region: REGION,
    accountId: ACCOUNT,
    invokeFunction: async (functionName, payload: any) => {
      state.calls.push({ functionName, payload });
      if (typeof payload?.taskToken === 'string') state.tokens.push(payload.taskToken);
      return state.invoke(functionName, payload);
    },
    putEvents: async (entries) => {
      state.events.push(entries);
      return state.putEvents(entries);
    },
    onStatusChange: (change) => {
      state.changes.push(change);
    },
    logger: (line) => state.lines.push(line),
    ...options,
  });
  services.push(sfn);
  return {
    sfn,
    calls: state.calls,
    events: state.events,
    changes: state.changes,
    lines: state.lines,
    tokens: state.tokens,
    setInvoke: (invoke) => {
      state.invoke = invoke;
    },
    setPutEvents: (putEvents) => {
      state.putEvents = putEvents;
    },
  };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function describe_(sfn: LocalStepFunctions, executionArn: string): Promise<any> {
  return sfn.DescribeExecution({ executionArn });
}

async function waitForStatus(
  sfn: LocalStepFunctions,
  executionArn: string,
  status: string,
  timeoutMs = 8000,
) {
  return waitFor(async () => {
    const described = await describe_(sfn, executionArn);
    return described.status === status ? described : undefined;
  }, timeoutMs);
}

async function historyTypes(sfn: LocalStepFunctions, executionArn: string): Promise<string[]> {
  const { events } = (await sfn.GetExecutionHistory({ executionArn, maxResults: 1000 })) as { events: any[] };
  return events.map((event) => event.type);
}

async function expectServiceError(
  promise: Promise<unknown>,
  code: string,
): Promise<StepFunctionsServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StepFunctionsServiceError);
  expect((error as StepFunctionsServiceError).code).toBe(code);
  return error as StepFunctionsServiceError;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-sfn-'));
  dirs.push(dir);
  return dir;
}

const PASS_MACHINE = {
  StartAt: 'Shape',
  States: {
    Shape: {
      Type: 'Pass',
      Parameters: {
        'value.$': '$.value',
        'executionName.$': '$$.Execution.Name',
        'executionId.$': '$$.Execution.Id',
        'executionInput.$': '$$.Execution.Input',
        'startTime.$': '$$.Execution.StartTime',
        'machine.$': '$$.StateMachine.Name',
        'state.$': '$$.State.Name',
        'entered.$': '$$.State.EnteredTime',
        'sum.$': 'States.MathAdd($.value, 1)',
      },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

/** A callback task; its Catch sends a timeout to TimedOut and a failure to Failed. */
function callbackMachine(task: Record<string, unknown> = {}): object {
  return {
    StartAt: 'Wait',
    States: {
      Wait: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: 'await-callback',
          Payload: { 'taskToken.$': '$$.Task.Token', 'id.$': '$.id' },
        },
        ResultPath: '$.result',
        Catch: [
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'TimedOut' },
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' },
        ],
        Next: 'Done',
        ...task,
      },
      TimedOut: { Type: 'Pass', Result: 'TIMED_OUT', ResultPath: '$.outcome', End: true },
      Failed: { Type: 'Pass', Result: 'FAILED', ResultPath: '$.outcome', End: true },
      Done: { Type: 'Succeed' },
    },
  };
}

function create(h: Harness, name: string, definition: object): string {
  return h.sfn.createStateMachine(name, JSON.stringify(definition));
}

describe('LocalStepFunctions: state machines', () => {
  test('createStateMachine returns the AWS ARN; Describe and List show it', async () => {
    const h = harness();
    const arn = create(h, 'shapes', PASS_MACHINE);
    expect(arn).toBe(`arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:shapes`);
    const described: any = await h.sfn.DescribeStateMachine({ stateMachineArn: arn });
    expect(described).toMatchObject({
      stateMachineArn: arn,
      name: 'shapes',
      status: 'ACTIVE',
      type: 'STANDARD',
    });
    expect(JSON.parse(described.definition)).toEqual(PASS_MACHINE);
    expect(typeof described.creationDate).toBe('number');
    const listed: any = await h.sfn.ListStateMachines({});
    expect(listed.stateMachines).toEqual([
      { stateMachineArn: arn, name: 'shapes', type: 'STANDARD', creationDate: described.creationDate },
    ]);
  });

  test('invalid and JSONata definitions are refused with InvalidDefinition', () => {
    const h = harness();
    const invalid = () =>
      h.sfn.createStateMachine(
        'bad',
        JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } }),
      );
    expect(invalid).toThrow(expect.objectContaining({ code: 'InvalidDefinition' }));
    const jsonata = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    expect(() => create(h, 'jsonata', jsonata)).toThrow(
      expect.objectContaining({ code: 'InvalidDefinition' }),
    );
    expect(() => h.sfn.createStateMachine('bad-json', '{')).toThrow(
      expect.objectContaining({ code: 'InvalidDefinition' }),
    );
    expect(() => create(h, 'bad name', PASS_MACHINE)).toThrow(
      expect.objectContaining({ code: 'InvalidName' }),
    );
  });
});

describe('LocalStepFunctions: executions', () => {
  test('runs a Pass state with intrinsics and the context object', async () => {
    const h = harness();
    const arn = create(h, 'shapes', PASS_MACHINE);
    const started = await h.sfn.StartExecution({
      stateMachineArn: arn,
      name: 'order-1',
      input: '{"value":41}',
    });
    expect(started.executionArn).toBe(`arn:aws:states:${REGION}:${ACCOUNT}:execution:shapes:order-1`);
    expect(started.startDate).toBeCloseTo(Date.now() / 1000, -1);
    const done = await waitForStatus(h.sfn, started.executionArn, 'SUCCEEDED');
    const output = JSON.parse(done.output);
    expect(output).toMatchObject({
      value: 41,
      sum: 42,
      executionName: 'order-1',
      executionId: started.executionArn,
      executionInput: { value: 41 },
      startTime: new Date(started.startDate * 1000).toISOString(),
      machine: 'shapes',
      state: 'Shape',
    });
    expect(Date.parse(output.entered)).toBeGreaterThanOrEqual(started.startDate * 1000);
  });

  test('DescribeExecution, ListExecutions and status changes are AWS-shaped', async () => {
    const h = harness();
    const arn = create(h, 'shapes', PASS_MACHINE);
    const { executionArn } = await h.sfn.StartExecution({
      stateMachineArn: arn,
      name: 'a',
      input: '{"value":1}',
    });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(done).toEqual({
      executionArn,
      stateMachineArn: arn,
      name: 'a',
      status: 'SUCCEEDED',
      startDate: expect.any(Number),
      stopDate: expect.any(Number),
      input: '{"value":1}',
      inputDetails: { included: true },
      output: expect.any(String),
      outputDetails: { included: true },
      redriveCount: 0,
    });
    await waitFor(() => (h.changes.length === 2 ? true : undefined));
    expect(h.changes.map((c) => c.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(h.changes[1]).toEqual({
      executionArn,
      stateMachineArn: arn,
      name: 'a',
      status: 'SUCCEEDED',
      startDate: done.startDate * 1000,
      stopDate: done.stopDate * 1000,
      input: '{"value":1}',
      inputDetails: { included: true },
      output: done.output,
      outputDetails: { included: true },
      error: null,
      cause: null,
    });
    expect(h.lines).toContain('step-functions shapes/a PassStateEntered Shape');
    expect(h.lines.join('\n')).not.toContain('"value"');

    const waiting = create(h, 'waiting', callbackMachine());
    for (const name of ['w1', 'w2', 'w3']) {
      await h.sfn.StartExecution({ stateMachineArn: waiting, name, input: '{"id":"x"}' });
    }
    const all: any = await h.sfn.ListExecutions({ stateMachineArn: waiting });
    expect(all.executions.map((e: any) => e.name)).toEqual(['w3', 'w2', 'w1']);
    expect(all.executions[0]).toEqual({
      executionArn: expect.stringContaining(':execution:waiting:w3'),
      stateMachineArn: waiting,
      name: 'w3',
      status: 'RUNNING',
      startDate: expect.any(Number),
    });
    const first: any = await h.sfn.ListExecutions({ stateMachineArn: waiting, maxResults: 2 });
    expect(first.executions.map((e: any) => e.name)).toEqual(['w3', 'w2']);
    const second: any = await h.sfn.ListExecutions({
      stateMachineArn: waiting,
      maxResults: 2,
      nextToken: first.nextToken,
    });
    expect(second.executions.map((e: any) => e.name)).toEqual(['w1']);
    expect(second.nextToken).toBeUndefined();
    const succeeded: any = await h.sfn.ListExecutions({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' });
    expect(succeeded.executions.map((e: any) => e.name)).toEqual(['a']);
    const running: any = await h.sfn.ListExecutions({ stateMachineArn: arn, statusFilter: 'RUNNING' });
    expect(running.executions).toEqual([]);
    await expectServiceError(
      h.sfn.ListExecutions({ stateMachineArn: arn, statusFilter: 'DONE' }),
      'ValidationException',
    );
    await expectServiceError(
      h.sfn.ListExecutions({ stateMachineArn: arn, nextToken: 'garbage' }),
      'InvalidToken',
    );
  });

  test('GetExecutionHistory: AWS event types and details, reverseOrder, paging, includeExecutionData', async () => {
    const h = harness();
    const arn = create(h, 'shapes', PASS_MACHINE);
    const { executionArn } = await h.sfn.StartExecution({
      stateMachineArn: arn,
      name: 'h',
      input: '{"value":1}',
    });
    await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    const history: any = await h.sfn.GetExecutionHistory({ executionArn });
    expect(history.events.map((e: any) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.events[0]).toEqual({
      timestamp: expect.any(Number),
      type: 'ExecutionStarted',
      id: 1,
      previousEventId: 0,
      executionStartedEventDetails: {
        input: '{"value":1}',
        inputDetails: { truncated: false },
        roleArn: expect.stringMatching(/^arn:aws:iam::/),
      },
    });
    expect(history.events[1].stateEnteredEventDetails).toEqual({
      name: 'Shape',
      input: '{"value":1}',
      inputDetails: { truncated: false },
    });
    expect(history.events[2].stateExitedEventDetails).toMatchObject({
      name: 'Shape',
      outputDetails: { truncated: false },
    });
    expect(history.events[5].executionSucceededEventDetails.output).toEqual(
      expect.stringContaining('"sum":2'),
    );
    expect(history.events.map((e: any) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);

    const reversed: any = await h.sfn.GetExecutionHistory({
      executionArn,
      reverseOrder: true,
      maxResults: 4,
    });
    expect(reversed.events.map((e: any) => e.id)).toEqual([6, 5, 4, 3]);
    const rest: any = await h.sfn.GetExecutionHistory({
      executionArn,
      reverseOrder: true,
      maxResults: 4,
      nextToken: reversed.nextToken,
    });
    expect(rest.events.map((e: any) => e.id)).toEqual([2, 1]);
    expect(rest.nextToken).toBeUndefined();
    const withoutData: any = await h.sfn.GetExecutionHistory({ executionArn, includeExecutionData: false });
    expect(withoutData.events[1].stateEnteredEventDetails).toEqual({
      name: 'Shape',
      inputDetails: { truncated: false },
    });
  });

  test('StartExecution is idempotent by name while RUNNING; otherwise ExecutionAlreadyExists', async () => {
    const h = harness();
    const arn = create(h, 'waiting', callbackMachine());
    const first = await h.sfn.StartExecution({ stateMachineArn: arn, name: 'order-7', input: '{"id":"o7"}' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await h.sfn.StartExecution({ stateMachineArn: arn, name: 'order-7', input: '{"id":"o7"}' });
    expect(again).toEqual(first);
    const conflict = await expectServiceError(
      h.sfn.StartExecution({ stateMachineArn: arn, name: 'order-7', input: '{"id":"other"}' }),
      'ExecutionAlreadyExists',
    );
    expect(conflict.message).toContain(first.executionArn);
    await h.sfn.StopExecution({ executionArn: first.executionArn });
    // Closed executions keep their name (AWS: for 90 days).
    await expectServiceError(
      h.sfn.StartExecution({ stateMachineArn: arn, name: 'order-7', input: '{"id":"o7"}' }),
      'ExecutionAlreadyExists',
    );
    const { executions } = (await h.sfn.ListExecutions({ stateMachineArn: arn })) as {
      executions: unknown[];
    };
    expect(executions).toHaveLength(1);
  });

  test('request errors carry the AWS codes', async () => {
    const h = harness();
    const arn = create(h, 'shapes', PASS_MACHINE);
    await expectServiceError(
      h.sfn.StartExecution({ stateMachineArn: arn, name: 'has space' }),
      'InvalidName',
    );
    await expectServiceError(
      h.sfn.StartExecution({ stateMachineArn: arn, name: 'x'.repeat(81) }),
      'InvalidName',
    );
    await expectServiceError(
      h.sfn.StartExecution({ stateMachineArn: arn, input: '{nope' }),
      'InvalidExecutionInput',
    );
    await expectServiceError(
      h.sfn.StartExecution({ stateMachineArn: `${arn}-gone` }),
      'StateMachineDoesNotExist',
    );
    await expectServiceError(h.sfn.StartExecution({ stateMachineArn: 'not-an-arn' }), 'InvalidArn');
    await expectServiceError(h.sfn.StartExecution({}), 'ValidationException');
    const missing = `arn:aws:states:${REGION}:${ACCOUNT}:execution:shapes:nope`;
    await expectServiceError(h.sfn.DescribeExecution({ executionArn: missing }), 'ExecutionDoesNotExist');
    await expectServiceError(h.sfn.GetExecutionHistory({ executionArn: missing }), 'ExecutionDoesNotExist');
    await expectServiceError(h.sfn.StopExecution({ executionArn: missing }), 'ExecutionDoesNotExist');
    await expectServiceError(h.sfn.DescribeExecution({ executionArn: arn }), 'InvalidArn');
    const unnamed = await h.sfn.StartExecution({ stateMachineArn: arn });
    expect(unnamed.executionArn).toMatch(/:execution:shapes:[0-9a-f-]{36}$/);
  });

  test('a Fail state fails the execution with its Error and Cause', async () => {
    const h = harness();
    const arn = create(h, 'fails', {
      StartAt: 'Boom',
      States: { Boom: { Type: 'Fail', Error: 'Custom.Error', Cause: 'It broke' } },
    });
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn });
    const failed = await waitForStatus(h.sfn, executionArn, 'FAILED');
    expect(failed).toMatchObject({ error: 'Custom.Error', cause: 'It broke' });
    expect(await historyTypes(h.sfn, executionArn)).toEqual([
      'ExecutionStarted',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
    await waitFor(() => (h.changes.at(-1)?.status === 'FAILED' ? true : undefined));
    expect(h.changes.at(-1)).toMatchObject({ error: 'Custom.Error', cause: 'It broke', output: null });
  });

  test('a Wait state waits, then goes on', async () => {
    const h = harness();
    const arn = create(h, 'waits', {
      StartAt: 'Pause',
      States: { Pause: { Type: 'Wait', SecondsPath: '$.seconds', Next: 'Done' }, Done: { Type: 'Succeed' } },
    });
    const started = Date.now();
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"seconds":1}' });
    await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await historyTypes(h.sfn, executionArn)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
  });

  test('the definition TimeoutSeconds times the execution out', async () => {
    const h = harness();
    const arn = create(h, 'short', { ...callbackMachine(), TimeoutSeconds: 1 });
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"t"}' });
    const timedOut = await waitForStatus(h.sfn, executionArn, 'TIMED_OUT');
    expect(timedOut.error).toBe('States.Timeout');
    expect((await historyTypes(h.sfn, executionArn)).at(-1)).toBe('ExecutionTimedOut');
    await expectServiceError(h.sfn.SendTaskSuccess({ taskToken: h.tokens[0], output: '{}' }), 'TaskTimedOut');
  });
});

describe('LocalStepFunctions: task tokens', () => {
  test('SendTaskSuccess completes a callback task with its output', async () => {
    const h = harness();
    const arn = create(h, 'waiting', callbackMachine());
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"x1"}' });
    const token = await waitFor(() => h.tokens[0]);
    expect(h.calls[0]).toEqual({ functionName: 'await-callback', payload: { taskToken: token, id: 'x1' } });
    await waitFor(async () =>
      (await historyTypes(h.sfn, executionArn)).includes('TaskSubmitted') ? true : undefined,
    );
    await h.sfn.SendTaskHeartbeat({ taskToken: token });
    await h.sfn.SendTaskSuccess({ taskToken: token, output: '{"accepted":true}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toEqual({ id: 'x1', result: { accepted: true } });
    expect(await historyTypes(h.sfn, executionArn)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    const { events } = (await h.sfn.GetExecutionHistory({ executionArn })) as { events: any[] };
    expect(events[2].taskScheduledEventDetails).toEqual({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      region: REGION,
      parameters: JSON.stringify({ FunctionName: 'await-callback', Payload: { taskToken: token, id: 'x1' } }),
    });
    expect(JSON.parse(events[4].taskSubmittedEventDetails.output)).toEqual({
      ExecutedVersion: '$LATEST',
      Payload: { ok: true },
      StatusCode: 200,
    });
    expect(events[5].taskSucceededEventDetails.output).toBe('{"accepted":true}');
    // A used token is gone, as on AWS.
    await expectServiceError(h.sfn.SendTaskSuccess({ taskToken: token, output: '{}' }), 'TaskTimedOut');
    await expectServiceError(h.sfn.SendTaskFailure({ taskToken: token }), 'TaskTimedOut');
    await expectServiceError(h.sfn.SendTaskHeartbeat({ taskToken: token }), 'TaskTimedOut');
  });

  test('a token sent while the function still runs is kept for the task', async () => {
    const h = harness();
    h.setInvoke(async (_, payload) => {
      await h.sfn.SendTaskSuccess({ taskToken: payload.taskToken, output: '"early"' });
      return {};
    });
    const arn = create(h, 'waiting', callbackMachine());
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"e"}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).result).toBe('early');
  });

  test('a token answered while the function runs decides the task even if the function then fails', async () => {
    const h = harness();
    let calls = 0;
    h.setInvoke(async (_, payload) => {
      calls++;
      await h.sfn.SendTaskSuccess({ taskToken: payload.taskToken, output: '"early"' });
      // The function dies after the callback was accepted (a timeout, a killed runtime).
      throw Object.assign(new Error('Task timed out after 30.00 seconds'), { name: 'Sandbox.Timedout' });
    });
    const arn = create(h, 'waiting', callbackMachine());
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"f"}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).result).toBe('early');
    expect(calls).toBe(1);
  });

  test('garbage, unknown and non-JSON: InvalidToken, TaskDoesNotExist, InvalidOutput', async () => {
    const h = harness();
    const arn = create(h, 'waiting', callbackMachine());
    await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"g"}' });
    const token = await waitFor(() => h.tokens[0]);
    await expectServiceError(h.sfn.SendTaskSuccess({ taskToken: 'garbage', output: '{}' }), 'InvalidToken');
    await expectServiceError(
      h.sfn.SendTaskSuccess({ taskToken: mintTaskToken(), output: '{}' }),
      'TaskDoesNotExist',
    );
    await expectServiceError(h.sfn.SendTaskFailure({ taskToken: mintTaskToken() }), 'TaskDoesNotExist');
    await expectServiceError(h.sfn.SendTaskHeartbeat({ taskToken: mintTaskToken() }), 'TaskDoesNotExist');
    await expectServiceError(
      h.sfn.SendTaskSuccess({ taskToken: token, output: 'not json' }),
      'InvalidOutput',
    );
    await expectServiceError(h.sfn.SendTaskSuccess({ taskToken: token }), 'ValidationException');
    await expectServiceError(h.sfn.SendTaskSuccess({ output: '{}' }), 'ValidationException');
    await expectServiceError(
      h.sfn.SendTaskSuccess({ taskToken: 'x'.repeat(2049), output: '{}' }),
      'ValidationException',
    );
  });

  test('SendTaskFailure fails the task with the given error and cause (caught, then uncaught)', async () => {
    const h = harness();
    const caught = create(h, 'caught', callbackMachine());
    const first = await h.sfn.StartExecution({ stateMachineArn: caught, input: '{"id":"f"}' });
    await h.sfn.SendTaskFailure({
      taskToken: await waitFor(() => h.tokens[0]),
      error: 'Scan.Rejected',
      cause: 'red',
    });
    const done = await waitForStatus(h.sfn, first.executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toEqual({
      id: 'f',
      error: { Error: 'Scan.Rejected', Cause: 'red' },
      outcome: 'FAILED',
    });
    expect(await historyTypes(h.sfn, first.executionArn)).toContain('TaskFailed');

    const { Catch, ...waitWithoutCatch } = (
      callbackMachine() as { States: { Wait: Record<string, unknown> } }
    ).States.Wait;
    const uncaught = create(h, 'uncaught', {
      StartAt: 'Wait',
      States: { Wait: waitWithoutCatch, Done: { Type: 'Succeed' } },
    });
    const second = await h.sfn.StartExecution({ stateMachineArn: uncaught, input: '{"id":"u"}' });
    await h.sfn.SendTaskFailure({
      taskToken: await waitFor(() => h.tokens[1]),
      error: 'Scan.Rejected',
      cause: 'red',
    });
    const failed = await waitForStatus(h.sfn, second.executionArn, 'FAILED');
    expect(failed).toMatchObject({ error: 'Scan.Rejected', cause: 'red' });
    expect((await historyTypes(h.sfn, second.executionArn)).slice(-2)).toEqual([
      'TaskFailed',
      'ExecutionFailed',
    ]);
  });

  test('TimeoutSecondsPath times the wait out into the States.Timeout catcher; the token is then gone', async () => {
    const h = harness();
    const arn = create(h, 'timeouts', callbackMachine({ TimeoutSecondsPath: '$.timeout' }));
    const { executionArn } = await h.sfn.StartExecution({
      stateMachineArn: arn,
      input: '{"id":"t","timeout":1}',
    });
    const token = await waitFor(() => h.tokens[0]);
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toMatchObject({
      outcome: 'TIMED_OUT',
      timedOut: { Error: 'States.Timeout' },
    });
    const { events } = (await h.sfn.GetExecutionHistory({ executionArn })) as { events: any[] };
    const timedOut = events.find((e) => e.type === 'TaskTimedOut');
    expect(timedOut.taskTimedOutEventDetails).toEqual({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      error: 'States.Timeout',
    });
    expect(events.find((e) => e.type === 'TaskScheduled').taskScheduledEventDetails.timeoutInSeconds).toBe(1);
    expect(events.map((e) => e.type)).toContain('TaskStateExited');
    await expectServiceError(h.sfn.SendTaskSuccess({ taskToken: token, output: '{}' }), 'TaskTimedOut');
  });

  test('States.TaskFailed does not catch a timeout (as on AWS)', async () => {
    const h = harness();
    const arn = create(
      h,
      'task-failed',
      callbackMachine({
        TimeoutSeconds: 1,
        Catch: [
          { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Failed' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'TimedOut' },
        ],
      }),
    );
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"t"}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).outcome).toBe('TIMED_OUT');
  });

  test('HeartbeatSeconds: heartbeats keep the task alive; without them it times out', async () => {
    const h = harness();
    const arn = create(h, 'heartbeats', callbackMachine({ HeartbeatSeconds: 1, TimeoutSeconds: 30 }));
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"h"}' });
    const token = await waitFor(() => h.tokens[0]);
    for (let beat = 0; beat < 3; beat++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await h.sfn.SendTaskHeartbeat({ taskToken: token });
    }
    expect((await describe_(h.sfn, executionArn)).status).toBe('RUNNING');
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toMatchObject({
      outcome: 'FAILED',
      error: { Error: 'States.HeartbeatTimeout' },
    });
  });

  test('StopExecution aborts a waiting execution and retires its token', async () => {
    const h = harness();
    const arn = create(h, 'waiting', callbackMachine());
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"s"}' });
    const token = await waitFor(() => h.tokens[0]);
    const stopped = await h.sfn.StopExecution({
      executionArn,
      error: 'Operator.Cancel',
      cause: 'Order cancelled',
    });
    expect(typeof stopped.stopDate).toBe('number');
    const described = await describe_(h.sfn, executionArn);
    expect(described).toMatchObject({
      status: 'ABORTED',
      error: 'Operator.Cancel',
      cause: 'Order cancelled',
    });
    const { events } = (await h.sfn.GetExecutionHistory({ executionArn, reverseOrder: true })) as {
      events: any[];
    };
    expect(events[0]).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Operator.Cancel', cause: 'Order cancelled' },
    });
    await expectServiceError(h.sfn.SendTaskSuccess({ taskToken: token, output: '{}' }), 'TaskTimedOut');
    await waitFor(() => (h.changes.at(-1)?.status === 'ABORTED' ? true : undefined));
    // Stopping a closed execution changes nothing.
    expect(await h.sfn.StopExecution({ executionArn })).toEqual({ stopDate: described.stopDate });
  });
});

describe('LocalStepFunctions: task resources, Retry and Catch', () => {
  const invokeMachine = {
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: 'arn:aws:lambda:eu-north-1:123456789012:function:work',
          Payload: { 'n.$': '$.n' },
        },
        ResultSelector: { 'value.$': '$.Payload.value', 'status.$': '$.StatusCode' },
        ResultPath: '$.result',
        TimeoutSeconds: 5,
        Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
        End: true,
      },
      Recover: { Type: 'Pass', Result: 'recovered', ResultPath: '$.outcome', End: true },
    },
  };

  test('lambda:invoke passes FunctionName and Payload and returns the Lambda response shape', async () => {
    const h = harness();
    h.setInvoke(async (_, payload) => ({ value: payload.n * 2 }));
    const arn = create(h, 'invoke', invokeMachine);
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"n":21}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toEqual({ n: 21, result: { value: 42, status: 200 } });
    expect(h.calls).toEqual([
      { functionName: 'arn:aws:lambda:eu-north-1:123456789012:function:work', payload: { n: 21 } },
    ]);
  });

  test('Retry re-runs the task after a TransientError', async () => {
    const h = harness();
    let attempts = 0;
    h.setInvoke(async () => {
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error('try again'), { name: 'TransientError' });
      return { value: 'second time' };
    });
    const arn = create(h, 'invoke', invokeMachine);
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"n":1}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).result.value).toBe('second time');
    const { events } = (await h.sfn.GetExecutionHistory({ executionArn })) as { events: any[] };
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[4].taskFailedEventDetails).toEqual({
      resourceType: 'lambda',
      resource: 'invoke',
      error: 'TransientError',
      cause: JSON.stringify({ errorType: 'TransientError', errorMessage: 'try again' }),
    });
  });

  test('Catch gets the Lambda error with a Lambda-shaped Cause', async () => {
    const h = harness();
    h.setInvoke(async () => {
      throw Object.assign(new Error('no such onboarding'), { name: 'OnboardingNotFoundError' });
    });
    const arn = create(h, 'invoke', invokeMachine);
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"n":1}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    const output = JSON.parse(done.output);
    expect(output.outcome).toBe('recovered');
    expect(output.error.Error).toBe('OnboardingNotFoundError');
    expect(JSON.parse(output.error.Cause)).toEqual({
      errorType: 'OnboardingNotFoundError',
      errorMessage: 'no such onboarding',
    });
  });

  test("A Lambda service error keeps its Lambda.* name, with the SDK's description as the Cause", async () => {
    const h = harness();
    const error = lambdaServiceError('request-1');
    h.setInvoke(async () => {
      throw error;
    });
    const arn = create(h, 'invoke', invokeMachine);
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"n":1}' });
    const output = JSON.parse((await waitForStatus(h.sfn, executionArn, 'SUCCEEDED')).output);
    expect(output.error).toEqual({ Error: 'Lambda.ServiceException', Cause: error.message });
  });

  test('events:putEvents sends the entries with the execution and state machine ARNs; FailedEntry fails the task', async () => {
    const h = harness();
    const arn = create(h, 'publish', {
      StartAt: 'Publish',
      States: {
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents',
          Parameters: {
            Entries: [
              {
                EventBusName: 'onboarding',
                Source: 'id06.onboarding',
                DetailType: 'AccountCreated',
                Detail: { 'orderId.$': '$$.Execution.Name', 'at.$': '$$.State.EnteredTime' },
              },
            ],
          },
          ResultPath: '$.published',
          End: true,
        },
      },
    });
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, name: 'order-9' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).published).toEqual({
      FailedEntryCount: 0,
      Entries: [{ EventId: 'event-0' }],
    });
    const entry = h.events[0]?.[0];
    expect(entry).toMatchObject({
      EventBusName: 'onboarding',
      Source: 'id06.onboarding',
      DetailType: 'AccountCreated',
    });
    expect(entry?.Resources).toEqual([executionArn, arn]);
    const detail = JSON.parse(entry?.Detail ?? '{}');
    expect(detail.orderId).toBe('order-9');
    expect(Date.parse(detail.at)).not.toBeNaN();

    h.setPutEvents(async () => ({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] }));
    const failing = await h.sfn.StartExecution({ stateMachineArn: arn, name: 'order-10' });
    const failed = await waitForStatus(h.sfn, failing.executionArn, 'FAILED');
    expect(failed.error).toBe('EventBridge.FailedEntry');
    expect(JSON.parse(failed.cause)).toEqual({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure' }],
    });
  });

  test('other integrations go to callService, and without it fail with States.Runtime', async () => {
    const calls: unknown[] = [];
    const h = harness({
      callService: async (resource, parameters) => {
        calls.push({ resource, parameters });
        return { Item: { pk: { S: 'x' } } };
      },
    });
    const arn = create(h, 'dynamodb', {
      StartAt: 'Get',
      States: {
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 't', Key: { pk: { 'S.$': '$.id' } } },
          End: true,
        },
      },
    });
    const { executionArn } = await h.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"x"}' });
    const done = await waitForStatus(h.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toEqual({ Item: { pk: { S: 'x' } } });
    expect(calls).toEqual([
      {
        resource: 'arn:aws:states:::dynamodb:getItem',
        parameters: { TableName: 't', Key: { pk: { S: 'x' } } },
      },
    ]);

    const plain = harness();
    const plainArn = create(plain, 'dynamodb', {
      StartAt: 'Get',
      States: {
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: {}, End: true },
      },
    });
    const unsupported = await plain.sfn.StartExecution({ stateMachineArn: plainArn });
    const failed = await waitForStatus(plain.sfn, unsupported.executionArn, 'FAILED');
    expect(failed.error).toBe('States.Runtime');
  });
});

describe('LocalStepFunctions: long timers', () => {
  test('setLongTimeout waits out delays longer than one step, in steps', async () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
    const started = Date.now();
    const fired = await new Promise<number>((resolve) => setLongTimeout(() => resolve(Date.now()), 60, 15));
    expect(fired - started).toBeGreaterThanOrEqual(55);
    let cancelledFired = false;
    const timer = setLongTimeout(
      () => {
        cancelledFired = true;
      },
      40,
      10,
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    timer.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cancelledFired).toBe(false);
  });

  test('a callback wait longer than one re-arm period ends the run and resumes with the same token', async () => {
    const tokens = new TaskTokenRegistry();
    const records: string[] = [];
    const waits: CallbackWait[] = [];
    let invocations = 0;
    const token = mintTaskToken();
    const setup: AttemptSetup = {
      resource: parseTaskResource('arn:aws:states:::lambda:invoke.waitForTaskToken'),
      parameters: { FunctionName: 'await-callback', Payload: { token } },
      ids: { executionArn: 'arn:aws:states:eu-north-1:123456789012:execution:m:e', stateMachineArn: 'm' },
      services: {
        invokeFunction: async () => {
          invocations += 1;
          return {};
        },
        putEvents: async () => ({ FailedEntryCount: 0, Entries: [] }),
      },
      tokens,
      region: REGION,
      token,
      resume: undefined,
      timeoutSeconds: 40 * DAY_SECONDS,
      heartbeatSeconds: undefined,
      signal: new AbortController().signal,
      now: () => Date.now(),
      record: (type) => records.push(type),
      onWait: (wait) => waits.push(wait),
      rearmAfterMs: 50,
    };
    const first = new TaskAttempt(setup);
    // The interpreter's own timer stays below Node's limit; the attempt re-arms before it fires.
    expect(first.interpreterTimeoutSeconds).toBe(MAX_INTERPRETER_TIMEOUT_SECONDS);
    await expect(first.result).rejects.toBeInstanceOf(TaskRearmError);
    expect(records).toEqual(['TaskScheduled', 'TaskStarted', 'TaskSubmitted']);
    const wait = waits.at(-1);
    expect(wait).toMatchObject({ kind: 'task', token, submitted: true });
    expect(wait?.deadline).toBeGreaterThan(Date.now() + 39 * DAY_SECONDS * 1000);

    const resumed = new TaskAttempt({ ...setup, token: undefined, resume: wait });
    tokens.succeed(token, '{"scan":"GREEN"}');
    await expect(resumed.result).resolves.toEqual({ scan: 'GREEN' });
    expect(invocations).toBe(1);
    expect(records.at(-1)).toBe('TaskSucceeded');

    // No TimeoutSeconds: no 60 s interpreter default, the wait only re-arms (AWS: up to the execution's timeout).
    const controller = new AbortController();
    const unbounded = new TaskAttempt({
      ...setup,
      token: undefined,
      timeoutSeconds: undefined,
      signal: controller.signal,
    });
    expect(unbounded.interpreterTimeoutSeconds).toBe(MAX_INTERPRETER_TIMEOUT_SECONDS);
    controller.abort();
    await expect(unbounded.result).rejects.toThrow('Execution stopped');
  });

  test('a 40-day task timeout, Wait state and execution timeout do not fire early', async () => {
    const h = harness();
    const fortyDays = 40 * DAY_SECONDS;
    const task = create(h, 'long-task', callbackMachine({ TimeoutSeconds: fortyDays }));
    const wait = create(h, 'long-wait', {
      StartAt: 'Pause',
      States: { Pause: { Type: 'Wait', Seconds: fortyDays, End: true } },
    });
    const execution = create(h, 'long-execution', { ...callbackMachine(), TimeoutSeconds: fortyDays });
    const arns = [
      (await h.sfn.StartExecution({ stateMachineArn: task, input: '{"id":"a"}' })).executionArn,
      (await h.sfn.StartExecution({ stateMachineArn: wait })).executionArn,
      (await h.sfn.StartExecution({ stateMachineArn: execution, input: '{"id":"b"}' })).executionArn,
    ];
    await waitFor(() => (h.tokens.length === 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const executionArn of arns) {
      expect((await describe_(h.sfn, executionArn)).status).toBe('RUNNING');
    }
    const { events } = (await h.sfn.GetExecutionHistory({ executionArn: arns[0] })) as { events: any[] };
    expect(events.find((e) => e.type === 'TaskScheduled').taskScheduledEventDetails.timeoutInSeconds).toBe(
      fortyDays,
    );
    expect(events.map((e) => e.type)).not.toContain('TaskTimedOut');
  });
});

describe('LocalStepFunctions: persistence', () => {
  test('a waiting execution resumes after a restart with the same token', async () => {
    const dir = tempDir();
    const first = harness({ persistDir: dir });
    const arn = create(first, 'waiting', callbackMachine({ TimeoutSeconds: 60 }));
    const { executionArn } = await first.sfn.StartExecution({
      stateMachineArn: arn,
      name: 'p1',
      input: '{"id":"p"}',
    });
    const token = await waitFor(() => first.tokens[0]);
    await waitFor(async () =>
      (await historyTypes(first.sfn, executionArn)).includes('TaskSubmitted') ? true : undefined,
    );
    await first.sfn.close();

    const second = harness({ persistDir: dir });
    expect((await describe_(second.sfn, executionArn)).status).toBe('RUNNING');
    await second.sfn.SendTaskSuccess({ taskToken: token, output: '{"resumed":true}' });
    const done = await waitForStatus(second.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).result).toEqual({ resumed: true });
    expect(second.calls).toEqual([]);
    const types = await historyTypes(second.sfn, executionArn);
    expect(types.filter((t) => t === 'TaskScheduled')).toHaveLength(1);
    expect(types.slice(-3)).toEqual(['SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
    await second.sfn.close();

    const third = harness({ persistDir: dir });
    expect((await describe_(third.sfn, executionArn)).status).toBe('SUCCEEDED');
    await expectServiceError(third.sfn.SendTaskSuccess({ taskToken: token, output: '{}' }), 'TaskTimedOut');
    const listed: any = await third.sfn.ListStateMachines({});
    expect(listed.stateMachines.map((m: any) => m.name)).toEqual(['waiting']);
  });

  test('a resumed wait keeps its remaining timeout', async () => {
    const dir = tempDir();
    const first = harness({ persistDir: dir });
    const arn = create(first, 'waiting', callbackMachine({ TimeoutSeconds: 2 }));
    const started = Date.now();
    const { executionArn } = await first.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"t"}' });
    await waitFor(() => first.tokens[0]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await first.sfn.close();

    const second = harness({ persistDir: dir });
    const done = await waitForStatus(second.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).outcome).toBe('TIMED_OUT');
    expect(Date.now() - started).toBeLessThan(3500);
  });

  // A kill right after SendTask* answered: the files as they were then, in another directory.
  function killedCopy(dir: string): string {
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    return copy;
  }

  test('a SendTaskSuccess answered just before a kill completes the task after the restart', async () => {
    const dir = tempDir();
    const first = harness({ persistDir: dir });
    const arn = create(first, 'kept', callbackMachine());
    const { executionArn } = await first.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"k"}' });
    const token = await waitFor(() => first.tokens[0]);
    await waitFor(async () =>
      (await historyTypes(first.sfn, executionArn)).includes('TaskSubmitted') ? true : undefined,
    );
    // Synchronously after the request ran, before the execution moves on in this process.
    const answered = first.sfn.SendTaskSuccess({ taskToken: token, output: '{"scan":"green"}' });
    const copy = killedCopy(dir);
    await answered;

    const second = harness({ persistDir: copy });
    const done = await waitForStatus(second.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output).result).toEqual({ scan: 'green' });
    expect(second.calls).toEqual([]);
    const types = await historyTypes(second.sfn, executionArn);
    expect(types.filter((t) => t === 'TaskSucceeded')).toHaveLength(1);
    await expectServiceError(second.sfn.SendTaskSuccess({ taskToken: token, output: '{}' }), 'TaskTimedOut');
  });

  test('a SendTaskFailure that came before the task call returned is not lost, nor the task called again', async () => {
    const dir = tempDir();
    const first = harness({ persistDir: dir });
    first.setInvoke(() => new Promise(() => {}));
    const arn = create(first, 'early', callbackMachine());
    const { executionArn } = await first.sfn.StartExecution({ stateMachineArn: arn, input: '{"id":"e"}' });
    const token = await waitFor(() => first.tokens[0]);
    const answered = first.sfn.SendTaskFailure({ taskToken: token, error: 'Rejected', cause: 'no' });
    const copy = killedCopy(dir);
    await answered;

    const second = harness({ persistDir: copy });
    const done = await waitForStatus(second.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toMatchObject({ outcome: 'FAILED', error: { Error: 'Rejected' } });
    expect(second.calls).toEqual([]);
  });

  test('an execution stopped inside a task re-runs that state after a restart (at least once)', async () => {
    const dir = tempDir();
    const first = harness({ persistDir: dir });
    first.setInvoke(() => new Promise(() => {}));
    const arn = create(first, 'slow', {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'slow', 'Payload.$': '$' },
          ResultSelector: { 'value.$': '$.Payload' },
          End: true,
        },
      },
    });
    const { executionArn } = await first.sfn.StartExecution({ stateMachineArn: arn, input: '{"n":3}' });
    await waitFor(() => first.calls[0]);
    await first.sfn.close();

    const second = harness({ persistDir: dir });
    second.setInvoke(async (_, payload) => payload.n + 1);
    const done = await waitForStatus(second.sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output)).toEqual({ value: 4 });
    expect(second.calls).toEqual([{ functionName: 'slow', payload: { n: 3 } }]);
  });
});

describe('LocalStepFunctions.handle', () => {
  test('answers in the AWS JSON 1.0 wire shape', async () => {
    const h = harness();
    const arn = create(h, 'shapes', PASS_MACHINE);
    const ok = await h.sfn.handle('AWSStepFunctions.StartExecution', { stateMachineArn: arn, name: 'w' });
    expect(ok).toEqual({
      status: 200,
      body: { executionArn: expect.any(String), startDate: expect.any(Number) },
    });
    const missing = await h.sfn.handle('AWSStepFunctions.DescribeExecution', { executionArn: `${arn}x` });
    expect(missing).toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.swf.service.v2.model#InvalidArn', message: expect.any(String) },
    });
    const invalid = await h.sfn.handle('AWSStepFunctions.StartExecution', {});
    expect(invalid.status).toBe(400);
    expect((invalid.body as { __type?: string }).__type).toBe(
      'com.amazon.coral.validate#ValidationException',
    );
    const unknown = await h.sfn.handle('AWSStepFunctions.CreateActivity', {});
    expect(unknown).toEqual({
      status: 400,
      body: { __type: 'com.amazon.coral.service#UnknownOperationException', message: expect.any(String) },
    });
  });
});
