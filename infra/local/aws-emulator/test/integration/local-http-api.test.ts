import http from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type HttpApi, type HttpApiHandler, startHttpApi } from '../../src/http-api.ts';

// Route keys of the kind a product declares for its API.
const HTTP_ROUTES = [
  'GET /account/start',
  'GET /account',
  'POST /account/identity',
  'POST /account',
  'GET /account/created',
];

const calls: { event: APIGatewayProxyEventV2; context: Context; remaining: number }[] = [];
const logs: string[] = [];
let nextResult: unknown;

/** Echoes the event back; `nextResult` overrides the reply for one request. */
const echo: HttpApiHandler = async (event, context) => {
  calls.push({ event, context, remaining: context.getRemainingTimeInMillis() });
  if (nextResult !== undefined) {
    const result = nextResult;
    nextResult = undefined;
    if (result instanceof Error) throw result;
    if (result === 'hang') return new Promise(() => {});
    return result;
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      routeKey: event.routeKey,
      cookies: event.cookies,
      query: event.queryStringParameters,
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
    }),
  };
};

let api: HttpApi;
let slowApi: HttpApi;

beforeAll(async () => {
  api = await startHttpApi({
    port: 0,
    host: '127.0.0.1',
    functionName: 'pages',
    handler: echo,
    routes: [...HTTP_ROUTES, 'GET /files/{name}', 'GET /static/{path+}'],
    maxBodyBytes: 1024,
    log: (line) => logs.push(line),
  });
  slowApi = await startHttpApi({
    port: 0,
    functionName: 'slow',
    handler: echo,
    routes: ['GET /slow'],
    log: (line) => logs.push(line),
    timeoutMs: 100,
  });
});

afterAll(async () => {
  await api?.close();
  await slowApi?.close();
});

beforeEach(() => {
  calls.length = 0;
  logs.length = 0;
});

function lastEvent(): APIGatewayProxyEventV2 {
  const call = calls.at(-1);
  if (!call) throw new Error('the handler was not called');
  return call.event;
}

