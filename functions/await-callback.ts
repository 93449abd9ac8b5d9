import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { AwaitCallbackInput } from '#shared/contracts/task-inputs.ts';
import * as dependencies from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { applyEarlyScan } from '#shared/use-cases/apply-early-scan.ts';
import { awaitCallback } from '#shared/use-cases/await-callback.ts';

const env = readFunctionEnv('await-callback');
const deps = { ...(await dependencies.scanReceiving(env)), earlyScanSeconds: env.EARLY_SCAN_SECONDS };

/** Invoked by the `.waitForTaskToken` tasks; the token never leaves the server side. */
export const handler = eventHandler(AwaitCallbackInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  const onboarding = await awaitCallback(input, deps);
  logger.info('Waiting', { kind: input.kind });
  metrics.addMetric(input.kind === 'SCAN' ? 'ScanWaitStarted' : 'AccountWaitStarted', MetricUnit.Count, 1);
  const earlyScanId = input.kind === 'SCAN' ? await applyEarlyScan(onboarding, deps) : undefined;
  if (earlyScanId) {
    logger.info('Scan that came before the order applied', { scanId: earlyScanId });
    metrics.addMetric('EarlyScanApplied', MetricUnit.Count, 1);
  }
  return { waiting: input.kind };
});
