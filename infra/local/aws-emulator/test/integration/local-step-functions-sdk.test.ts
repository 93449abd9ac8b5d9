import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { LocalStepFunctions } from '../../src/step-functions/service.ts';
import { mintTaskToken } from '../../src/step-functions/task-tokens.ts';

// The real SDK client against handle() behind a bare HTTP server: proves the wire shapes and that
// the SDK maps our errors to its exception classes.
let server: http.Server;
let sfn: LocalStepFunctions;
let client: SFNClient;
let stateMachineArn: string;
const tokens: string[] = [];

beforeAll(async () => {
  sfn = new LocalStepFunctions({
    region: 'eu-north-1',
    accountId: '123456789012',
    invokeFunction: async (_, payload: any) => {
      if (typeof payload?.taskToken === 'string') tokens.push(payload.taskToken);
      return {};
    },
    putEvents: async (entries) => ({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) }),
  });
  stateMachineArn = sfn.createStateMachine(
    'sdk',
    JSON.stringify({
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'await', Payload: { 'taskToken.$': '$$.Task.Token' } },
          ResultPath: '$.result',
          End: true,
        },
      },
    }),
  );
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const reply = await sfn.handle(
        String(request.headers['x-amz-target']),
        text === '' ? {} : JSON.parse(text),
      );
      response.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client?.destroy();
  await sfn?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function waitForToken(count: number): Promise<string> {
  const deadline = Date.now() + 5000;
  while (tokens.length < count) {
    if (Date.now() > deadline) throw new Error('No task token');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return tokens[count - 1] as string;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

test('the SDK starts, describes, lists and completes an execution', async () => {
  const input = JSON.stringify({ onboardingId: 'ob-1' });
  const started = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input }));
  expect(started.startDate).toBeInstanceOf(Date);
  const again = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input }));
  expect(again.executionArn).toBe(started.executionArn);

  const token = await waitForToken(1);
  await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"ok":true}' }));
  const executionArn = started.executionArn as string;
  let described = await client.send(new DescribeExecutionCommand({ executionArn }));
  for (let i = 0; described.status === 'RUNNING' && i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    described = await client.send(new DescribeExecutionCommand({ executionArn }));
  }
  expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'order-1', stateMachineArn });
  expect(described.stopDate).toBeInstanceOf(Date);
  expect(JSON.parse(described.output ?? '{}')).toEqual({ onboardingId: 'ob-1', result: { ok: true } });

  const history = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
  expect(history.events?.[0]).toMatchObject({ type: 'ExecutionSucceeded', timestamp: expect.any(Date) });
  expect(history.events?.map((e) => e.type)).toContain('TaskSubmitted');
  const listed = await client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }));
  expect(listed.executions?.map((e) => e.name)).toEqual(['order-1']);
});

test('the SDK raises its own exception classes for our errors', async () => {
  const running = await client.send(
    new StartExecutionCommand({ stateMachineArn, name: 'order-2', input: '{}' }),
  );
  const conflict = await rejection(
    client.send(new StartExecutionCommand({ stateMachineArn, name: 'order-2', input: '{"other":1}' })),
  );
  expect(conflict).toBeInstanceOf(ExecutionAlreadyExists);
  expect((conflict as Error).message).toContain('order-2');

  const token = await waitForToken(2);
  expect(
    await rejection(client.send(new SendTaskSuccessCommand({ taskToken: mintTaskToken(), output: '{}' }))),
  ).toBeInstanceOf(TaskDoesNotExist);
  expect(
    await rejection(client.send(new SendTaskSuccessCommand({ taskToken: 'garbage', output: '{}' }))),
  ).toBeInstanceOf(InvalidToken);
  await client.send(new SendTaskFailureCommand({ taskToken: token, error: 'Nope', cause: 'test' }));
  expect(
    await rejection(client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))),
  ).toBeInstanceOf(TaskTimedOut);

  const missing = `${(running.executionArn as string).slice(0, -'order-2'.length)}missing`;
  expect(
    await rejection(client.send(new DescribeExecutionCommand({ executionArn: missing }))),
  ).toBeInstanceOf(ExecutionDoesNotExist);
  expect(await rejection(client.send(new StopExecutionCommand({ executionArn: missing })))).toBeInstanceOf(
    ExecutionDoesNotExist,
  );
  expect(
    await rejection(client.send(new ListExecutionsCommand({ stateMachineArn: `${stateMachineArn}-gone` }))),
  ).toBeInstanceOf(StateMachineDoesNotExist);
});
