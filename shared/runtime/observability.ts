import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One logger, one metrics and one tracer per process (Powertools). Service name and namespace come
 * from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE. Nothing personal is ever passed to
 * them: log ids (onboardingId, orderId, scanId), stages and reason codes only.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'id06-onboarding' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Id06Onboarding',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'id06-onboarding',
});
/** Disabled outside Lambda (no X-Ray daemon), so the local stack runs the same code. */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'id06-onboarding' });
