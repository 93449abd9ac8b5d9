import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { ExpireOnboardingInput } from '#shared/contracts/task-inputs.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { expireOnboarding } from '#shared/use-cases/expire-onboarding.ts';

const deps = { repo: onboardingRepository(readFunctionEnv('expire-onboarding')), clock: systemClock };

export const handler = eventHandler(ExpireOnboardingInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  const result = await expireOnboarding(input, deps);
  logger.info('Wait ran out', { reason: input.reason, outcome: result.outcome });
  metrics.addMetric(
    result.outcome === 'EXPIRED' ? 'OnboardingExpired' : 'AccountCreatedAtExpiry',
    MetricUnit.Count,
    1,
  );
  return result;
});
