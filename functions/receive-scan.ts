import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';
import { ScanCompletedEvent } from '#shared/contracts/events/scan-completed.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { dynamoClient } from '#shared/runtime/aws-clients.ts';
import { ENV, readEnv } from '#shared/runtime/config.ts';
import {
  identitySecret,
  onboardingRepository,
  taskCallbacks,
  unmatchedScans,
} from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { receiveScan } from '#shared/use-cases/receive-scan.ts';

const deps = {
  repo: onboardingRepository(),
  workflow: taskCallbacks(),
  unmatched: unmatchedScans(),
  clock: systemClock,
  identitySecret: await identitySecret(),
};

/**
 * Powertools idempotency keyed on Sistec's scan id: EventBridge delivers at least once, and a
 * repeated delivery returns the stored result instead of resuming (or parking) the scan again.
 */
const idempotencyConfig = new IdempotencyConfig({
  eventKeyJmesPath: 'scanId',
  expiresAfterSeconds: 7 * 86_400,
});
const receiveOnce = makeIdempotent((scan: ScanCompletedDetail) => receiveScan(scan, deps), {
  persistenceStore: new DynamoDBPersistenceLayer({
    tableName: readEnv({ IDEMPOTENCY_TABLE_NAME: ENV.IDEMPOTENCY_TABLE_NAME }).IDEMPOTENCY_TABLE_NAME,
    awsSdkV3Client: dynamoClient(),
  }),
  config: idempotencyConfig,
});

/** Rule target for ScanCompleted. */
export const handler = eventHandler(ScanCompletedEvent, async (event, context) => {
  logger.appendKeys({ scanId: event.detail.scanId });
  idempotencyConfig.registerLambdaContext(context);
  const result = await receiveOnce(event.detail);
  // Ids and codes only: the scan itself is personal data.
  logger.info('Scan received', { ...result });
  metrics.addMetric(result.result === 'unmatched' ? 'ScanUnmatched' : 'ScanReceived', MetricUnit.Count, 1);
  return result;
});
