import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { RejectScanInput } from '#shared/contracts/task-inputs.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { rejectScan } from '#shared/use-cases/reject-scan.ts';

const deps = { repo: onboardingRepository(readFunctionEnv('reject-scan')), clock: systemClock };

export const handler = eventHandler(RejectScanInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId, scanId: input.scan.scanId });
  await rejectScan(input, deps);
  logger.info('Scan rejected', { colour: input.scan.colour, reason: input.scan.reason });
  metrics.addMetric('ScanRejected', MetricUnit.Count, 1);
  return { rejected: true };
});
