import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { sampleScan } from '#infra/local/sample-worker.ts';
import {
  DynamoDbUnmatchedScans,
  UNMATCHED_SCAN_RETENTION_DAYS,
} from '#shared/adapters/dynamodb-unmatched-scans.ts';
import { useDynaliteTable } from '#test/support/dynalite.ts';

const db = useDynaliteTable();

test('an unmatched scan is kept with its reason and expires after the retention period', async () => {
  const scan = sampleScan('green-passport');
  const at = new Date('2026-11-21T10:02:11Z');
  await new DynamoDbUnmatchedScans(db.client, db.tableName).keep(scan, 'no-waiting-onboarding', at);

  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: { pk: 'unmatched-scan#SCN-000981' } }),
  );
  expect(Item).toMatchObject({ kind: 'unmatched-scan', reason: 'no-waiting-onboarding', scan });
  expect(Item?.expiresAtEpoch).toBe(at.getTime() / 1000 + UNMATCHED_SCAN_RETENTION_DAYS * 86_400);
  // Kept out of the identity index, so it can never be taken for an onboarding.
  expect(Item).not.toHaveProperty('identityHash');
});
