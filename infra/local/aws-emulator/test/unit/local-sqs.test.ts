import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSqs, type LocalSqsOptions } from '../../src/sqs/service.ts';

// The parts of the local SQS that the SDK tests cannot reach quickly: time (retention, delays)
// on a clock the test moves, and the journal on disk.

const ENDPOINT = 'http://127.0.0.1:4566';

function sqsAt(clock: { now: number }, options: Partial<LocalSqsOptions> = {}) {
  return new LocalSqs({
    region: 'eu-north-1',
    accountId: '000000000000',
    endpoint: () => ENDPOINT,
    now: () => clock.now,
    ...options,
  });
}

test('a message disappears when its queue’s retention period has passed', async () => {
  const clock = { now: Date.parse('2026-12-01T08:00:00Z') };
  const sqs = sqsAt(clock);
  const { url, arn } = sqs.createQueue('short-lived', { MessageRetentionPeriod: '60' });
  sqs.send(arn, 'kept a minute');
  clock.now += 59_999;
  expect(sqs.messages('short-lived').map((message) => message.body)).toEqual(['kept a minute']);
  clock.now += 1;
  expect(sqs.messages('short-lived')).toEqual([]);
  expect(await sqs.handle('AmazonSQS.ReceiveMessage', { QueueUrl: url })).toEqual({ status: 200, body: {} });
  const attributes = await sqs.handle('AmazonSQS.GetQueueAttributes', {
    QueueUrl: url,
    AttributeNames: ['ApproximateNumberOfMessages'],
  });
  expect(attributes.body).toEqual({ Attributes: { ApproximateNumberOfMessages: '0' } });
});

test('a delayed message is received only after its delay', async () => {
  const clock = { now: Date.parse('2026-12-01T08:00:00Z') };
  const sqs = sqsAt(clock);
  const { url } = sqs.createQueue('delayed', { DelaySeconds: '30' });
  await sqs.handle('AmazonSQS.SendMessage', { QueueUrl: url, MessageBody: 'wait for it' });
  expect((await sqs.handle('AmazonSQS.ReceiveMessage', { QueueUrl: url })).body).toEqual({});
  clock.now += 30_000;
  expect((await sqs.handle('AmazonSQS.ReceiveMessage', { QueueUrl: url })).body).toMatchObject({
    Messages: [{ Body: 'wait for it' }],
  });
});

test('errors are AWS JSON 1.0 errors with the Query code in x-amzn-query-error', async () => {
  const sqs = sqsAt({ now: Date.now() });
  expect(await sqs.handle('AmazonSQS.GetQueueUrl', { QueueName: 'missing' })).toEqual({
    status: 400,
    body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
    headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' },
  });
  expect(() => sqs.send('arn:aws:sqs:eu-north-1:000000000000:missing', 'x')).toThrow(
    'The specified queue does not exist.',
  );
  expect(await sqs.handle('AmazonSQS.TagQueue', {})).toEqual({
    status: 400,
    body: {
      __type: 'com.amazon.coral.service#UnknownOperationException',
      message: 'Operation AmazonSQS.TagQueue is not supported by the local SQS',
    },
  });
});

test('close() answers a waiting long poll with no messages, so the edge can close', async () => {
  const sqs = sqsAt({ now: Date.now() });
  const { url } = sqs.createQueue('polled');
  const poll = sqs.handle('AmazonSQS.ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20 });
  sqs.close();
  const stillWaiting = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000).unref());
  expect(await Promise.race([poll, stillWaiting])).toEqual({ status: 200, body: {} });
});

describe('the journal', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqs-journal-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a last line cut short by a kill is skipped; the changes before it are kept', () => {
    const clock = { now: Date.now() };
    const first = sqsAt(clock, { persistDir: dir });
    const { arn } = first.createQueue('journaled');
    first.send(arn, 'written');
    appendFileSync(join(dir, 'journal.jsonl'), '{"op":"send","queue":"journaled","message":{"id":"x","bo');
    const second = sqsAt(clock, { persistDir: dir });
    expect(second.messages('journaled').map((message) => message.body)).toEqual(['written']);
  });

  test('a damaged line before the last is refused, not skipped', () => {
    const clock = { now: Date.now() };
    sqsAt(clock, { persistDir: dir }).createQueue('journaled');
    writeFileSync(join(dir, 'journal.jsonl'), 'not json\n{"op":"purge","queue":"journaled"}\n');
    expect(() => sqsAt(clock, { persistDir: dir })).toThrow('line 1 is not JSON');
  });
});
