import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Emulator, startEmulator } from '../../src/index.ts';

// The AWS CLI (aws-cli v1 with botocore, which speak AWS JSON 1.0 to SQS) at the edge, as an
// operator runs it against the local dead-letter queue.

const run = promisify(execFile);
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.ready();
});

afterAll(async () => {
  await emulator?.close();
});

/** The AWS CLI with dummy credentials; AWS_CLI may name its path (`.ci/run` installs it where missing). */
function aws(...args: string[]) {
  return run(
    process.env.AWS_CLI ?? 'aws',
    ['--endpoint-url', emulator.url, '--output', 'json', 'sqs', ...args],
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
}

async function json(...args: string[]) {
  return JSON.parse((await aws(...args)).stdout);
}

test('list-queues, receive-message and get-queue-attributes', async () => {
  const { url, arn } = emulator.sqs.createQueue('operators-queue');
  emulator.sqs.send(arn, '{"detail":"an event"}', {
    ERROR_CODE: { DataType: 'String', StringValue: 'ERROR_FROM_TARGET' },
  });

  expect(await json('list-queues')).toEqual({ QueueUrls: [url] });

  const received = await json(
    'receive-message',
    '--queue-url',
    url,
    '--attribute-names',
    'All',
    '--message-attribute-names',
    'All',
  );
  expect(received.Messages).toEqual([
    expect.objectContaining({
      Body: '{"detail":"an event"}',
      MessageAttributes: { ERROR_CODE: { DataType: 'String', StringValue: 'ERROR_FROM_TARGET' } },
      Attributes: expect.objectContaining({ ApproximateReceiveCount: '1' }),
    }),
  ]);

  const { Attributes } = await json('get-queue-attributes', '--queue-url', url, '--attribute-names', 'All');
  expect(Attributes).toMatchObject({
    QueueArn: arn,
    ApproximateNumberOfMessages: '0',
    ApproximateNumberOfMessagesNotVisible: '1',
  });
});

test('errors carry the codes the CLI shows for AWS', async () => {
  await expect(aws('get-queue-url', '--queue-name', 'no-such-queue')).rejects.toMatchObject({
    stderr: expect.stringContaining(
      'An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: ' +
        'The specified queue does not exist.',
    ),
  });
});
