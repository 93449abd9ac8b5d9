import { DynamoDbOnboardingRepository } from '#shared/adapters/dynamodb-onboarding-repository.ts';
import { DynamoDbRateLimiter } from '#shared/adapters/dynamodb-rate-limiter.ts';
import { DynamoDbUnmatchedScans } from '#shared/adapters/dynamodb-unmatched-scans.ts';
import { readSecretString } from '#shared/adapters/secrets-manager-secret.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { StepFunctionsWorkflow } from '#shared/adapters/step-functions-workflow.ts';
import { systemClock } from '#shared/ports/clock.ts';
import { documentClient, secretsClient, sesClient, sfnClient } from './aws-clients.ts';
import type { Env } from './config.ts';

/**
 * Adapters built from a function's settings (readFunctionEnv), at cold start. Each takes only the
 * variables it needs, so tsc refuses a factory whose variables the function's catalog entry lacks.
 */
export function onboardingRepository(env: Pick<Env, 'TABLE_NAME'>) {
  return new DynamoDbOnboardingRepository(documentClient(), env.TABLE_NAME);
}

/** Request limits of the worker pages, on the onboarding table. */
export function rateLimiter(env: Pick<Env, 'TABLE_NAME'>) {
  return new DynamoDbRateLimiter(documentClient(), env.TABLE_NAME);
}

export function unmatchedScans(env: Pick<Env, 'TABLE_NAME'>) {
  return new DynamoDbUnmatchedScans(documentClient(), env.TABLE_NAME);
}

/**
 * For starting executions of the state machine. A throttled start is retried for 90 s (the
 * catalog gives start-onboarding 120 s): a burst of 5,000 orders needs about 28 s of Stockholm's
 * refill (150/s) beyond its bucket of 800 (decision 0020).
 */
export function workflowStarter(env: Pick<Env, 'STATE_MACHINE_ARN'>) {
  return new StepFunctionsWorkflow(sfnClient(), env.STATE_MACHINE_ARN, {
    throttledForMs: 90_000,
    maxDelayMs: 5_000,
  });
}

/** For resuming waiting tasks: a task token names its execution, so no ARN is needed. */
export function taskCallbacks() {
  return new StepFunctionsWorkflow(sfnClient());
}

export function mailer(env: Pick<Env, 'SENDER_EMAIL' | 'SES_CONFIGURATION_SET'>) {
  return new SesMailer(sesClient(), env.SENDER_EMAIL, env.SES_CONFIGURATION_SET);
}

export async function identitySecret(env: Pick<Env, 'IDENTITY_HASH_SECRET_ARN'>): Promise<string> {
  return readSecretString(secretsClient(), env.IDENTITY_HASH_SECRET_ARN);
}

/** What applying a scan needs (receive-scan, and await-callback for a scan that came early). */
export async function scanReceiving(env: Pick<Env, 'TABLE_NAME' | 'IDENTITY_HASH_SECRET_ARN'>) {
  return {
    repo: onboardingRepository(env),
    workflow: taskCallbacks(),
    unmatched: unmatchedScans(env),
    clock: systemClock,
    identitySecret: await identitySecret(env),
  };
}
