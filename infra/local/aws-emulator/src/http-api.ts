import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describeError } from './aws-json.ts';
import { lambdaContext } from './lambda-context.ts';
import { closeServer, listen, readBody } from './server.ts';

/**
 * A local API Gateway HTTP API with one Lambda integration (payload format 2.0): each request becomes
 * the APIGatewayProxyEventV2 that API Gateway would send, and the result is written back the way
 * API Gateway writes it.
 */

export type HttpApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface HttpApiOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  handler: HttpApiHandler;
  /** Route keys such as 'GET /account/start'; `{name}`, `{name+}`, `ANY` and `$default` work too. */
  routes: readonly string[];
  /** API Gateway's payload limit, 10 MB by default. */
  maxBodyBytes?: number;
  log: (line: string) => void;
  /** The Lambda function behind the routes: named in its context and in the log. */
  functionName: string;
  /** API Gateway's integration timeout (30 s by default); a slower handler gets 503. */
  timeoutMs?: number;
  memoryMb?: number;
  region?: string;
  accountId?: string;
}

export interface HttpApi {
  url: string;
  close(): Promise<void>;
}

interface Route {
  key: string;
  method: string;
  segments: string[];
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
// Measured on AWS: only these arrive as text; everything else, form posts included, is base64.
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/javascript']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export async function startHttpApi(options: HttpApiOptions): Promise<HttpApi> {
  const routes = options.routes.map(parseRoute);
  const settings: Settings = {
    ...options,
    routes,
    functionName: options.functionName,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    region: options.region ?? 'eu-north-1',
    accountId: options.accountId ?? '000000000000',
  };
  const server = http.createServer((req, res) => {
    const started = performance.now();
    serve(req, res, settings)
      .catch((error: unknown) => {
        options.log(`http-api: request failed: ${describeError(error)}`);
        if (res.headersSent) res.destroy();
        else writeMessage(res, 500, 'Internal Server Error');
        return `${req.method} (failed)`;
      })
      .then((label) => {
        // Route key, never the raw URL: link tokens travel in the query string.
        options.log(`http-api ${label} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      });
  });
  const url = await listen(server, options.port, options.host ?? '127.0.0.1');
  return { url, close: () => closeServer(server) };
}

interface Settings extends Omit<HttpApiOptions, 'routes'> {
  routes: Route[];
  functionName: string;
  maxBodyBytes: number;
  timeoutMs: number;
  region: string;
  accountId: string;
}

/** Answers one request; returns its route key (or a stand-in) for the access log. */
async function serve(req: IncomingMessage, res: ServerResponse, settings: Settings): Promise<string> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const match = matchRoute(settings.routes, method, rawPath);
  if (match === undefined) {
    writeMessage(res, 404, 'Not Found');
    return `${method} (no route)`;
  }
  const body = await readBody(req, settings.maxBodyBytes);
  if (body === undefined) {
    res.setHeader('connection', 'close');
    writeMessage(res, 413, 'Request Entity Too Large');
    return match.route.key;
  }
  const now = new Date();
  const requestId = randomBytes(11).toString('base64');
  const event = toEvent(req, { rawPath, rawQueryString, body, now, requestId, match, settings });
  const reply = await invoke(event, settings);
  writeReply(res, reply, requestId);
  return match.route.key;
}

interface Match {
  route: Route;
  pathParameters: Record<string, string>;
}

function parseRoute(key: string): Route {
  if (key === '$default') return { key, method: 'ANY', segments: [] };
  const [method = '', path = ''] = key.split(' ');
  return { key, method: method.toUpperCase(), segments: path.split('/').slice(1) };
}

/** API Gateway's order: exact paths, then paths with variables, then greedy paths, then $default. */
function matchRoute(routes: readonly Route[], method: string, rawPath: string): Match | undefined {
  let segments: string[];
  try {
    segments = rawPath.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const candidates = routes
    .filter((route) => route.key !== '$default' && (route.method === method || route.method === 'ANY'))
    .map((route) => ({ route, pathParameters: matchPath(route.segments, segments) }))
    .filter((match): match is Match => match.pathParameters !== undefined)
    .sort((a, b) => specificity(b.route) - specificity(a.route));
  const fallback = routes.find((route) => route.key === '$default');
  return candidates[0] ?? (fallback && { route: fallback, pathParameters: {} });
}

function matchPath(pattern: readonly string[], path: readonly string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const greedy = /^\{(.+)\+\}$/.exec(part);
    if (greedy?.[1] !== undefined) {
      if (index >= path.length) return undefined;
      parameters[greedy[1]] = path.slice(index).join('/');
      return parameters;
    }
    const value = path[index];
    if (value === undefined) return undefined;
    const variable = /^\{(.+)\}$/.exec(part);
    if (variable?.[1] !== undefined) {
      if (value === '') return undefined;
      parameters[variable[1]] = value;
    } else if (part !== value) {
      return undefined;
    }
  }
  return pattern.length === path.length ? parameters : undefined;
}

function specificity(route: Route): number {
  if (route.segments.some((part) => part.endsWith('+}'))) return 0;
  return route.segments.some((part) => part.startsWith('{')) ? 1 : 2;
}

interface EventParts {
  rawPath: string;
  rawQueryString: string;
  body: Buffer;
  now: Date;
  requestId: string;
  match: Match;
  settings: Settings;
}

function toEvent(req: IncomingMessage, parts: EventParts): APIGatewayProxyEventV2 {
  const { rawPath, rawQueryString, body, now, requestId, match } = parts;
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values === undefined) continue;
    // Payload 2.0 moves cookies out of the headers into their own array.
    if (name === 'cookie') {
      cookies.push(...values.flatMap((value) => value.split(';').map((c) => c.trim())).filter(Boolean));
    } else {
      headers[name] = values.join(',');
    }
  }
  headers['x-forwarded-for'] ??= sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');
  headers['x-amzn-trace-id'] ??=
    `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  const domainName = headers.host ?? 'localhost';
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isText = contentType.startsWith('text/') || TEXT_TYPES.has(contentType);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: match.route.key,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: parts.settings.accountId,
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: req.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: match.route.key,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: body.length > 0 && !isText,
  };
  if (cookies.length > 0) event.cookies = cookies;
  const query = queryParameters(rawQueryString);
  if (query !== undefined) event.queryStringParameters = query;
  if (Object.keys(match.pathParameters).length > 0) event.pathParameters = match.pathParameters;
  if (body.length > 0) event.body = isText ? body.toString('utf8') : body.toString('base64');
  return event;
}

/** Repeated parameters are joined with commas, as API Gateway does. */
function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = parameters[name] === undefined ? value : `${parameters[name]},${value}`;
  }
  return parameters;
}

async function invoke(event: APIGatewayProxyEventV2, settings: Settings): Promise<Reply> {
  const context = lambdaContext({ ...settings, memoryMb: settings.memoryMb ?? 128 });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), settings.timeoutMs);
  });
  try {
    const result = await Promise.race([settings.handler(event, context), timeout]);
    if (result === 'timeout') {
      settings.log(`http-api: ${event.routeKey} timed out after ${settings.timeoutMs} ms`);
      return messageReply(503, 'Service Unavailable');
    }
    return toReply(result) ?? messageReply(500, 'Internal Server Error');
  } catch (error) {
    settings.log(`http-api: ${settings.functionName} failed on ${event.routeKey}: ${describeError(error)}`);
    return messageReply(500, 'Internal Server Error');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Payload 2.0 responses: an object with `statusCode` is taken field by field; anything else is sent
 * as a 200 JSON body. Undefined for a malformed response, which API Gateway answers with 500.
 */
function toReply(result: unknown): Reply | undefined {
  if (typeof result === 'string') return jsonReply(result);
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return jsonReply(JSON.stringify(result ?? null));
  }
  const {
    statusCode,
    headers = {},
    cookies = [],
    body = '',
    isBase64Encoded = false,
  } = result as Record<string, unknown>;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    return undefined;
  }
  if (
    typeof headers !== 'object' ||
    headers === null ||
    !Array.isArray(cookies) ||
    typeof body !== 'string'
  ) {
    return undefined;
  }
  const replyHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) replyHeaders[name.toLowerCase()] = String(value);
  return {
    status: statusCode,
    headers: replyHeaders,
    cookies: cookies.map(String),
    body: Buffer.from(body, isBase64Encoded === true ? 'base64' : 'utf8'),
  };
}

function jsonReply(body: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(body),
  };
}

function messageReply(status: number, message: string): Reply {
  return { ...jsonReply(JSON.stringify({ message })), status };
}

function writeReply(res: ServerResponse, reply: Reply, requestId: string): void {
  const headers: http.OutgoingHttpHeaders = { ...reply.headers, 'apigw-requestid': requestId };
  const existing = reply.headers['set-cookie'];
  const cookies = existing === undefined ? reply.cookies : [existing, ...reply.cookies];
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = reply.body.length;
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

/** API Gateway's own error bodies, e.g. `{"message":"Not Found"}`. */
function writeMessage(res: ServerResponse, status: number, message: string): void {
  const reply = messageReply(status, message);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': reply.body.length });
  res.end(reply.body);
}

/** `20/Nov/2026:08:15:00 +0000`, the format of requestContext.time. */
function apiGatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
