import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { RecordFailureInput } from '#shared/contracts/task-inputs.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { recordFailure } from '#shared/use-cases/record-failure.ts';

const deps = { repo: onboardingRepository(readFunctionEnv('record-failure')), clock: systemClock };

export const handler = eventHandler(RecordFailureInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  await recordFailure(input, deps);
  logger.error('Onboarding failed', { error: input.error });
  metrics.addMetric('OnboardingFailed', MetricUnit.Count, 1);
  return { recorded: true };
});
