import { DynamoDbOnboardingRepository } from '#shared/adapters/dynamodb-onboarding-repository.ts';
import { DynamoDbUnmatchedScans } from '#shared/adapters/dynamodb-unmatched-scans.ts';
import { readSecretString } from '#shared/adapters/secrets-manager-secret.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { StepFunctionsWorkflow } from '#shared/adapters/step-functions-workflow.ts';
import { documentClient, secretsClient, sesClient, sfnClient } from './aws-clients.ts';
import { ENV, readEnv } from './config.ts';

/** Adapters built from the environment; each handler calls only the ones it needs, at cold start. */
export function onboardingRepository() {
  const { TABLE_NAME } = readEnv({ TABLE_NAME: ENV.TABLE_NAME });
  return new DynamoDbOnboardingRepository(documentClient(), TABLE_NAME);
}

export function unmatchedScans() {
  const { TABLE_NAME } = readEnv({ TABLE_NAME: ENV.TABLE_NAME });
  return new DynamoDbUnmatchedScans(documentClient(), TABLE_NAME);
}

/** For starting executions: the state machine's ARN is required, and checked at cold start. */
export function workflowStarter() {
  const { STATE_MACHINE_ARN } = readEnv({ STATE_MACHINE_ARN: ENV.STATE_MACHINE_ARN });
  return new StepFunctionsWorkflow(sfnClient(), STATE_MACHINE_ARN);
}

/** For resuming waiting tasks: a task token names its execution, so no ARN is needed. */
export function taskCallbacks() {
  return new StepFunctionsWorkflow(sfnClient());
}

export function mailer() {
  const env = readEnv({ SENDER_EMAIL: ENV.SENDER_EMAIL, SES_CONFIGURATION_SET: ENV.SES_CONFIGURATION_SET });
  return new SesMailer(sesClient(), env.SENDER_EMAIL, env.SES_CONFIGURATION_SET);
}

export async function identitySecret(): Promise<string> {
  const { IDENTITY_HASH_SECRET_ARN } = readEnv({ IDENTITY_HASH_SECRET_ARN: ENV.IDENTITY_HASH_SECRET_ARN });
  return readSecretString(secretsClient(), IDENTITY_HASH_SECRET_ARN);
}
