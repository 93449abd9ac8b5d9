import { readFunctionEnv } from '#infra/catalog.ts';
import { REQUEST_LIMITS } from '#shared/pages/request-limits.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { onboardingRepository, rateLimiter, taskCallbacks } from '#shared/runtime/dependencies.ts';
import { workerPagesHandler } from '#shared/runtime/http-handler.ts';

const env = readFunctionEnv('worker-pages');

/** HTTP API (payload 2.0): the worker account pages; resumes the execution once the account exists. */
export const handler = workerPagesHandler({
  repo: onboardingRepository(env),
  rateLimiter: rateLimiter(env),
  requestLimits: {
    ...REQUEST_LIMITS,
    client: { ...REQUEST_LIMITS.client, limit: env.REQUEST_LIMIT_PER_CLIENT },
  },
  workflow: taskCallbacks(),
  clock: systemClock,
  settings: {
    publicBaseUrl: env.PUBLIC_BASE_URL,
    signInUrl: env.SIGN_IN_URL,
    termsVersion: env.TERMS_VERSION,
  },
});
