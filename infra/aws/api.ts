import { CfnOutput, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  type HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HTTP_ROUTES } from '#infra/catalog.ts';

/**
 * Access log fields. The first GET carries the link token in its query string, so nothing that can
 * hold the path or query string is logged: the route key is the template ("GET /account/start"),
 * never the request.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTimeEpoch: '$context.requestTimeEpoch',
  sourceIp: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  errorResponseType: '$context.error.responseType',
};

/** Per-stage throttling for every route: worker pages see human traffic, not bursts. */
const THROTTLE = { rateLimit: 20, burstLimit: 40 };

/**
 * The HTTP API of the worker pages. Created before the functions (they need its URL as their
 * default PUBLIC_BASE_URL); the routes are added with `routeTo` once the function exists.
 */
export class WorkerApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'ID06 onboarding: worker account pages',
      // The default stage is created below, with throttling and access logs.
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description: 'Worker pages (HTTP API) URL',
    });
  }

  /** The API's own URL, without a trailing slash. */
  get url(): string {
    return this.api.apiEndpoint;
  }

  /** Every route of HTTP_ROUTES to the worker pages function (payload format 2.0). */
  routeTo(fn: IFunction): void {
    const integration = new HttpLambdaIntegration('WorkerPages', fn);
    for (const route of HTTP_ROUTES) {
      const [method, path] = route.split(' ') as [HttpMethod, string];
      new HttpRoute(this, `Route${route.replace(/[^A-Za-z]/g, '')}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(path, method),
        integration,
      });
    }
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public pages for workers who have no account yet: each request is authorised by the single-use ' +
        'link token and then a session cookie, checked by the function (CSRF on every POST).',
    });
  }
}
