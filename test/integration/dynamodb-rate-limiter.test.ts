import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbRateLimiter } from '#shared/adapters/dynamodb-rate-limiter.ts';
import { useDynaliteTable } from '#test/support/dynalite.ts';

const db = useDynaliteTable();

test('20 concurrent requests against a limit of 5 let exactly 5 through', async () => {
  const limiter = new DynamoDbRateLimiter(db.client, db.tableName);
  const at = new Date('2026-11-30T10:02:30Z');
  const results = await Promise.all(Array.from({ length: 20 }, () => limiter.take('client#a', 5, 300, at)));
  expect(results.filter(Boolean)).toHaveLength(5);
});

test('a new window starts a new count; the counter expires after two windows', async () => {
  const limiter = new DynamoDbRateLimiter(db.client, db.tableName);
  const first = new Date('2026-11-30T10:04:59Z');
  expect(await limiter.take('link#b', 1, 300, first)).toBe(true);
  expect(await limiter.take('link#b', 1, 300, first)).toBe(false);
  expect(await limiter.take('link#b', 1, 300, new Date('2026-11-30T10:05:00Z'))).toBe(true);
  const windowStart = Date.parse('2026-11-30T10:00:00Z') / 1000;
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: { pk: `rate#link#b#${windowStart}` } }),
  );
  expect(Item).toEqual({ pk: `rate#link#b#${windowStart}`, count: 1, expiresAtEpoch: windowStart + 600 });
});
