import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { type Emulator, startEmulator } from '../../src/emulator.ts';
import type { FaultSettings } from '../../src/faults.ts';

// Each kind of fault the edge injects, through the SDK clients a product uses. Every emulator here
// has its own fault settings; their logs are kept to check what a fault line says.
const emulators: Emulator[] = [];
const logs: string[] = [];

async function emulatorWith(faults: FaultSettings): Promise<Emulator> {
  const emulator = await startEmulator({ faults, log: (line) => logs.push(line) });
  emulators.push(emulator);
  return emulator;
}
afterAll(() => Promise.all(emulators.map((emulator) => emulator.close())));

// No SDK retries unless a test asks for them: each answer is seen.
const config = (emulator: Emulator, maxAttempts = 1) => ({
  region: 'eu-north-1',
  endpoint: emulator.url,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts,
});

async function createTable(client: DynamoDBClient, TableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

test('DynamoDB throttling: answered ProvisionedThroughputExceededException at the edge, and nothing changes', async () => {
  const emulator = await emulatorWith({ rate: 0.5, kinds: ['dynamodbThrottle'], seed: 11 });
  const client = new DynamoDBClient(config(emulator));
  const patient = new DynamoDBClient(config(emulator, 20));
  try {
    await createTable(client, 'throttled'); // table operations are never faulted
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const add = new UpdateItemCommand({
        TableName: 'throttled',
        Key: { pk: { S: 'counter' } },
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
      });
      outcomes.push(
        await client.send(add).then(
          () => 'applied',
          (error: unknown) => {
            expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
            expect(error).toMatchObject({
              $metadata: { httpStatusCode: 400 },
              ThrottlingReasons: [
                {
                  reason: 'TableWriteKeyRangeThroughputExceeded',
                  resource: 'arn:aws:dynamodb:eu-north-1:000000000000:table/throttled',
                },
              ],
            });
            return 'throttled';
          },
        ),
      );
    }
    const throttled = outcomes.filter((outcome) => outcome === 'throttled').length;
    expect(throttled).toBeGreaterThan(0);
    expect(throttled).toBeLessThan(20);
    expect(emulator.faults.counts().dynamodbThrottle).toBe(throttled);
    // A client that retries, as the SDK does by default, gets through; only the applied adds count.
    const { Item } = await patient.send(
      new GetItemCommand({ TableName: 'throttled', Key: { pk: { S: 'counter' } }, ConsistentRead: true }),
    );
    expect(Item?.n).toEqual({ N: String(20 - throttled) });
    expect(logs).toContain('fault dynamodbThrottle: DynamoDB UpdateItem on throttled');
  } finally {
    client.destroy();
    patient.destroy();
  }
});

test('DynamoDB condition race: a concurrent twin writes first, the caller gets ConditionalCheckFailedException', async () => {
  const emulator = await emulatorWith({ rate: 1, kinds: ['dynamodbConditionRace'] });
  const client = new DynamoDBClient(config(emulator));
  try {
    await createTable(client, 'raced');
    // Unconditional writes and reads cannot race: they pass.
    await client.send(
      new PutItemCommand({
        TableName: 'raced',
        Item: { pk: { S: 'order' }, version: { N: '1' }, writes: { N: '0' } },
      }),
    );
    const bump = new UpdateItemCommand({
      TableName: 'raced',
      Key: { pk: { S: 'order' } },
      UpdateExpression: 'SET #version = :next ADD #writes :one',
      ConditionExpression: '#version = :current',
      ExpressionAttributeNames: { '#version': 'version', '#writes': 'writes' },
      ExpressionAttributeValues: { ':current': { N: '1' }, ':next': { N: '2' }, ':one': { N: '1' } },
    });
    await expect(client.send(bump)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const { Item } = await client.send(
      new GetItemCommand({ TableName: 'raced', Key: { pk: { S: 'order' } } }),
    );
    expect(Item).toEqual({ pk: { S: 'order' }, version: { N: '2' }, writes: { N: '1' } });
    expect(emulator.faults.counts()).toMatchObject({ dynamodbConditionRace: 1, dynamodbThrottle: 0 });
    // The log names the call, never its data.
    const line = logs.find((entry) => entry.startsWith('fault dynamodbConditionRace'));
    expect(line).toBe('fault dynamodbConditionRace: DynamoDB UpdateItem on raced');
  } finally {
    client.destroy();
  }
});

test('SES errors: SendEmail answered with SES service errors (503, then 500) in XML, and not sent', async () => {
  const emulator = await emulatorWith({ rate: 1, kinds: ['sesError'] });
  const client = new SESClient(config(emulator));
  const send = (subject: string) =>
    client
      .send(
        new SendEmailCommand({
          Source: 'no-reply@faults.example.com',
          Destination: { ToAddresses: ['worker@example.com'] },
          Message: { Subject: { Data: subject }, Body: { Text: { Data: 'Hej' } } },
        }),
      )
      .catch((error: unknown) => error);
  try {
    expect(await send('fault 1')).toMatchObject({
      name: 'ServiceUnavailable',
      $fault: 'server',
      $metadata: { httpStatusCode: 503 },
    });
    expect(await send('fault 2')).toMatchObject({
      name: 'InternalFailure',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
    const { emails } = (await (await fetch(emulator.ses.storeUrl)).json()) as {
      emails: { subject: string }[];
    };
    const subjects = emails.map((email) => email.subject);
    expect(subjects).not.toContain('fault 1');
    expect(subjects).not.toContain('fault 2');
    expect(emulator.faults.counts().sesError).toBe(2);
  } finally {
    client.destroy();
  }
});
