import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  EventBridgeClient,
  ListRulesCommand,
  PutEventsCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetSendQuotaCommand, SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startDynalite } from '../../src/dynalite.ts';
import { type Edge, type LocalService, startEdge } from '../../src/edge.ts';
import { type EventBridgeEvent, LocalEventBus } from '../../src/event-bus.ts';
import { LocalSecrets } from '../../src/secrets.ts';
import { type LocalSes, startSes } from '../../src/ses.ts';
import { LocalSqs } from '../../src/sqs/service.ts';
import { loadEventFixture, RULES } from '../support/fixtures.ts';

const BUS = 'id06-onboarding-local';
const config = () => ({
  region: 'eu-north-1',
  endpoint: edge.url,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

let dynamo: { endpoint: string; stop(): Promise<void> };
let ses: LocalSes;
let edge: Edge;
let bus: LocalEventBus;
let secretArn: string;
const logs: string[] = [];
const started: EventBridgeEvent[] = [];
const sfnCalls: { target: string; body: unknown }[] = [];

const stepFunctions: LocalService = {
  handle: async (target, body) => {
    sfnCalls.push({ target, body });
    if (target === 'AWSStepFunctions.DescribeExecution') throw new Error('not written yet');
    return {
      status: 200,
      body: {
        executionArn: 'arn:aws:states:eu-north-1:000000000000:execution:onboarding:x',
        startDate: 1_795_000_000,
      },
    };
  },
};

beforeAll(async () => {
  dynamo = await startDynalite();
  ses = await startSes({ port: 0 });
  bus = new LocalEventBus({
    region: 'eu-north-1',
    accountId: '000000000000',
    log: (l) => logs.push(l),
    buses: [BUS],
  });
  bus.putRule(BUS, 'cardOrdered', RULES.cardOrdered.pattern);
  bus.addTarget(BUS, 'cardOrdered', {
    id: 'start-onboarding',
    invoke: async (event) => void started.push(event),
  });
  const secrets = new LocalSecrets({ region: 'eu-north-1', accountId: '000000000000' });
  secretArn = secrets.put('identity-hash', 'k'.repeat(40));
  edge = await startEdge({
    port: 0,
    host: '127.0.0.1',
    routes: {
      dynamodb: dynamo.endpoint,
      ses: ses.url,
      stepFunctions,
      events: bus,
      secretsManager: secrets,
      sqs: new LocalSqs({ region: 'eu-north-1', accountId: '000000000000', endpoint: () => edge.url }),
    },
    log: (line) => logs.push(line),
    maxBodyBytes: 64 * 1024,
  });
});

afterAll(async () => {
  await edge?.close();
  await bus?.close();
  await ses?.close();
  await dynamo?.stop();
});

describe('edge', () => {
  test('listens on 127.0.0.1 and answers /health', async () => {
    expect(edge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${edge.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      services: { dynamodb: dynamo.endpoint, ses: ses.url, events: 'in-process', sqs: 'in-process' },
    });
  });

  test('DynamoDB: CreateTable, PutItem and GetItem reach dynalite', async () => {
    const client = new DynamoDBClient(config());
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'edge-test',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await client.send(
        new PutItemCommand({ TableName: 'edge-test', Item: { pk: { S: 'a' }, n: { N: '7' } } }),
      );
      const { Item } = await client.send(
        new GetItemCommand({ TableName: 'edge-test', Key: { pk: { S: 'a' } } }),
      );
      expect(Item).toEqual({ pk: { S: 'a' }, n: { N: '7' } });
    } finally {
      client.destroy();
    }
  });

  test('EventBridge: PutEvents delivers to the rule target and reports entry errors', async () => {
    const client = new EventBridgeClient(config());
    try {
      const fixture = loadEventFixture('id06.cards/swedish-worker');
      const result = await client.send(
        new PutEventsCommand({
          Entries: [
            {
              Source: fixture.event.source,
              DetailType: fixture.event['detail-type'],
              Detail: JSON.stringify(fixture.event.detail),
              EventBusName: BUS,
              Time: new Date('2026-11-20T08:15:00Z'),
            },
            { Source: 'id06.cards', DetailType: 'CardOrdered', Detail: '[]', EventBusName: BUS },
          ],
        }),
      );
      expect(result.FailedEntryCount).toBe(1);
      expect(result.Entries?.[1]).toEqual({
        ErrorCode: 'MalformedDetail',
        ErrorMessage: 'Detail is malformed.',
      });
      await bus.idle();
      expect(started).toEqual([
        expect.objectContaining({
          id: result.Entries?.[0]?.EventId,
          time: '2026-11-20T08:15:00Z',
          detail: fixture.event.detail,
        }),
      ]);
    } finally {
      client.destroy();
    }
  });

  test("EventBridge: PutEvents to another account's bus ARN fails that entry; this account's bus ARN delivers", async () => {
    const client = new EventBridgeClient(config());
    try {
      const entry = { Source: 'id06.cards', DetailType: 'CardOrdered', Detail: '{"orderId":"ORD-ARN"}' };
      const result = await client.send(
        new PutEventsCommand({
          Entries: [
            { ...entry, EventBusName: 'arn:aws:events:eu-north-1:111111111111:event-bus/x' },
            { ...entry, EventBusName: `arn:aws:events:eu-north-1:000000000000:event-bus/${BUS}` },
          ],
        }),
      );
      expect(result.FailedEntryCount).toBe(1);
      expect(result.Entries?.[0]).toEqual({
        ErrorCode: 'AccessDeniedException',
        ErrorMessage: expect.stringContaining('is not authorized to perform: events:PutEvents'),
      });
      await bus.idle();
      expect(started.some((event) => event.id === result.Entries?.[1]?.EventId)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  test('EventBridge: TestEventPattern and ListRules', async () => {
    const client = new EventBridgeClient(config());
    try {
      const event = JSON.stringify(loadEventFixture('se.sistec.scanning/green-passport').event);
      const yes = await client.send(
        new TestEventPatternCommand({
          Event: event,
          EventPattern: JSON.stringify(RULES.scanCompleted.pattern),
        }),
      );
      const no = await client.send(
        new TestEventPatternCommand({
          Event: event,
          EventPattern: JSON.stringify(RULES.cardOrdered.pattern),
        }),
      );
      expect([yes.Result, no.Result]).toEqual([true, false]);
      await expect(
        client.send(new TestEventPatternCommand({ Event: event, EventPattern: '{"source":"x"}' })),
      ).rejects.toMatchObject({ name: 'InvalidEventPatternException', $metadata: { httpStatusCode: 400 } });
      const { Rules } = await client.send(new ListRulesCommand({ EventBusName: BUS }));
      expect(Rules?.map((rule) => rule.Name)).toEqual(['cardOrdered']);
    } finally {
      client.destroy();
    }
  });

  test('SES v1: SendEmail is stored by aws-ses-v2-local', async () => {
    const client = new SESClient(config());
    try {
      const { MessageId } = await client.send(
        new SendEmailCommand({
          Source: 'no-reply@onboarding.example.com',
          Destination: { ToAddresses: ['worker@example.com'] },
          Message: {
            Subject: { Data: 'Ditt ID06-kort', Charset: 'UTF-8' },
            Body: {
              Text: { Data: 'Hej!', Charset: 'UTF-8' },
              Html: { Data: '<p>Hej!</p>', Charset: 'UTF-8' },
            },
          },
        }),
      );
      expect(MessageId).toBeTruthy();
      const store = (await (await fetch(ses.storeUrl)).json()) as { emails: Record<string, unknown>[] };
      expect(store.emails.find((email) => email.messageId === MessageId)).toMatchObject({
        from: 'no-reply@onboarding.example.com',
        destination: { to: ['worker@example.com'] },
        subject: 'Ditt ID06-kort',
        body: { text: 'Hej!', html: '<p>Hej!</p>' },
      });
    } finally {
      client.destroy();
    }
  });

  test('SES v1: an action aws-ses-v2-local lacks is an UnknownOperationException error, at once', async () => {
    const client = new SESClient({ ...config(), maxAttempts: 1 });
    try {
      const before = performance.now();
      await expect(client.send(new GetSendQuotaCommand({}))).rejects.toMatchObject({
        name: 'UnknownOperationException',
        $metadata: { httpStatusCode: 400 },
      });
      expect(performance.now() - before).toBeLessThan(2000);
    } finally {
      client.destroy();
    }
  });

  test('SES v1: a rejected send comes back as an XML error the SDK understands', async () => {
    const client = new SESClient({ ...config(), maxAttempts: 1 });
    try {
      const send = new SendEmailCommand({
        Source: 'no-reply@onboarding.example.com',
        Destination: { ToAddresses: ['worker@example.com'] },
        Message: { Subject: { Data: 'No body' }, Body: {} },
      });
      await expect(client.send(send)).rejects.toMatchObject({
        name: 'InvalidParameterValue',
        message: expect.stringContaining('HTML or Text body'),
      });
    } finally {
      client.destroy();
    }
  });

  test('SES v2: REST calls under /v2/email are proxied', async () => {
    const response = await fetch(`${edge.url}/v2/email/outbound-emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=local/x' },
      body: JSON.stringify({
        FromEmailAddress: 'no-reply@onboarding.example.com',
        Destination: { ToAddresses: ['v2@example.com'] },
        Content: { Simple: { Subject: { Data: 'v2 subject' }, Body: { Text: { Data: 'v2 body' } } } },
      }),
    });
    expect(response.status).toBe(200);
    const { MessageId } = (await response.json()) as { MessageId: string };
    const store = (await (await fetch(ses.storeUrl)).json()) as { emails: Record<string, unknown>[] };
    expect(store.emails.find((email) => email.messageId === MessageId)).toMatchObject({
      subject: 'v2 subject',
    });
  });

  test('Secrets Manager: GetSecretValue by name and ARN; unknown is ResourceNotFoundException', async () => {
    const client = new SecretsManagerClient(config());
    try {
      for (const SecretId of ['identity-hash', secretArn]) {
        const result = await client.send(new GetSecretValueCommand({ SecretId }));
        expect(result).toMatchObject({ ARN: secretArn, Name: 'identity-hash', SecretString: 'k'.repeat(40) });
        expect(result.CreatedDate).toBeInstanceOf(Date);
      }
      await expect(client.send(new GetSecretValueCommand({ SecretId: 'nope' }))).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
      });
    } finally {
      client.destroy();
    }
  });

  test('Step Functions: requests reach the in-process service with their parsed body', async () => {
    const client = new SFNClient(config());
    try {
      const result = await client.send(
        new StartExecutionCommand({
          stateMachineArn: 'arn:sm',
          name: 'ORD-1',
          input: '{"onboardingId":"x"}',
        }),
      );
      expect(result.executionArn).toContain(':execution:onboarding:');
      expect(result.startDate).toEqual(new Date(1_795_000_000_000));
      expect(sfnCalls.at(-1)).toEqual({
        target: 'AWSStepFunctions.StartExecution',
        body: { stateMachineArn: 'arn:sm', name: 'ORD-1', input: '{"onboardingId":"x"}' },
      });
    } finally {
      client.destroy();
    }
  });

  test('answers with each protocol content type', async () => {
    const post = (target: string, body: string) =>
      fetch(edge.url, {
        method: 'POST',
        headers: {
          'x-amz-target': target,
          'content-type': 'application/x-amz-json-1.1',
          authorization: 'AWS4 x',
        },
        body,
      });
    const types = await Promise.all(
      [
        ['AWSStepFunctions.StartExecution', '{}'],
        ['AWSEvents.ListEventBuses', '{}'],
        ['secretsmanager.GetSecretValue', '{"SecretId":"identity-hash"}'],
        ['DynamoDB_20120810.ListTables', '{}'],
        ['AmazonSQS.ListQueues', '{}'],
      ].map(async ([target = '', body = '']) => (await post(target, body)).headers.get('content-type')),
    );
    expect(types).toEqual([
      'application/x-amz-json-1.0',
      'application/x-amz-json-1.1',
      'application/x-amz-json-1.1',
      'application/x-amz-json-1.0',
      'application/x-amz-json-1.0',
    ]);
  });

  test('an unknown X-Amz-Target, malformed JSON, and a failing service get AWS-shaped errors', async () => {
    const post = (target: string, body: string) =>
      fetch(edge.url, { method: 'POST', headers: { 'x-amz-target': target }, body });
    const unknown = await post('Kinesis_20131202.PutRecord', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });

    const malformed = await post('AWSEvents.PutEvents', '{"Entries":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ __type: 'SerializationException' });

    const failing = await post('AWSStepFunctions.DescribeExecution', '{}');
    expect(failing.status).toBe(500);
    expect(await failing.json()).toMatchObject({ __type: 'InternalFailure' });
    expect(logs.some((line) => line.includes('Error: not written yet'))).toBe(true);
  });

  test('a body over maxBodyBytes is refused with 413', async () => {
    const response = await fetch(edge.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSEvents.PutEvents' },
      body: 'x'.repeat(64 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    const after = await fetch(`${edge.url}/health`);
    expect(after.status).toBe(200);
  });

  test('anything else is a 404', async () => {
    const response = await fetch(`${edge.url}/nothing-here`);
    expect(response.status).toBe(404);
  });
});
