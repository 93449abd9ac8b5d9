import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import {
  isSdkError,
  isThrottlingSdkError,
  isTransientSdkError,
  withoutServiceMessage,
} from '#shared/adapters/aws-errors.ts';
import { ThrottledError, TransientError } from '#shared/domain/errors.ts';
import { logger, metrics, tracer } from './observability.ts';

/**
 * Turns throttling of AWS SDK calls into ThrottledError and other 5xx errors into TransientError,
 * the names the state machine's Retry blocks list; other AWS service errors keep their name but
 * lose their message, which may quote request data. Errors of this code base propagate unchanged
 * (their messages carry ids and codes only) so Catch and DLQs see them.
 *
 * A throttled invocation also counts `Throttled` with the function's name: the errors alarm
 * subtracts it (waiting for a quota is not an error) and a separate alarm watches it staying high.
 */
export function classifyErrors(): MiddlewareObj {
  return {
    onError: async (request) => {
      const error = request.error;
      if (isThrottlingSdkError(error) || error instanceof ThrottledError) {
        request.error =
          error instanceof ThrottledError
            ? error
            : new ThrottledError(`${error?.name}: AWS throttled the call`);
        const throttled = metrics.singleMetric();
        throttled.addDimension(THROTTLED_DIMENSION, request.context.functionName);
        throttled.addMetric(THROTTLED_METRIC, MetricUnit.Count, 1);
      } else if (isTransientSdkError(error)) {
        request.error = new TransientError(`${error?.name ?? 'Error'}: transient AWS error`);
      } else if (error && isSdkError(error)) {
        request.error = withoutServiceMessage(error);
      }
      logger.error('Invocation failed', {
        errorName: request.error?.name,
        errorMessage: request.error?.message,
      });
      metrics.addMetric('InvocationFailed', MetricUnit.Count, 1);
      // An error may name its own metric (an order conflict, say) for an alarm of its own.
      const own = (request.error as { metric?: unknown } | null)?.metric;
      if (typeof own === 'string') metrics.addMetric(own, MetricUnit.Count, 1);
    },
  };
}

/** The metric and dimension of throttled invocations, per function (the alarms read them). */
export const THROTTLED_METRIC = 'Throttled';
export const THROTTLED_DIMENSION = 'function_name';

/**
 * A handler for an event (EventBridge rule target or Step Functions task): Powertools logger,
 * metrics and tracer, error classification, then the zod schema via the Powertools parser.
 */
export function eventHandler<S extends z.ZodType, R>(
  schema: S,
  handle: (input: z.infer<S>, context: Context) => Promise<R>,
) {
  return middy<unknown, R>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(classifyErrors())
    .use(parser({ schema }))
    .handler(handle as (input: unknown, context: Context) => Promise<R>);
}
