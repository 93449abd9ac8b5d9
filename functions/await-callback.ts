import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { AwaitCallbackInput } from '#shared/contracts/task-inputs.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { awaitCallback } from '#shared/use-cases/await-callback.ts';

const deps = { repo: onboardingRepository(readFunctionEnv('await-callback')), clock: systemClock };

/** Invoked by the `.waitForTaskToken` tasks; the token never leaves the server side. */
export const handler = eventHandler(AwaitCallbackInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  await awaitCallback(input, deps);
  logger.info('Waiting', { kind: input.kind });
  metrics.addMetric(input.kind === 'SCAN' ? 'ScanWaitStarted' : 'AccountWaitStarted', MetricUnit.Count, 1);
  return { waiting: input.kind };
});
