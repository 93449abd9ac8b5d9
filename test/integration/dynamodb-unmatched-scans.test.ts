import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { sampleScan } from '#infra/local/sample-worker.ts';
import { DynamoDbOnboardingRepository } from '#shared/adapters/dynamodb-onboarding-repository.ts';
import {
  DynamoDbUnmatchedScans,
  UNMATCHED_SCAN_RETENTION_DAYS,
} from '#shared/adapters/dynamodb-unmatched-scans.ts';
import { useDynaliteTable } from '#test/support/dynalite.ts';

const db = useDynaliteTable();
const HASH = 'a'.repeat(64);

test('an unmatched scan is kept with its reason and expires after the retention period', async () => {
  const scan = sampleScan('green-passport');
  const at = new Date('2026-11-21T10:02:11Z');
  await new DynamoDbUnmatchedScans(db.client, db.tableName).keep(scan, 'no-waiting-onboarding', at);

  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: { pk: 'unmatched-scan#SCN-000981' } }),
  );
  expect(Item).toMatchObject({ kind: 'unmatched-scan', reason: 'no-waiting-onboarding', scan });
  expect(Item?.expiresAtEpoch).toBe(at.getTime() / 1000 + UNMATCHED_SCAN_RETENTION_DAYS * 86_400);
  // Without a person (the number did not parse) it stays out of the identity index.
  expect(Item).not.toHaveProperty('identityHash');
});

test("a scan kept under a person: the newest since a time is found, and never as one of the person's onboardings", async () => {
  const scans = new DynamoDbUnmatchedScans(db.client, db.tableName);
  const older = { ...sampleScan('yellow-damaged'), scanId: 'SCN-EARLY-1' };
  const newer = { ...sampleScan('green-passport'), scanId: 'SCN-EARLY-2' };
  await scans.keep(older, 'no-waiting-onboarding', new Date('2026-11-20T10:00:00Z'), HASH);
  await scans.keep(newer, 'no-waiting-onboarding', new Date('2026-11-21T10:00:00Z'), HASH);

  expect((await scans.newestFor(HASH, new Date('2026-11-14T10:00:00Z')))?.scanId).toBe('SCN-EARLY-2');
  expect(await scans.newestFor(HASH, new Date('2026-11-21T10:00:01Z'))).toBeUndefined();
  expect(await scans.newestFor('b'.repeat(64), new Date('2026-11-14T10:00:00Z'))).toBeUndefined();
  const onboardings = new DynamoDbOnboardingRepository(db.client, db.tableName);
  expect(await onboardings.findByIdentityHash(HASH)).toEqual([]);
});
