import { DynamoDBClient, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';
import { DeleteRuleCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetSendQuotaCommand, SESClient } from '@aws-sdk/client-ses';
import { ListActivitiesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { ListQueueTagsCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type Emulator, startEmulator } from '../../src/index.ts';

// Every service answers an operation it does not implement with an AWS-shaped
// UnknownOperationException (HTTP 400) at once: never a hang, never a 500.

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.ready();
});

afterAll(async () => {
  await emulator?.close();
});

function config() {
  return {
    endpoint: emulator.url,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  };
}

/** Sends and expects UnknownOperationException with status 400 within two seconds. */
async function expectUnknown(send: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await expect(send()).rejects.toMatchObject({
    name: 'UnknownOperationException',
    $metadata: { httpStatusCode: 400 },
  });
  expect(performance.now() - started).toBeLessThan(2000);
}

async function raw(path: string, init: RequestInit): Promise<Response> {
  return fetch(`${emulator.url}${path}`, init);
}

test('DynamoDB: an operation dynalite lacks (SDK, and raw awsJson 1.0)', async () => {
  const client = new DynamoDBClient(config());
  try {
    await expectUnknown(() => client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM t' })));
  } finally {
    client.destroy();
  }
  const response = await raw('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Nope' },
    body: '{}',
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
  expect(await response.json()).toEqual({
    __type: 'com.amazon.coral.service#UnknownOperationException',
    message: expect.stringContaining('Nope'),
  });
});

test('EventBridge (awsJson 1.1)', async () => {
  const client = new EventBridgeClient(config());
  try {
    await expectUnknown(() => client.send(new DeleteRuleCommand({ Name: 'r' })));
  } finally {
    client.destroy();
  }
});

test('Secrets Manager (awsJson 1.1)', async () => {
  const client = new SecretsManagerClient(config());
  try {
    await expectUnknown(() => client.send(new ListSecretsCommand({})));
  } finally {
    client.destroy();
  }
});

test('Step Functions (awsJson 1.0); before it starts, ServiceUnavailable', async () => {
  const client = new SFNClient(config());
  try {
    await expect(client.send(new ListActivitiesCommand({}))).rejects.toMatchObject({
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    });
    emulator.startStepFunctions({
      invokeFunction: async () => ({}),
      putEvents: async (entries) => emulator.bus.putEvents(entries),
    });
    await expectUnknown(() => client.send(new ListActivitiesCommand({})));
  } finally {
    client.destroy();
  }
});

test('SQS (awsJson 1.0, without the x-amzn-query-error of its modelled errors)', async () => {
  const client = new SQSClient(config());
  try {
    await expectUnknown(() =>
      client.send(new ListQueueTagsCommand({ QueueUrl: `${emulator.url}/000000000000/q` })),
    );
  } finally {
    client.destroy();
  }
});

test('SES v1 (Query protocol: an XML ErrorResponse)', async () => {
  const client = new SESClient(config());
  try {
    await expectUnknown(() => client.send(new GetSendQuotaCommand({})));
  } finally {
    client.destroy();
  }
  const response = await raw('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=VerifyEmailIdentity&EmailAddress=a%40example.com',
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('text/xml');
  expect(await response.text()).toContain('<Code>UnknownOperationException</Code>');
});

test('SES v2 (REST JSON: the code in x-amzn-errortype)', async () => {
  for (const [method, path] of [
    ['GET', '/v2/email/identities'],
    ['POST', '/v2/email/contact-lists'],
    ['PATCH', '/v2/email/account'],
  ] as const) {
    const response = await raw(path, { method, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toEqual({ message: expect.stringContaining(path) });
  }
});

test('a service the emulator does not have (X-Amz-Target)', async () => {
  const response = await raw('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.PutRecord' },
    body: '{}',
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
});