describe('local HTTP API', () => {
  test('builds the payload 2.0 event API Gateway sends', async () => {
    const response = await fetch(`${api.url}/account/start?t=abc%2Bdef&lang=sv&lang=en`, {
      headers: { cookie: 'csrf=one; session=two', 'user-agent': 'jest-agent', 'x-multi': 'a' },
    });
    expect(response.status).toBe(200);
    const event = lastEvent();
    const host = new URL(api.url).host;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /account/start',
      rawPath: '/account/start',
      rawQueryString: 't=abc%2Bdef&lang=sv&lang=en',
      cookies: ['csrf=one', 'session=two'],
      queryStringParameters: { t: 'abc+def', lang: 'sv,en' },
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: 'local',
        domainName: host,
        http: {
          method: 'GET',
          path: '/account/start',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'jest-agent',
        },
        requestId: expect.stringMatching(/^[A-Za-z0-9+/]{15}=$/),
        routeKey: 'GET /account/start',
        stage: '$default',
        time: expect.stringMatching(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/),
        timeEpoch: expect.any(Number),
      },
    });
    expect(event.headers).toMatchObject({ host, 'user-agent': 'jest-agent', 'x-forwarded-for': '127.0.0.1' });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.body).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(response.headers.get('apigw-requestid')).toBe(event.requestContext.requestId);
  });

  test('leaves out cookies and query parameters when there are none', async () => {
    await fetch(`${api.url}/account`);
    const event = lastEvent();
    expect(event.rawQueryString).toBe('');
    expect(Object.keys(event)).not.toContain('cookies');
    expect(Object.keys(event)).not.toContain('queryStringParameters');
  });

  test('a form post arrives base64-encoded, as API Gateway sends it; JSON arrives as text', async () => {
    await fetch(`${api.url}/account/identity`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'identityNumber=19880320-1234&csrf=x',
    });
    const form = lastEvent();
    expect(form).toMatchObject({ routeKey: 'POST /account/identity', isBase64Encoded: true });
    expect(Buffer.from(form.body ?? '', 'base64').toString('utf8')).toBe(
      'identityNumber=19880320-1234&csrf=x',
    );

    await fetch(`${api.url}/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"a":"å"}',
    });
    expect(lastEvent()).toMatchObject({
      routeKey: 'POST /account',
      isBase64Encoded: false,
      body: '{"a":"å"}',
    });
  });

  test('repeated headers are joined with commas', async () => {
    // fetch folds repeats into one line; node:http sends an array as separate header lines.
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${api.url}/account`, { headers: { 'x-multi': ['a', 'b'] } }, (response) => {
          response.resume();
          response.on('end', resolve);
        })
        .on('error', reject);
    });
    expect(lastEvent().headers['x-multi']).toBe('a,b');
  });

  test('path variables and greedy paths fill pathParameters', async () => {
    await fetch(`${api.url}/files/report%20one.pdf`);
    expect(lastEvent()).toMatchObject({
      routeKey: 'GET /files/{name}',
      rawPath: '/files/report%20one.pdf',
      pathParameters: { name: 'report one.pdf' },
    });
    await fetch(`${api.url}/static/css/site.css`);
    expect(lastEvent()).toMatchObject({
      routeKey: 'GET /static/{path+}',
      pathParameters: { path: 'css/site.css' },
    });
  });

  test('an unknown route or method is a 404 Not Found without calling the handler', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/account'],
      ['GET', '/account/'],
    ] as const) {
      const response = await fetch(`${api.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    }
    expect(calls).toHaveLength(0);
  });

  test('writes the result back: status, headers, cookies as separate Set-Cookie headers, body', async () => {
    nextResult = {
      statusCode: 303,
      headers: { Location: '/account', 'X-Count': 3 },
      cookies: ['csrf=abc; HttpOnly; Secure', 'session=; Max-Age=0'],
      body: '',
    };
    const response = await fetch(`${api.url}/account/start?t=secret-token`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/account');
    expect(response.headers.get('x-count')).toBe('3');
    expect(response.headers.getSetCookie()).toEqual(['csrf=abc; HttpOnly; Secure', 'session=; Max-Age=0']);
  });

  test('a base64 result body is decoded', async () => {
    nextResult = {
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0, 1, 2, 255]).toString('base64'),
      isBase64Encoded: true,
    };
    const response = await fetch(`${api.url}/account`);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  test('a result without statusCode is sent as 200 JSON', async () => {
    nextResult = { hello: 'world' };
    const response = await fetch(`${api.url}/account`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  test('a throwing handler or a malformed result is a 500 Internal Server Error', async () => {
    nextResult = new Error('kaputt');
    const thrown = await fetch(`${api.url}/account`);
    expect(thrown.status).toBe(500);
    expect(await thrown.json()).toEqual({ message: 'Internal Server Error' });
    expect(logs.some((line) => line.includes('Error: kaputt'))).toBe(true);

    nextResult = { statusCode: 'two hundred' };
    const malformed = await fetch(`${api.url}/account`);
    expect(malformed.status).toBe(500);
  });

  test('a handler slower than the timeout gets 503', async () => {
    nextResult = 'hang';
    const response = await fetch(`${slowApi.url}/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });

  test('the Lambda context names the function and counts down', async () => {
    await fetch(`${api.url}/account`);
    const call = calls.at(-1);
    expect(call?.context).toMatchObject({
      functionName: 'pages',
      functionVersion: '$LATEST',
      invokedFunctionArn: expect.stringMatching(/:function:pages$/),
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      logGroupName: '/aws/lambda/pages',
    });
    expect(call?.remaining).toBeGreaterThan(29_000);
    expect(call?.remaining).toBeLessThanOrEqual(30_000);
  });

  test('a body over maxBodyBytes is a 413', async () => {
    const response = await fetch(`${api.url}/account`, { method: 'POST', body: 'x'.repeat(2048) });
    expect(response.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  test('the access log has method, route key, status and duration, never the query string', async () => {
    await fetch(`${api.url}/account/start?t=secret-link-token`);
    await fetch(`${api.url}/nope?t=secret-link-token`);
    expect(logs).toEqual([
      expect.stringMatching(/^http-api GET \/account\/start 200 \d+ms$/),
      expect.stringMatching(/^http-api GET \(no route\) 404 \d+ms$/),
    ]);
    for (const line of logs) expect(line).not.toContain('secret-link-token');
  });
});
