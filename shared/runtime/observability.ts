import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

import { METRICS_NAMESPACE, SERVICE_NAME } from './service-names.ts';

/**
 * One logger, one metrics and one tracer per function (Powertools). Nothing personal is ever passed
 * to them: ids (onboardingId, orderId, scanId), stages and reason codes only.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
/** Disabled outside Lambda (no X-Ray daemon), so the local stack runs the same code. */
export const tracer = new Tracer({ serviceName: SERVICE_NAME });
