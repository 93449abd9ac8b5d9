import { systemClock } from '#shared/ports/clock.ts';
import { ENV, readEnv } from '#shared/runtime/config.ts';
import { onboardingRepository, taskCallbacks } from '#shared/runtime/dependencies.ts';
import { workerPagesHandler } from '#shared/runtime/http-handler.ts';

const env = readEnv({
  SIGN_IN_URL: ENV.SIGN_IN_URL,
  TERMS_VERSION: ENV.TERMS_VERSION,
  PUBLIC_BASE_URL: ENV.PUBLIC_BASE_URL,
});

/** HTTP API (payload 2.0): the worker account pages; resumes the execution once the account exists. */
export const handler = workerPagesHandler({
  repo: onboardingRepository(),
  workflow: taskCallbacks(),
  clock: systemClock,
  settings: {
    publicBaseUrl: env.PUBLIC_BASE_URL,
    signInUrl: env.SIGN_IN_URL,
    termsVersion: env.TERMS_VERSION,
  },
});
