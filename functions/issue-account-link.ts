import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { IssueAccountLinkInput } from '#shared/contracts/task-inputs.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { identitySecret, mailer, onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { issueAccountLink } from '#shared/use-cases/issue-account-link.ts';

const env = readFunctionEnv('issue-account-link');
const deps = {
  repo: onboardingRepository(env),
  mailer: mailer(env),
  clock: systemClock,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  linkSeconds: env.ACCOUNT_LINK_SECONDS,
  // The identity-hash secret, used under its own label (deriveLinkToken): one secret to keep.
  linkKey: await identitySecret(env),
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
