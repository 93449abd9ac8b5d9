import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { type ScanCompletedDetail, ScanCompletedEvent } from '#shared/contracts/events/scan-completed.ts';
import * as dependencies from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { idempotentOn } from '#shared/runtime/idempotency.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { receiveScan } from '#shared/use-cases/receive-scan.ts';

const env = readFunctionEnv('receive-scan');
const deps = await dependencies.scanReceiving(env);

// A repeated scan id returns the stored result for 7 days, but "unmatched" is not stored: the
// order may arrive later, and Sistec's resend must then resume it.
const receive = (scan: ScanCompletedDetail) => receiveScan(scan, deps);
const remember = (result: Awaited<ReturnType<typeof receive>>) => result.result !== 'unmatched';
const receiveOnce = idempotentOn(env, 'scanId', 7 * 86_400, receive, remember);

/** Rule target for ScanCompleted. */
export const handler = eventHandler(ScanCompletedEvent, async (event, context) => {
  logger.appendKeys({ scanId: event.detail.scanId });
  const result = await receiveOnce(event.detail, context);
  // Ids and codes only: the scan itself is personal data.
  logger.info('Scan received', { ...result });
  metrics.addMetric(result.result === 'unmatched' ? 'ScanUnmatched' : 'ScanReceived', MetricUnit.Count, 1);
  return result;
});
