import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbRateLimiter } from '#shared/adapters/dynamodb-rate-limiter.ts';
import { createOnboardingTable, documentClient, startDynalite } from '#test/support/dynalite.ts';

let dynamodb: { endpoint: string; stop(): Promise<void> };
let client: DynamoDBDocumentClient;
const tableName = `onboarding-${randomUUID()}`;

beforeAll(async () => {
  dynamodb = await startDynalite();
  client = documentClient(dynamodb.endpoint);
  await createOnboardingTable(dynamodb.endpoint, tableName);
});

afterAll(async () => {
  client.destroy();
  await dynamodb.stop();
});

test('20 concurrent requests against a limit of 5 let exactly 5 through', async () => {
  const limiter = new DynamoDbRateLimiter(client, tableName);
  const at = new Date('2026-11-30T10:02:30Z');
  const results = await Promise.all(Array.from({ length: 20 }, () => limiter.take('client#a', 5, 300, at)));
  expect(results.filter(Boolean)).toHaveLength(5);
});

test('a new window starts a new count; the counter expires after two windows', async () => {
  const limiter = new DynamoDbRateLimiter(client, tableName);
  const first = new Date('2026-11-30T10:04:59Z');
  expect(await limiter.take('link#b', 1, 300, first)).toBe(true);
  expect(await limiter.take('link#b', 1, 300, first)).toBe(false);
  expect(await limiter.take('link#b', 1, 300, new Date('2026-11-30T10:05:00Z'))).toBe(true);
  const windowStart = Date.parse('2026-11-30T10:00:00Z') / 1000;
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: { pk: `rate#link#b#${windowStart}` } }),
  );
  expect(Item).toEqual({ pk: `rate#link#b#${windowStart}`, count: 1, expiresAtEpoch: windowStart + 600 });
});
