import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { awsJsonError, describeError, isJsonObject, parseJson, type ServiceReply } from './aws-json.ts';
import { DYNAMODB_OPERATIONS, SES_V1_ACTIONS, sesV2Operation } from './operations.ts';
import { closeServer, listen, readBody } from './server.ts';
import { PASS_THROUGH, type Upstream, type UpstreamPolicy } from './upstream-policy.ts';
import { queryError } from './xml.ts';

/**
 * The emulator's one AWS endpoint (what AWS_ENDPOINT_URL points at). Requests are told apart the
 * way AWS's own front ends tell them apart: JSON protocols by the X-Amz-Target prefix, SES v1 as a
 * form-encoded POST to `/`, SES v2 as REST under `/v2/email/`. An operation no emulator answers
 * gets UnknownOperationException (HTTP 400) in its protocol's shape, never a hang.
 */

/** An in-process service: `target` is the whole X-Amz-Target, `body` the parsed JSON request. */
export interface LocalService {
  handle(target: string, body: unknown): ServiceReply | Promise<ServiceReply>;
}

export interface EdgeRoutes {
  /** Base URL of dynalite. */
  dynamodb: string;
  /** Base URL of aws-ses-v2-local. */
  ses: string;
  stepFunctions: LocalService;
  events: LocalService;
  secretsManager: LocalService;
  sqs: LocalService;
}

export interface EdgeOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  routes: EdgeRoutes;
  log: (line: string) => void;
  /** Larger requests get 413; default 16 MiB (DynamoDB's BatchWriteItem limit). */
  maxBodyBytes?: number;
  /** One line per request (service, operation, status, duration; never a body). Default off. */
  accessLog?: boolean;
  /** Quotas and faults between the edge and dynalite or SES; none by default. */
  policy?: UpstreamPolicy;
}

export interface Edge {
  url: string;
  close(): Promise<void>;
}

interface JsonServiceRoute {
  prefix: string;
  name: string;
  route: 'stepFunctions' | 'events' | 'secretsManager' | 'sqs';
  contentType: string;
}

const JSON_SERVICES: readonly JsonServiceRoute[] = [
  {
    prefix: 'AWSStepFunctions.',
    name: 'stepfunctions',
    route: 'stepFunctions',
    contentType: 'application/x-amz-json-1.0',
  },
  { prefix: 'AWSEvents.', name: 'events', route: 'events', contentType: 'application/x-amz-json-1.1' },
  {
    prefix: 'secretsmanager.',
    name: 'secretsmanager',
    route: 'secretsManager',
    contentType: 'application/x-amz-json-1.1',
  },
  { prefix: 'AmazonSQS.', name: 'sqs', route: 'sqs', contentType: 'application/x-amz-json-1.0' },
];

const DYNAMODB_PREFIX = 'DynamoDB_20120810.';
const DYNAMODB_CONTENT_TYPE = 'application/x-amz-json-1.0';
const CORAL = 'com.amazon.coral.service';
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

