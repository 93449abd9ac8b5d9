import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { IssueAccountLinkInput } from '#shared/contracts/task-inputs.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { ENV, readEnv } from '#shared/runtime/config.ts';
import { mailer, onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { issueAccountLink } from '#shared/use-cases/issue-account-link.ts';

const settings = readEnv({
  PUBLIC_BASE_URL: ENV.PUBLIC_BASE_URL,
  ACCOUNT_LINK_SECONDS: ENV.ACCOUNT_LINK_SECONDS,
});
const deps = {
  repo: onboardingRepository(),
  mailer: mailer(),
  clock: systemClock,
  publicBaseUrl: settings.PUBLIC_BASE_URL,
  linkSeconds: settings.ACCOUNT_LINK_SECONDS,
};

export const handler = eventHandler(IssueAccountLinkInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  const result = await issueAccountLink(input, deps);
  logger.info('Account link', { outcome: result.outcome, linkNumber: result.linkNumber });
  metrics.addMetric(
    result.outcome === 'LINK_EMAILED' ? 'AccountLinkEmailed' : 'AccountCreatedAtExpiry',
    MetricUnit.Count,
    1,
  );
  return result;
});
