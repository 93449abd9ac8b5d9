import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { putEvent, waitingAt } from '#test/support/local-stack.ts';
import { cardOrder } from '#test/support/worker-journey.ts';

const run = promisify(execFile);
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0 });
});
afterAll(() => stack.close());

/** The AWS CLI, as an operator would run it; `.ci/run` installs it where it is missing (AWS_CLI: its path). */
async function aws(...args: string[]): Promise<any> {
  const { stdout } = await run(
    process.env.AWS_CLI ?? 'aws',
    ['--endpoint-url', stack.edgeUrl, '--output', 'json', ...args],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_DEFAULT_REGION: 'eu-north-1',
        AWS_PAGER: '',
      },
    },
  );
  return JSON.parse(stdout);
}

test('the AWS CLI lists and describes executions at the edge endpoint', async () => {
  const order = cardOrder('cli@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');

  const listed = await aws('stepfunctions', 'list-executions', '--state-machine-arn', stack.stateMachineArn);
  const execution = listed.executions.find((e: { name: string }) => e.name === order.orderId);
  expect(execution).toMatchObject({ status: 'RUNNING', stateMachineArn: stack.stateMachineArn });

  const described = await aws(
    'stepfunctions',
    'describe-execution',
    '--execution-arn',
    execution.executionArn,
  );
  expect(JSON.parse(described.input)).toEqual({ onboardingId: expect.stringMatching(/^onb_/) });
});