// Connection-level headers are not forwarded by a proxy (RFC 9110, section 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const { routes, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const agent = new http.Agent({ keepAlive: true });
  const context: RequestContext = { routes, maxBodyBytes, agent, policy: options.policy ?? PASS_THROUGH };

  const server = http.createServer((req, res) => {
    const started = performance.now();
    serve(req, res, context)
      .then((label) => {
        if (options.accessLog) {
          log(`edge ${label} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
        }
      })
      .catch((error: unknown) => {
        log(`edge: ${req.method} ${pathOf(req)} failed: ${describeError(error)}`);
        if (res.headersSent) {
          res.destroy();
        } else {
          sendReply(
            res,
            'application/x-amz-json-1.1',
            awsJsonError('InternalFailure', 'The local stack failed to process the request', 500),
          );
        }
      });
  });
  const url = await listen(server, options.port, options.host ?? '127.0.0.1');
  return {
    url,
    close: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}

interface RequestContext {
  routes: EdgeRoutes;
  maxBodyBytes: number;
  agent: http.Agent;
  policy: UpstreamPolicy;
}

/** Answers one request; returns what the access log calls it. */
async function serve(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<string> {
  const { routes } = context;
  const path = pathOf(req);
  if (req.method === 'GET' && path === '/health') {
    sendJson(res, 200, 'application/json', {
      status: 'ok',
      services: {
        dynamodb: routes.dynamodb,
        ses: routes.ses,
        stepfunctions: 'in-process',
        events: 'in-process',
        secretsmanager: 'in-process',
        sqs: 'in-process',
      },
    });
    return 'health';
  }
  const body = await readBody(req, context.maxBodyBytes);
  if (body === undefined) {
    res.setHeader('connection', 'close');
    sendJson(res, 413, 'application/json', {
      message: `Request body larger than ${context.maxBodyBytes} bytes`,
    });
    return `${req.method} ${path} (too large)`;
  }
  const target = headerValue(req.headers, 'x-amz-target');
  if (target !== undefined) return serveTarget(req, res, target, body, context);
  if (path.startsWith('/v2/email/')) {
    const operation = sesV2Operation(req.method, path);
    if (operation === undefined) {
      // REST JSON: the error code travels in a header.
      res.setHeader('x-amzn-errortype', 'UnknownOperationException');
      sendJson(res, 400, 'application/json', {
        message: `The local SES does not support ${req.method} ${path}`,
      });
      return `ses unknown ${req.method} ${path}`;
    }
    const send = () => forward(routes.ses, req, body, context.agent);
    await proxy(res, await context.policy.ses({ protocol: 'v2', operation, body }, send));
    return `ses ${operation}`;
  }
  const contentType = headerValue(req.headers, 'content-type') ?? '';
  if (req.method === 'POST' && path === '/' && contentType.startsWith('application/x-www-form-urlencoded')) {
    return serveSesV1(req, res, body, context);
  }
  sendJson(res, 404, 'application/json', { message: `No local service answers ${req.method} ${path}` });
  return `${req.method} ${path}`;
}

async function serveTarget(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  body: Buffer,
  context: RequestContext,
): Promise<string> {
  const operation = target.slice(target.indexOf('.') + 1);
  if (target.startsWith(DYNAMODB_PREFIX)) {
    if (!DYNAMODB_OPERATIONS.has(operation)) {
      const message = `The local DynamoDB (dynalite) does not support ${operation}`;
      sendReply(res, DYNAMODB_CONTENT_TYPE, awsJsonError(`${CORAL}#UnknownOperationException`, message));
      return `dynamodb unknown ${operation}`;
    }
    const send = () => forward(context.routes.dynamodb, req, body, context.agent);
    await proxy(res, await context.policy.dynamodb(operation, body, send), DYNAMODB_CONTENT_TYPE);
    return `dynamodb ${operation}`;
  }
  const service = JSON_SERVICES.find((candidate) => target.startsWith(candidate.prefix));
  if (service === undefined) {
    sendReply(
      res,
      'application/x-amz-json-1.1',
      awsJsonError('UnknownOperationException', `No local service answers X-Amz-Target ${target}`),
    );
    return `unknown ${target}`;
  }
  const input = body.length === 0 ? { value: {} } : parseJson(body.toString('utf8'));
  if (input === undefined) {
    sendReply(res, service.contentType, awsJsonError('SerializationException', 'Malformed JSON body'));
    return `${service.name} ${operation}`;
  }
  sendReply(res, service.contentType, await context.routes[service.route].handle(target, input.value));
  return `${service.name} ${operation}`;
}

async function serveSesV1(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  context: RequestContext,
): Promise<string> {
  const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
  if (!SES_V1_ACTIONS.has(action)) {
    // aws-ses-v2-local would leave this request hanging: answer at once, in the Query protocol's shape.
    sendXml(
      res,
      400,
      queryError(
        'UnknownOperationException',
        `The local SES does not support ${action || 'this action'}; it supports ${[...SES_V1_ACTIONS].join(', ')}`,
      ),
    );
    return `ses ${action || '(no action)'}`;
  }
  const send = () => forward(context.routes.ses, req, body, context.agent);
  const upstream = await context.policy.ses({ protocol: 'v1', operation: action, body }, send);
  if (upstream.status < 300) {
    // aws-ses-v2-local labels its XML text/html; SES sends text/xml.
    await proxy(res, upstream, 'text/xml');
  } else if (String(upstream.headers['content-type']).startsWith('application/json')) {
    // Its errors are JSON; a Query-protocol client only understands an XML ErrorResponse.
    const { detail, message } = parseObject(upstream.body);
    const code = upstream.status === 403 ? 'MissingAuthenticationToken' : 'InvalidParameterValue';
    sendXml(res, upstream.status, queryError(code, String(detail ?? message ?? 'Request rejected')));
  } else {
    await proxy(res, upstream);
  }
  return `ses ${action}`;
}

/** Sends the buffered request on to `base` and buffers the answer (local payloads are small). */
function forward(base: string, req: IncomingMessage, body: Buffer, agent: http.Agent): Promise<Upstream> {
  const target = new URL(req.url ?? '/', base);
  const headers: http.OutgoingHttpHeaders = { host: target.host, 'content-length': body.length };
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const request = http.request(target, { method: req.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 502,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function proxy(res: ServerResponse, upstream: Upstream, contentType?: string): Promise<void> {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  }
  if (contentType !== undefined) headers['content-type'] = contentType;
  headers['content-length'] = upstream.body.length;
  res.writeHead(upstream.status, headers);
  await new Promise<void>((resolve) => res.end(upstream.body, resolve));
}

function sendJson(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

function sendReply(res: ServerResponse, contentType: string, reply: ServiceReply): void {
  sendJson(res, reply.status, contentType, reply.body, reply.headers);
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(xml);
}

function parseObject(body: Buffer): Record<string, unknown> {
  const parsed = parseJson(body.toString('utf8'));
  return isJsonObject(parsed?.value) ? parsed.value : {};
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
