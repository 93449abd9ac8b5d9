import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { CardOrderedEvent } from '#shared/contracts/events/card-ordered.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { identitySecret, onboardingRepository, workflowStarter } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { startOnboarding } from '#shared/use-cases/start-onboarding.ts';

const env = readFunctionEnv('start-onboarding');
const deps = {
  repo: onboardingRepository(env),
  workflow: workflowStarter(env),
  clock: systemClock,
  identitySecret: await identitySecret(env),
  retentionDays: env.RETENTION_DAYS,
};

/** Rule target for CardOrdered. */
export const handler = eventHandler(CardOrderedEvent, async (event) => {
  logger.appendKeys({ orderId: event.detail.orderId });
  const result = await startOnboarding(event.detail, deps);
  logger.info('Card order received', { ...result });
  // `created`, not `started`: StartExecution answers a repeated name with the same input as a success.
  metrics.addMetric(result.created ? 'OnboardingStarted' : 'CardOrderRepeated', MetricUnit.Count, 1);
  return result;
});
