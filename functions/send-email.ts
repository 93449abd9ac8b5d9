import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readFunctionEnv } from '#infra/catalog.ts';
import { SendEmailInput } from '#shared/contracts/task-inputs.ts';
import { mailer, onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { sendWorkflowEmail } from '#shared/use-cases/send-email.ts';

const env = readFunctionEnv('send-email');
const deps = {
  repo: onboardingRepository(env),
  mailer: mailer(env),
  signInUrl: env.SIGN_IN_URL,
  sistecOfficesUrl: env.SISTEC_OFFICES_URL,
};

export const handler = eventHandler(SendEmailInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  const { messageId } = await sendWorkflowEmail(input, deps);
  logger.info('Email sent', { template: input.template, messageId });
  metrics.addMetric('EmailSent', MetricUnit.Count, 1);
  return { template: input.template };
});
