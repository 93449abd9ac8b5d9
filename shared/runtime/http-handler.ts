import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { type HttpApiEvent, readPageRequest, toHttpResult } from '#shared/pages/http-event.ts';
import { negotiateLanguage } from '#shared/pages/language.ts';
import type { PageDependencies, PageResponse } from '#shared/pages/page.ts';
import { errorResponse } from '#shared/pages/responses.ts';
import { routeKey, routePageRequest } from '#shared/pages/router.ts';
import { checkPageSettings } from '#shared/pages/settings.ts';
import { logger, metrics, tracer } from '#shared/runtime/observability.ts';

type Result = APIGatewayProxyStructuredResultV2;
type Event = z.infer<typeof APIGatewayProxyEventV2Schema>;

/** What Lambda (or the local HTTP API) calls. `unknown`: the parser checks the event's shape. */
export type WorkerPagesHandler = (event: unknown, context: Context) => Promise<Result>;

/** Logs one response: route key, status, outcome code and ids. Never the query, body, cookies or HTML. */
function record(route: string, response: PageResponse): void {
  const { outcome, level = 'info', ...fields } = response.log;
  const entry = { route, status: response.status, outcome, ...fields };
  if (level === 'error') logger.error('Worker page', entry);
  else logger.info('Worker page', entry);
  metrics.addMetric(outcome, MetricUnit.Count, 1);
}

/**
 * Any error still thrown becomes the 500 page (400 for an event that is not an HTTP API event), with
 * the security headers like every other response. Only the error's name is logged: messages of
 * dependencies (zod's quotes the event) are not under this code's control.
 */
function renderUnexpectedErrors(): MiddlewareObj<unknown, Result> {
  return {
    onError: async (request) => {
      const error = request.error;
      const unparsable = error?.name === 'ParseError';
      const event = request.event as Partial<HttpApiEvent> | undefined;
      const language = negotiateLanguage(event?.headers?.['accept-language']);
      const response = unparsable
        ? errorResponse('badRequest', language, 'BadRequest')
        : errorResponse('unexpected', language, 'UnexpectedError', {
            level: 'error',
            errorName: error?.name ?? 'Error',
          });
      record('unknown', response);
      request.response = toHttpResult(response);
    },
  };
}

/**
 * The Lambda handler of the worker pages, for the given dependencies: Powertools tracer (response
 * not captured: it is HTML with personal data), logger (event never logged), metrics, the error
 * page, then the HTTP API event schema.
 */
export function workerPagesHandler(deps: PageDependencies): WorkerPagesHandler {
  checkPageSettings(deps.settings);
  return middy<unknown, Result>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .use(logMetrics(metrics))
    .use(renderUnexpectedErrors())
    .use(parser({ schema: APIGatewayProxyEventV2Schema }))
    .handler(async (input: unknown): Promise<Result> => {
      const event = input as Event;
      const read = readPageRequest(event);
      const response = read.ok ? await routePageRequest(deps, read.request) : read.response;
      record(read.ok ? routeKey(read.request) : 'unknown', response);
      return toHttpResult(response);
    });
}
