import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { CardOrderedEvent } from '#shared/contracts/events/card-ordered.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { ENV, readEnv } from '#shared/runtime/config.ts';
import { identitySecret, onboardingRepository, workflowStarter } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { startOnboarding } from '#shared/use-cases/start-onboarding.ts';

const deps = {
  repo: onboardingRepository(),
  workflow: workflowStarter(),
  clock: systemClock,
  identitySecret: await identitySecret(),
  retentionDays: readEnv({ RETENTION_DAYS: ENV.RETENTION_DAYS }).RETENTION_DAYS,
};

/** Rule target for CardOrdered. */
export const handler = eventHandler(CardOrderedEvent, async (event) => {
  logger.appendKeys({ orderId: event.detail.orderId });
  const result = await startOnboarding(event.detail, deps);
  logger.info('Card order received', { ...result });
  metrics.addMetric(result.started ? 'OnboardingStarted' : 'CardOrderRepeated', MetricUnit.Count, 1);
  return result;
});
