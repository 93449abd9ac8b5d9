import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { sampleScan } from '#infra/local/sample-worker.ts';
import {
  DynamoDbUnmatchedScans,
  UNMATCHED_SCAN_RETENTION_DAYS,
} from '#shared/adapters/dynamodb-unmatched-scans.ts';
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

test('an unmatched scan is kept with its reason and expires after the retention period', async () => {
  const scan = sampleScan('green-passport');
  const at = new Date('2026-11-21T10:02:11Z');
  await new DynamoDbUnmatchedScans(client, tableName).keep(scan, 'no-waiting-onboarding', at);

  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: { pk: 'unmatched-scan#SCN-000981' } }),
  );
  expect(Item).toMatchObject({ kind: 'unmatched-scan', reason: 'no-waiting-onboarding', scan });
  expect(Item?.expiresAtEpoch).toBe(at.getTime() / 1000 + UNMATCHED_SCAN_RETENTION_DAYS * 86_400);
  // Kept out of the identity index, so it can never be taken for an onboarding.
  expect(Item).not.toHaveProperty('identityHash');
});
