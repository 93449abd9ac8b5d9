import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { type Emulator, startEmulator } from '../../src/index.ts';

// With persistDir, queues and messages survive a restart, and a kill -9 loses nothing that was
// answered: every change is written before the edge answers.

let dir: string;
const clients: SQSClient[] = [];
const running: Emulator[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqs-persist-'));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const emulator of running.splice(0)) await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function client(endpoint: string): SQSClient {
  const sqs = new SQSClient({
    endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  clients.push(sqs);
  return sqs;
}

async function start(): Promise<{ emulator: Emulator; sqs: SQSClient }> {
  const emulator = await startEmulator({ persistDir: dir });
  emulator.ready();
  running.push(emulator);
  return { emulator, sqs: client(emulator.url) };
}

async function counts(sqs: SQSClient, QueueUrl: string) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Attributes;
}

test('queues, their attributes and messages (received or not) survive a restart', async () => {
  const first = await start();
  const { QueueUrl } = await first.sqs.send(
    new CreateQueueCommand({
      QueueName: 'kept',
      Attributes: { VisibilityTimeout: '600', DelaySeconds: '0' },
    }),
  );
  for (const body of ['one', 'two']) {
    await first.sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: body,
        MessageAttributes: { Kind: { DataType: 'String', StringValue: 'test' } },
      }),
    );
  }
  const taken = await first.sqs.send(new ReceiveMessageCommand({ QueueUrl }));
  expect(taken.Messages?.[0]?.Body).toBe('one');
  await first.emulator.close();
  running.splice(0);

  const second = await start();
  const { QueueUrl: url } = await second.sqs.send(new GetQueueUrlCommand({ QueueName: 'kept' }));
  expect(url).toBe(`${second.emulator.url}/000000000000/kept`);
  const { Attributes } = await second.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['VisibilityTimeout'] }),
  );
  expect(Attributes).toEqual({ VisibilityTimeout: '600' });
  // 'one' is still in flight (600 s), 'two' is waiting.
  expect(await counts(second.sqs, url as string)).toEqual({
    ApproximateNumberOfMessages: '1',
    ApproximateNumberOfMessagesNotVisible: '1',
  });
  const { Messages = [] } = await second.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }),
  );
  expect(Messages).toEqual([
    expect.objectContaining({
      Body: 'two',
      MessageAttributes: { Kind: { DataType: 'String', StringValue: 'test' } },
    }),
  ]);
  // The data holds message bodies: only its owner may read it.
  for (const file of ['sqs', 'sqs/state.json', 'sqs/journal.jsonl']) {
    expect(statSync(join(dir, file)).mode & 0o077).toBe(0);
  }
});

test('kill -9 right after the answers loses no message', async () => {
  const child = spawn(
    process.execPath,
    [new URL('../support/emulator-process.ts', import.meta.url).pathname, dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await firstLine(child);
    const sqs = client(url);
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'survivor', Attributes: { VisibilityTimeout: '600' } }),
    );
    for (const body of ['a', 'b', 'c'])
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages?.[0]?.Body).toBe('a');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  const { sqs } = await start();
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'survivor' }));
  expect(await counts(sqs, QueueUrl as string)).toEqual({
    ApproximateNumberOfMessages: '2',
    ApproximateNumberOfMessagesNotVisible: '1',
  });
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
  expect(Messages.map((message) => message.Body)).toEqual(['b', 'c']);
});

/** The first line the child prints (the emulator's URL). */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const end = output.indexOf('\n');
      if (end !== -1) resolve(output.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before listening`)));
  });
}
