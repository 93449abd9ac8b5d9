import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SendEmailInput } from '#shared/contracts/task-inputs.ts';
import { ENV, readEnv } from '#shared/runtime/config.ts';
import { mailer, onboardingRepository } from '#shared/runtime/dependencies.ts';
import { eventHandler } from '#shared/runtime/handler.ts';
import { logger, metrics } from '#shared/runtime/observability.ts';
import { sendWorkflowEmail } from '#shared/use-cases/send-email.ts';

const settings = readEnv({ SIGN_IN_URL: ENV.SIGN_IN_URL, SISTEC_OFFICES_URL: ENV.SISTEC_OFFICES_URL });
const deps = {
  repo: onboardingRepository(),
  mailer: mailer(),
  signInUrl: settings.SIGN_IN_URL,
  sistecOfficesUrl: settings.SISTEC_OFFICES_URL,
};

export const handler = eventHandler(SendEmailInput, async (input) => {
  logger.appendKeys({ onboardingId: input.onboardingId });
  const { messageId } = await sendWorkflowEmail(input, deps);
  logger.info('Email sent', { template: input.template, messageId });
  metrics.addMetric('EmailSent', MetricUnit.Count, 1);
  return { template: input.template };
});
