import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Language } from '#shared/contracts/events/fields.ts';
import { issueLinkToken } from '#shared/domain/link-token.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { hashPassword } from '#shared/domain/password-hash.ts';
import { LANGUAGES } from '#shared/email/texts/index.ts';
import { csrfToken } from '#shared/pages/csrf.ts';
import { SHOW_PASSWORD_SCRIPT, SHOW_PASSWORD_SCRIPT_HASH } from '#shared/pages/html/show-password.ts';
import type { RequestLimits } from '#shared/pages/request-limits.ts';
import { pagesEn } from '#shared/pages/texts/en.ts';
import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import { workerPagesHandler } from '#shared/runtime/http-handler.ts';
import { FakeRateLimiter, FakeWorkflow, FixedClock } from '#test/support/fakes.ts';
import { InMemoryOnboardingRepository } from '#test/support/in-memory-onboarding-repository.ts';
import { newOnboarding } from '#test/support/onboarding-fixtures.ts';
import { verifyPassword } from '#test/support/verify-password.ts';

const NOW = '2026-11-20T08:00:00.000Z';
const LINK_SECONDS = 3 * 86_400;
const IDENTITY_NUMBER = '19880320-0016';
const PASSWORD = 'Granite mango 47 bicycle lantern';
const TASK_TOKEN = 'task-token-account-wait-1';
const TERMS_VERSION = '2026-01';
const SIGN_IN_URL = 'https://id06.example/sign-in';

type Reply = { status: number; headers: Record<string, string>; cookies: string[]; body: string };
type Handler = ReturnType<typeof workerPagesHandler>;

const context = {
  functionName: 'worker-pages',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-north-1:000000000000:function:worker-pages',
  memoryLimitInMB: '512',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/worker-pages',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

interface RequestOptions {
  query?: string;
  form?: Record<string, string>;
  /** A raw body instead of `form`. */
  body?: string;
  base64?: boolean;
  headers?: Record<string, string>;
  cookies?: string[];
}

/** The API Gateway HTTP API event (payload 2.0) for one request. */
function httpEvent(method: string, path: string, options: RequestOptions = {}): APIGatewayProxyEventV2 {
  const text = options.body ?? (options.form ? new URLSearchParams(options.form).toString() : undefined);
  // HTTP APIs base64-encode form posts.
  const base64 = options.base64 ?? true;
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: options.query ?? '',
    ...(options.cookies?.length ? { cookies: options.cookies } : {}),
    headers: {
      host: 'konto.id06.example',
      'user-agent': 'jest',
      ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...options.headers,
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'konto.id06.example',
      domainPrefix: 'konto',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'jest' },
      requestId: 'request-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '20/Nov/2026:08:00:00 +0000',
      timeEpoch: Date.parse(NOW),
    },
    ...(text === undefined ? {} : { body: base64 ? Buffer.from(text, 'utf8').toString('base64') : text }),
    isBase64Encoded: text !== undefined && base64,
  } as APIGatewayProxyEventV2;
}

/** Calls the handler like a browser: keeps the cookies it is given and records every reply. */
class Browser {
  readonly jar = new Map<string, string>();
  readonly replies: Reply[] = [];
  readonly #handler: Handler;

  constructor(handler: Handler) {
    this.#handler = handler;
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const cookies = options.cookies ?? [...this.jar].map(([name, value]) => `${name}=${value}`);
    const result = (await this.#handler(
      httpEvent(method, path, { ...options, cookies }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    const reply: Reply = {
      status: result.statusCode ?? 0,
      headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
      cookies: result.cookies ?? [],
      body: result.body ?? '',
    };
    for (const cookie of reply.cookies) {
      const [pair = '', ...attributes] = cookie.split('; ');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (attributes.includes('Max-Age=0')) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    this.replies.push(reply);
    return reply;
  }

  get(path: string, query = ''): Promise<Reply> {
    return this.send('GET', path, { query });
  }

  post(path: string, form: Record<string, string>): Promise<Reply> {
    return this.send('POST', path, { form });
  }

  /**
   * Follows an emailed link as a worker does: GET the *Create user account* page, then press
   * *Sign in after manual ID verification* (a same-origin POST). A refused link is the GET's reply.
   */
  async open(token: string, query = `token=${encodeURIComponent(token)}`): Promise<Reply> {
    const page = await this.get('/account/start', query);
    const field = /name="token" value="([^"]*)"/.exec(page.body);
    if (page.status !== 200 || !field) return page;
    return this.send('POST', '/account/start', {
      form: { token: field[1] ?? '' },
      headers: { 'sec-fetch-site': 'same-origin', origin: 'https://konto.id06.example' },
    });
  }
}

function csrfIn(body: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(body);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}

interface SetupOptions {
  language?: Language;
  publicBaseUrl?: string;
  withWait?: boolean;
  cardholder?: Partial<Onboarding['cardholder']>;
  workflow?: Workflow;
  requestLimits?: RequestLimits;
}

/** The link an IssueAccountLink task would store: a (re)send, which replaces any earlier link. */
async function emailLink(
  repo: InMemoryOnboardingRepository,
  id: string,
  link: NonNullable<Onboarding['link']>,
) {
  const current = await repo.get(id);
  await repo.transition(id, {
    expectedVersion: current!.version,
    from: 'LINK_EMAILED',
    to: 'LINK_EMAILED',
    cause: 'link-resent',
    at: new Date(NOW),
    changes: { link },
  });
}

async function setup(options: SetupOptions = {}) {
  const clock = new FixedClock(NOW);
  const repo = new InMemoryOnboardingRepository();
  const fakeWorkflow = new FakeWorkflow();
  const base = newOnboarding({ stage: 'LINK_EMAILED', language: options.language ?? 'sv' });
  const onboarding = { ...base, cardholder: { ...base.cardholder, ...options.cardholder } };
  const id = onboarding.onboardingId;
  await repo.create(onboarding);
  const link = issueLinkToken(id, clock.now(), LINK_SECONDS);
  await emailLink(repo, id, { tokenHash: link.tokenHash, expiresAt: link.expiresAt, linkNumber: 1 });
  if (options.withWait ?? true) {
    await repo.storeWait(id, { kind: 'ACCOUNT', taskToken: TASK_TOKEN, since: clock.now() });
  }
  const handler = workerPagesHandler({
    repo,
    workflow: options.workflow ?? fakeWorkflow,
    rateLimiter: new FakeRateLimiter(),
    ...(options.requestLimits ? { requestLimits: options.requestLimits } : {}),
    clock,
    settings: {
      publicBaseUrl: options.publicBaseUrl ?? 'https://konto.id06.example',
      signInUrl: SIGN_IN_URL,
      termsVersion: TERMS_VERSION,
    },
    // N = 2^14 instead of 2^17: the same scrypt format, a tenth of the time.
    hashPassword: (password) => hashPassword(password, { ln: 14 }),
  });
  const browser = new Browser(handler);
  return { clock, repo, workflow: fakeWorkflow, id, token: link.token, link, handler, browser };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const startQuery = (token: string) => `token=${encodeURIComponent(token)}`;

/** Start → identity form → right identity number: returns the check-your-data page. */
async function reachAccountForm(s: Setup): Promise<Reply> {
  await s.browser.open(s.token);
  const identityPage = await s.browser.get('/account');
  const accountPage = await s.browser.post('/account/identity', {
    csrf: csrfIn(identityPage.body),
    identityNumber: IDENTITY_NUMBER,
  });
  expect(accountPage.status).toBe(200);
  return accountPage;
}

function accountForm(page: Reply, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    csrf: csrfIn(page.body),
    identityNumber: IDENTITY_NUMBER,
    password: PASSWORD,
    terms: 'accepted',
    ...overrides,
  };
}

let logged: string[] = [];

beforeEach(() => {
  logged = [];
  // Powertools writes logs and EMF metrics to stdout, errors to stderr: capture both to check what
  // they contain. Anything else (Jest's own output) passes through.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.startsWith('{')) {
        logged.push(text);
        return true;
      }
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});

afterEach(() => {
  jest.restoreAllMocks();
});

function logEntries(): Record<string, unknown>[] {
  return logged
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.message === 'Worker page');
}

describe('the whole journey', () => {
  test('start, identity number, account, created: stage ACCOUNT_CREATED, scrypt hash stored, resumed once', async () => {
    const s = await setup();
    const start = await s.browser.open(s.token);
    expect(start.status).toBe(303);
    expect(start.headers.Location).toBe('/account');

    const identityPage = await s.browser.get('/account');
    expect(identityPage.status).toBe(200);
    expect(identityPage.body).toContain('Logga in efter manuell id-kontroll');
    expect(identityPage.body).toContain('action="/account/identity"');
    expect(csrfIn(identityPage.body)).toBe(csrfToken(s.token));

    const accountPage = await s.browser.post('/account/identity', {
      csrf: csrfIn(identityPage.body),
      identityNumber: IDENTITY_NUMBER,
    });
    expect(accountPage.status).toBe(200);
    for (const shown of ['Anna Maria', 'Eriksson', IDENTITY_NUMBER, 'anna.eriksson@example.com']) {
      expect(accountPage.body).toContain(shown);
    }
    expect(accountPage.body).toContain('href="https://id06.se/villkor"');

    const created = await s.browser.post('/account', accountForm(accountPage));
    expect(created.status).toBe(303);
    expect(created.headers.Location).toBe('/account/created?lang=sv');
    expect(s.browser.jar.has('id06_session')).toBe(false);

    const done = await s.browser.get('/account/created', 'lang=sv');
    expect(done.status).toBe(200);
    expect(done.body).toContain('Ditt konto är skapat');
    expect(done.body).toContain(`href="${SIGN_IN_URL}"`);
    expect(done.body).toContain('Logga in på ditt konto');

    const stored = await s.repo.get(s.id);
    expect(stored?.stage).toBe('ACCOUNT_CREATED');
    expect(stored?.history.at(-1)).toMatchObject({
      from: 'LINK_EMAILED',
      to: 'ACCOUNT_CREATED',
      cause: 'account-created',
    });
    // The wait stays for resumeFinishedAccount, should this request have died before resuming.
    expect(stored?.wait).toMatchObject({ kind: 'ACCOUNT', taskToken: TASK_TOKEN });
    expect(stored?.link?.usedAt).toBe(NOW);
    expect(stored?.account).toEqual({
      passwordHash: expect.stringMatching(/^\$scrypt\$ln=14,r=8,p=1\$/),
      termsVersion: TERMS_VERSION,
      termsAcceptedAt: NOW,
      createdAt: NOW,
    });
    expect(verifyPassword(PASSWORD, stored?.account?.passwordHash ?? '')).toBe(true);
    expect(s.workflow.resumed).toEqual([{ taskToken: TASK_TOKEN, output: { createdAt: NOW } }]);
  });

  test('a request that died after writing the account: the same form sent again resumes the execution', async () => {
    // The first POST writes the account, then its SendTaskSuccess never happens (the runtime died).
    const dying = new FakeWorkflow();
    dying.resume = async () => {
      throw Object.assign(new Error('Runtime exited'), { name: 'Runtime.ExitError' });
    };
    const s = await setup({ workflow: dying });
    const accountPage = await reachAccountForm(s);
    const session = s.browser.jar.get('id06_session') as string;
    await s.browser.post('/account', accountForm(accountPage));
    expect((await s.repo.get(s.id))?.stage).toBe('ACCOUNT_CREATED');

    // The answer never reached the browser, so it still has its session and sends the form again.
    s.browser.jar.set('id06_session', session);
    dying.resume = FakeWorkflow.prototype.resume.bind(dying);
    const again = await s.browser.post('/account', accountForm(accountPage));
    expect(again.status).toBe(410);
    expect(dying.resumed).toEqual([{ taskToken: TASK_TOKEN, output: { createdAt: NOW } }]);
  });

  test('opening the link again after the account exists resumes an execution its request left waiting', async () => {
    const dying = new FakeWorkflow();
    dying.resume = async () => {
      throw Object.assign(new Error('Runtime exited'), { name: 'Runtime.ExitError' });
    };
    const s = await setup({ workflow: dying });
    await s.browser.post('/account', accountForm(await reachAccountForm(s)));
    dying.resume = FakeWorkflow.prototype.resume.bind(dying);

    const reopened = await s.browser.open(s.token);
    expect(reopened.status).toBe(410);
    expect(dying.resumed).toEqual([{ taskToken: TASK_TOKEN, output: { createdAt: NOW } }]);
    // Once more: the token is used up, nothing is sent twice.
    await s.browser.open(s.token);
    expect(dying.resumed).toHaveLength(1);
  });

  test('the session cookie is HttpOnly, SameSite=Strict, Secure, scoped to /account, as long-lived as the link', async () => {
    const s = await setup();
    const start = await s.browser.open(s.token);
    expect(start.cookies).toEqual([
      `id06_session=${s.token}; Max-Age=${LINK_SECONDS}; Path=/account; HttpOnly; SameSite=Strict; Secure`,
    ]);
    const accountPage = await reachAccountForm(s);
    const created = await s.browser.post('/account', accountForm(accountPage));
    expect(created.cookies).toEqual([
      'id06_session=; Max-Age=0; Path=/account; HttpOnly; SameSite=Strict; Secure',
    ]);
  });

  test('on the local stack (http://127.0.0.1) the cookie is not Secure, which browsers would drop there', async () => {
    const s = await setup({ publicBaseUrl: 'http://127.0.0.1:4566' });
    const start = await s.browser.open(s.token);
    expect(start.cookies[0]).toBe(
      `id06_session=${s.token}; Max-Age=${LINK_SECONDS}; Path=/account; HttpOnly; SameSite=Strict`,
    );
  });

  test('the link opens *Create user account* with one action, a POST of the token; nothing is set yet', async () => {
    const s = await setup({ language: 'en' });
    const page = await s.browser.get('/account/start', startQuery(s.token));
    expect(page.status).toBe(200);
    expect(page.cookies).toEqual([]);
    expect(page.body).toContain(`<h1>${pagesEn.start.title}</h1>`);
    expect(page.body).toContain('<form method="post" action="/account/start">');
    expect(page.body).toContain(`<button type="submit">${pagesEn.start.submit}</button>`);
    expect(page.body.match(/<form/g)).toHaveLength(1);
  });

  test.each([
    ['Sec-Fetch-Site says another site', { 'sec-fetch-site': 'cross-site' }],
    ['no Sec-Fetch-Site and another Origin', { origin: 'https://evil.example' }],
  ])('a POST of the link from another site is refused (%s) and starts no session', async (_name, headers) => {
    const s = await setup();
    const reply = await s.browser.send('POST', '/account/start', { form: { token: s.token }, headers });
    expect(reply.status).toBe(403);
    expect(reply.cookies).toEqual([]);
  });

  test('a link opened from a web mail on another site still gets in (the POST is same-site)', async () => {
    const s = await setup();
    const page = await s.browser.send('GET', '/account/start', {
      query: startQuery(s.token),
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(page.status).toBe(200);
    const started = await s.browser.open(s.token);
    expect(started.status).toBe(303);
    expect((await s.browser.get('/account')).status).toBe(200);
  });

  test('after the start no Location carries the token, and no header but the session Set-Cookie does', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    await s.browser.post('/account', accountForm(accountPage));
    await s.browser.get('/account/created', 'lang=sv');
    const secret = s.token.split('.')[1]!;
    for (const [index, reply] of s.browser.replies.entries()) {
      const headers = JSON.stringify(reply.headers);
      for (const value of [secret, IDENTITY_NUMBER, PASSWORD]) expect(headers).not.toContain(value);
      const withToken = reply.cookies.filter((cookie) => cookie.includes(secret));
      // Index 0 is the start page, 1 the POST that trades the link for the session.
      expect(withToken).toEqual(index === 1 ? [expect.stringMatching(/^id06_session=/)] : []);
    }
  });

  test('the link is single use: a second POST /account with the same session gets 410', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    await s.browser.post('/account', accountForm(accountPage));
    const again = await s.browser.send('POST', '/account', {
      form: accountForm(accountPage),
      cookies: [`id06_session=${s.token}`],
    });
    expect(again.status).toBe(410);
    expect(again.body).toContain('Länken har redan använts');
    expect(s.workflow.resumed).toHaveLength(1);
  });

  test('two confirms racing each other create one account, resume once, and the loser gets 410', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    const replies = await Promise.all([
      s.browser.post('/account', accountForm(accountPage)),
      s.browser.post('/account', accountForm(accountPage)),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([303, 410]);
    expect((await s.repo.get(s.id))?.stage).toBe('ACCOUNT_CREATED');
    expect(s.workflow.resumed).toHaveLength(1);
  });

  test('a failed account write leaves the link usable, and the retry creates the account', async () => {
    const s = await setup();
    // The repository as the pages use it, with the stage change failing once.
    const transition = s.repo.transition.bind(s.repo);
    let failures = 0;
    jest.spyOn(s.repo, 'transition').mockImplementation(async (id, change) => {
      if (failures++ === 0) throw Object.assign(new Error('unavailable'), { name: 'ServiceUnavailable' });
      return transition(id, change);
    });
    const accountPage = await reachAccountForm(s);
    const failed = await s.browser.post('/account', accountForm(accountPage));
    expect(failed.status).toBe(500);
    const untouched = await s.repo.get(s.id);
    expect(untouched?.stage).toBe('LINK_EMAILED');
    expect(untouched?.link?.usedAt).toBeUndefined();
    expect(s.workflow.resumed).toEqual([]);

    const retried = await s.browser.post('/account', accountForm(accountPage));
    expect(retried.status).toBe(303);
    const stored = await s.repo.get(s.id);
    expect(stored?.stage).toBe('ACCOUNT_CREATED');
    expect(stored?.link?.usedAt).toBe(NOW);
    expect(s.workflow.resumed).toEqual([{ taskToken: TASK_TOKEN, output: { createdAt: NOW } }]);
  });

  test('without a stored wait token the account is still created and nothing is resumed', async () => {
    const s = await setup({ withWait: false });
    const accountPage = await reachAccountForm(s);
    const created = await s.browser.post('/account', accountForm(accountPage));
    expect(created.status).toBe(303);
    expect((await s.repo.get(s.id))?.stage).toBe('ACCOUNT_CREATED');
    expect(s.workflow.resumed).toEqual([]);
    expect(logEntries().at(-1)).toMatchObject({ outcome: 'AccountCreated', detail: 'resume-no-wait' });
  });

  test('a failing resume still shows the created account and logs the error for operators', async () => {
    const failing: Workflow = {
      start: async () => ({ started: true }),
      resume: async () => {
        throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
      },
    };
    const s = await setup({ workflow: failing });
    const accountPage = await reachAccountForm(s);
    const created = await s.browser.post('/account', accountForm(accountPage));
    expect(created.status).toBe(303);
    expect((await s.repo.get(s.id))?.stage).toBe('ACCOUNT_CREATED');
    expect(logEntries().at(-1)).toMatchObject({
      level: 'ERROR',
      outcome: 'AccountCreated',
      detail: 'resume-failed',
      errorName: 'ThrottlingException',
    });
  });
});

describe('CSRF', () => {
  test.each([
    ['a missing token', undefined],
    ['a wrong token', 'x'.repeat(43)],
    [
      'the token of another link',
      csrfToken('onb_aaaaaaaaaaaaaaaaaaaaaaaaaa.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ],
  ])('%s is refused with 403 on both forms and changes nothing', async (_, csrf) => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    const before = await s.repo.get(s.id);
    const identity = await s.browser.post('/account/identity', {
      ...(csrf === undefined ? {} : { csrf }),
      identityNumber: 'wrong-number',
    });
    const { csrf: _dropped, ...withoutCsrf } = accountForm(accountPage);
    const account = await s.browser.post('/account', {
      ...withoutCsrf,
      ...(csrf === undefined ? {} : { csrf }),
    });
    for (const reply of [identity, account]) {
      expect(reply.status).toBe(403);
      expect(reply.body).toContain(pagesEn.errors.forbidden.title);
    }
    expect(await s.repo.get(s.id)).toEqual(before);
    expect(s.workflow.resumed).toEqual([]);
  });

  test('a post without the session cookie (as from another site) is refused with 403', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    const reply = await s.browser.send('POST', '/account', { form: accountForm(accountPage), cookies: [] });
    expect(reply.status).toBe(403);
    expect((await s.repo.get(s.id))?.stage).toBe('LINK_EMAILED');
  });

  test('a body that is not a form carries no CSRF field: 403', async () => {
    const s = await setup();
    await s.browser.open(s.token);
    const reply = await s.browser.send('POST', '/account/identity', {
      body: JSON.stringify({ csrf: csrfToken(s.token), identityNumber: IDENTITY_NUMBER }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(403);
  });
});

describe('identity number', () => {
  test('wrong numbers count down the tries, lock at the fifth, and even the right one is refused while locked', async () => {
    const s = await setup();
    await s.browser.open(s.token);
    const csrf = csrfIn((await s.browser.get('/account')).body);
    for (const left of [4, 3, 2, 1]) {
      const reply = await s.browser.post('/account/identity', { csrf, identityNumber: '19880320-0024' });
      expect(reply.status).toBe(422);
      expect(reply.body).toContain(`Du har ${left} försök kvar.`);
      expect(reply.body).toContain('aria-invalid="true"');
      expect(reply.body).toContain('href="#identityNumber"');
    }
    const fifth = await s.browser.post('/account/identity', { csrf, identityNumber: '19880320-0024' });
    expect(fifth.status).toBe(429);
    expect(fifth.headers['Retry-After']).toBe('900');
    expect(fifth.body).toContain('För många felaktiga försök');
    expect(fifth.body).toContain('kl. 09:15'); // 08:00 UTC + 15 min in Stockholm (UTC+1)
    expect((await s.repo.get(s.id))?.identityChecks).toEqual({
      tries: 5,
      windowStart: '2026-11-20T08:00:00.000Z',
      total: 5,
    });

    const right = await s.browser.post('/account/identity', { csrf, identityNumber: IDENTITY_NUMBER });
    expect(right.status).toBe(429);
    const form = await s.browser.get('/account');
    expect(form.status).toBe(429);
    expect(form.body).not.toContain('<form');

    s.clock.advanceSeconds(901);
    const later = await s.browser.post('/account/identity', { csrf, identityNumber: IDENTITY_NUMBER });
    expect(later.status).toBe(200);
  });

  test.each(['198803200016', '880320-0016', '19880320 0016', '19880320–0016'])(
    '%s differs from what the orderer typed only in format and is refused (exact match)',
    async (entered) => {
      const s = await setup();
      await s.browser.open(s.token);
      const csrf = csrfIn((await s.browser.get('/account')).body);
      const reply = await s.browser.post('/account/identity', { csrf, identityNumber: entered });
      expect(reply.status).toBe(422);
      expect((await s.repo.get(s.id))?.identityChecks?.total).toBe(1);
    },
  );

  test('after 10 wrong tries over any time the check stays locked until an operator unlocks it', async () => {
    const s = await setup({ language: 'en' });
    await s.browser.open(s.token);
    const csrf = csrfIn((await s.browser.get('/account')).body);
    const wrong = () => s.browser.post('/account/identity', { csrf, identityNumber: '19880320-0024' });
    for (let i = 0; i < 5; i++) await wrong();
    s.clock.advanceSeconds(901);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await wrong()).status);
    expect(statuses).toEqual([422, 422, 422, 422, 403]);
    s.clock.advanceSeconds(901); // a new window would open, but the cap holds
    const right = await s.browser.post('/account/identity', { csrf, identityNumber: IDENTITY_NUMBER });
    expect(right.status).toBe(403);
    expect(right.body).toContain(pagesEn.blocked.title);
    expect(right.body).toContain('ID06 customer service');
    expect((await s.browser.get('/account')).status).toBe(403);
    expect((await s.repo.get(s.id))?.identityChecks?.total).toBe(10);
  });

  test('a burst of 20 wrong numbers and the right one at once: 5 are compared, the right one is refused', async () => {
    const s = await setup();
    await s.browser.open(s.token);
    const csrf = csrfIn((await s.browser.get('/account')).body);
    const entries = [...Array.from({ length: 20 }, () => '19880320-0024'), IDENTITY_NUMBER];
    const replies = await Promise.all(
      entries.map((identityNumber) => s.browser.post('/account/identity', { csrf, identityNumber })),
    );
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(0);
    expect((await s.repo.get(s.id))?.identityChecks).toMatchObject({ tries: 5, total: 5 });
  });

  test('right numbers give their try back: a worker retrying the form is never locked out', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    for (let i = 0; i < 8; i++) {
      const refused = await s.browser.post('/account', accountForm(accountPage, { password: 'short' }));
      expect(refused.status).toBe(422);
    }
    expect((await s.repo.get(s.id))?.identityChecks).toMatchObject({ tries: 0, total: 0 });
    expect((await s.browser.post('/account', accountForm(accountPage))).status).toBe(303);
  });

  test('a refused number stays in the field, focused; a digits-only number gets the numeric keypad', async () => {
    const s = await setup({ cardholder: { identityNumber: '44051401359' } });
    await s.browser.open(s.token);
    const form = await s.browser.get('/account');
    expect(form.body).toContain('inputmode="numeric"');
    const reply = await s.browser.post('/account/identity', {
      csrf: csrfIn(form.body),
      identityNumber: '4405140135',
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatch(/<input [^>]*value="4405140135"[^>]*aria-invalid="true" autofocus>/);
  });

  test('a number with separators gets the ordinary keyboard', async () => {
    const s = await setup();
    await s.browser.open(s.token);
    expect((await s.browser.get('/account')).body).not.toContain('inputmode=');
  });

  test('an empty entry is asked for again without counting as a try', async () => {
    const s = await setup({ language: 'en' });
    await s.browser.open(s.token);
    const csrf = csrfIn((await s.browser.get('/account')).body);
    const reply = await s.browser.post('/account/identity', { csrf, identityNumber: '  ' });
    expect(reply.status).toBe(422);
    expect(reply.body).toContain(pagesEn.identity.errors.empty);
    expect((await s.repo.get(s.id))?.identityChecks).toBeUndefined();
  });

  test('the final POST re-checks the number: an edited hidden field counts as a wrong try', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    const reply = await s.browser.post(
      '/account',
      accountForm(accountPage, { identityNumber: '19880320-0024' }),
    );
    expect(reply.status).toBe(422);
    expect(reply.body).toContain('action="/account/identity"');
    const stored = await s.repo.get(s.id);
    expect(stored?.identityChecks?.total).toBe(1);
    expect(stored?.stage).toBe('LINK_EMAILED');
  });
});

describe('account form', () => {
  test.each([
    ['', pagesEn.account.errors.passwordMissing],
    ['short1', pagesEn.account.errors.tooShort],
    ['x'.repeat(257), pagesEn.account.errors.tooLong],
    ['Password123!', pagesEn.account.errors.common],
    ['qwertyuiop', pagesEn.account.errors.common],
    ['abcdefghij', pagesEn.account.errors.weak],
    ['xx198803200016yy', pagesEn.account.errors.personal],
    ['anna.eriksson2026', pagesEn.account.errors.personal],
  ])('password %j is refused: %s', async (password, message) => {
    const s = await setup({ language: 'en' });
    const accountPage = await reachAccountForm(s);
    const reply = await s.browser.post('/account', accountForm(accountPage, { password }));
    expect(reply.status).toBe(422);
    expect(reply.body).toContain(message);
    expect(reply.body).toContain('href="#password"');
    expect(reply.body).toMatch(/<title>Error: /);
    if (password !== '') expect(reply.body).not.toContain(`value="${password}"`);
    const stored = await s.repo.get(s.id);
    expect(stored?.stage).toBe('LINK_EMAILED');
    expect(stored?.link?.usedAt).toBeUndefined();
  });

  test('one password field, with a *Show password* box that only the enhancement script reveals', async () => {
    const s = await setup({ language: 'en' });
    const accountPage = await reachAccountForm(s);
    expect(accountPage.body.match(/type="password"/g)).toHaveLength(1);
    expect(accountPage.body).toContain(
      `<div class="checkbox show-password" data-show-password="password" hidden>`,
    );
    expect(accountPage.body).toContain(`<label for="password-show">${pagesEn.account.showPassword}</label>`);
    expect(accountPage.body).toContain(`<script>${SHOW_PASSWORD_SCRIPT}</script>`);
    expect(accountPage.headers['Content-Security-Policy']).toContain(
      `script-src '${SHOW_PASSWORD_SCRIPT_HASH}'`,
    );
  });

  test('a refused password is focused and linked from the summary; the password is not sent back', async () => {
    const s = await setup({ language: 'en' });
    const accountPage = await reachAccountForm(s);
    const reply = await s.browser.post('/account', accountForm(accountPage, { password: 'short1' }));
    expect(reply.body).toContain('href="#password"');
    expect(reply.body).toMatch(/<input type="password" id="password"[^>]*aria-invalid="true" autofocus>/);
    expect(reply.body).not.toContain('short1');
  });

  test('the terms must be accepted; the re-rendered form keeps the identity number, never the password', async () => {
    const s = await setup({ language: 'en' });
    const accountPage = await reachAccountForm(s);
    const { terms: _terms, ...withoutTerms } = accountForm(accountPage);
    const reply = await s.browser.post('/account', withoutTerms);
    expect(reply.status).toBe(422);
    expect(reply.body).toContain(pagesEn.account.errors.termsRequired);
    expect(reply.body).toContain(`name="identityNumber" value="${IDENTITY_NUMBER}"`);
    expect(reply.body).not.toContain(PASSWORD);
    expect((await s.repo.get(s.id))?.stage).toBe('LINK_EMAILED');

    const fixed = await s.browser.post('/account', accountForm(reply));
    expect(fixed.status).toBe(303);
  });
});

describe('links', () => {
  test('a tampered token and a token of an unknown onboarding get the same 404 page', async () => {
    const s = await setup();
    const last = s.token.at(-1) === 'A' ? 'E' : 'A';
    const tampered = await s.browser.open(`${s.token.slice(0, -1)}${last}`);
    const unknownId = `onb_${'z'.repeat(26)}.${s.token.split('.')[1]}`;
    const unknown = await s.browser.open(unknownId);
    expect(tampered.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe(tampered.body);
    expect(tampered.cookies).toEqual([]);
  });

  test.each(['', 'token=', 'token=not-a-token', `token=${'a'.repeat(300)}`])(
    'a malformed token (%s) gets 400',
    async (query) => {
      const s = await setup();
      const reply = await s.browser.get('/account/start', query);
      expect(reply.status).toBe(400);
      expect(reply.body).toContain(pagesEn.link.invalid.title);
    },
  );

  test('an expired link gets 410 saying a new one comes automatically', async () => {
    const s = await setup();
    s.clock.advanceSeconds(LINK_SECONDS);
    const reply = await s.browser.open(s.token);
    expect(reply.status).toBe(410);
    expect(reply.body).toContain('Länken har gått ut');
    expect(reply.body).toContain('skickas en ny länk automatiskt');
  });

  test('once the automatic resends ran out, an expired link offers *Send me a new link*, which resumes the workflow once', async () => {
    const s = await setup({ language: 'en', withWait: false });
    await s.repo.storeWait(s.id, { kind: 'NEW_LINK', taskToken: 'task-new-link', since: s.clock.now() });
    s.clock.advanceSeconds(LINK_SECONDS);
    const page = await s.browser.get('/account/start', startQuery(s.token));
    expect(page.status).toBe(410);
    expect(page.body).toContain(pagesEn.link.renewable.title);
    expect(page.body).toContain('<form method="post" action="/account/new-link">');
    const form = { form: { token: s.token }, headers: { 'sec-fetch-site': 'same-origin' } };
    const sent = await s.browser.send('POST', '/account/new-link', form);
    expect(sent.status).toBe(200);
    expect(sent.body).toContain(pagesEn.newLink.title);
    expect(s.workflow.resumed).toEqual([
      { taskToken: 'task-new-link', output: { requestedAt: s.clock.now().toISOString() } },
    ]);
    // A double click sends no second request.
    await s.browser.send('POST', '/account/new-link', form);
    expect(s.workflow.resumed).toHaveLength(1);
  });

  test('*Send me a new link* is refused from another site, for a link still valid, and while nothing waits for it', async () => {
    const s = await setup({ language: 'en', withWait: false });
    const post = (headers: Record<string, string>) =>
      s.browser.send('POST', '/account/new-link', { form: { token: s.token }, headers });
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(403); // still valid
    s.clock.advanceSeconds(LINK_SECONDS);
    const expired = await post({ 'sec-fetch-site': 'same-origin' }); // no NEW_LINK wait: the resends go on
    expect(expired.status).toBe(410);
    expect(expired.body).toContain(pagesEn.link.expired.action);
    await s.repo.storeWait(s.id, { kind: 'NEW_LINK', taskToken: 'task-new-link', since: s.clock.now() });
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(s.workflow.resumed).toEqual([]);
  });

  test('a session whose link expired meanwhile gets 410 and the cookie is dropped', async () => {
    const s = await setup();
    await s.browser.open(s.token);
    s.clock.advanceSeconds(LINK_SECONDS + 1);
    const reply = await s.browser.get('/account');
    expect(reply.status).toBe(410);
    expect(s.browser.jar.has('id06_session')).toBe(false);
  });

  test('a used link gets 410 with the sign-in link', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    await s.browser.post('/account', accountForm(accountPage));
    const reply = await s.browser.open(s.token);
    expect(reply.status).toBe(410);
    expect(reply.body).toContain('Länken har redan använts');
    expect(reply.body).toContain(`href="${SIGN_IN_URL}"`);
  });

  test('a link replaced by a resend no longer works', async () => {
    const s = await setup();
    const next = issueLinkToken(s.id, s.clock.now(), LINK_SECONDS);
    await emailLink(s.repo, s.id, { tokenHash: next.tokenHash, expiresAt: next.expiresAt, linkNumber: 2 });
    expect((await s.browser.open(s.token)).status).toBe(404);
    expect((await s.browser.open(next.token)).status).toBe(303);
  });

  test('the link of an expired order gets 410 saying the order is closed', async () => {
    const s = await setup();
    const current = await s.repo.get(s.id);
    await s.repo.transition(s.id, {
      expectedVersion: current!.version,
      from: current!.stage,
      to: 'EXPIRED',
      cause: 'account-wait-expired',
      at: s.clock.now(),
    });
    const reply = await s.browser.open(s.token);
    expect(reply.status).toBe(410);
    expect(reply.body).toContain('Kortbeställningen är avslutad');
  });

  test('/account without a session asks to open the link from the email', async () => {
    const s = await setup();
    const reply = await s.browser.get('/account');
    expect(reply.status).toBe(400);
    expect(reply.body).toContain(pagesEn.link.noSession.title);
  });

  test('before the worker is known, the page language follows Accept-Language', async () => {
    const s = await setup();
    const reply = await s.browser.send('GET', '/account/start', {
      query: 'token=bad',
      headers: { 'accept-language': 'de-DE,pl;q=0.8,en;q=0.5' },
    });
    expect(reply.body).toContain('<html lang="pl">');
    expect(reply.body).toContain(pageMessagesFor('pl').link.invalid.title);
  });

  test.each([
    ['lt-LT,lt;q=0.9,en;q=0.8', 'lt'],
    ['lv-LV,ru;q=0.8', 'lv'],
    ['et', 'et'],
    ['de-DE,ro;q=0.8,en;q=0.5', 'ro'],
    ['ru-RU,uk;q=0.9,en;q=0.8', 'uk'],
  ] as const)('Accept-Language %j gives the %s page', async (header, language) => {
    const s = await setup();
    const reply = await s.browser.send('GET', '/account/start', {
      query: 'token=bad',
      headers: { 'accept-language': header },
    });
    expect(reply.body).toContain(`<html lang="${language}">`);
    expect(reply.body).toContain(pageMessagesFor(language).link.invalid.title);
  });
});

describe('requests the pages do not serve', () => {
  test('a body over 16 KiB gets 413 before it is parsed, counted decoded when base64', async () => {
    const s = await setup();
    await s.browser.open(s.token);
    const big = `csrf=${csrfToken(s.token)}&identityNumber=${'1'.repeat(16 * 1024)}`;
    for (const base64 of [true, false]) {
      const reply = await s.browser.send('POST', '/account/identity', {
        body: big,
        base64,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(reply.status).toBe(413);
    }
    const exactly = 'a'.repeat(16 * 1024);
    const atLimit = await s.browser.send('POST', '/account/identity', {
      body: exactly,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(atLimit.status).toBe(403);
    expect((await s.repo.get(s.id))?.identityChecks).toBeUndefined();
  });

  test('an unknown path gets 404 and a known path with another method 405 with Allow', async () => {
    const s = await setup();
    expect((await s.browser.get('/admin')).status).toBe(404);
    const wrongMethod = await s.browser.send('DELETE', '/account');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.Allow).toBe('GET, POST');
    expect((await s.browser.send('PUT', '/account/created')).headers.Allow).toBe('GET');
  });

  test('the language switch: plain links on every page, the choice remembered for the pages that follow', async () => {
    const s = await setup({ language: 'sv' });
    const start = await s.browser.get('/account/start', startQuery(s.token));
    expect(start.body).toContain(
      `<a href="?token=${encodeURIComponent(s.token).replaceAll('&', '&amp;')}&amp;lang=uk" lang="uk" hreflang="uk">Українська</a>`,
    );
    expect(start.body).toContain('<nav class="languages" aria-label="Språk">');
    const english = await s.browser.get('/account/start', `${startQuery(s.token)}&lang=en`);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('lang="en" hreflang="en" aria-current="true">English</a>');
    expect(english.cookies).toContain(
      'id06_lang=en; Max-Age=31536000; Path=/account; HttpOnly; SameSite=Lax; Secure',
    );
    await s.browser.open(s.token);
    const identity = await s.browser.get('/account');
    expect(identity.body).toContain('<html lang="en">');
    expect(identity.body).toContain(pagesEn.identity.title);
    expect(identity.body).toContain('<a href="?lang=lt" lang="lt" hreflang="lt">Lietuvių</a>');
    const lithuanian = await s.browser.get('/account/identity', 'lang=lt');
    expect(lithuanian.status).toBe(200);
    expect(lithuanian.body).toContain('<html lang="lt">');
    expect((await s.browser.get('/account')).body).toContain('<html lang="lt">');
  });

  test('POSTs beyond the per-link limit get 429 with Retry-After; other links and GETs go on', async () => {
    const limits = { client: { limit: 100, windowSeconds: 300 }, link: { limit: 3, windowSeconds: 300 } };
    const s = await setup({ requestLimits: limits });
    await s.browser.open(s.token); // POST 1
    const csrf = csrfIn((await s.browser.get('/account')).body);
    const wrong = () => s.browser.post('/account/identity', { csrf, identityNumber: '19880320-0024' });
    expect((await wrong()).status).toBe(422); // POST 2
    expect((await wrong()).status).toBe(422); // POST 3
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['Retry-After'])).toBeGreaterThan(0);
    expect(limited.body).toContain(pageMessagesFor('en').errors.tooManyRequests.title);
    // Refused before the page ran: not counted as an identity try.
    expect((await s.repo.get(s.id))?.identityChecks?.total).toBe(2);
    expect((await s.browser.get('/account')).status).toBe(200);
  });

  test('POSTs beyond the per-client limit get 429, whatever the link', async () => {
    const limits = { client: { limit: 2, windowSeconds: 300 }, link: { limit: 100, windowSeconds: 300 } };
    const s = await setup({ requestLimits: limits });
    const post = () => s.browser.send('POST', '/account/new-link', { form: { token: 'x' } });
    expect((await post()).status).not.toBe(429);
    expect((await post()).status).not.toBe(429);
    expect((await post()).status).toBe(429);
  });

  test('a language that does not exist is ignored, not remembered', async () => {
    const s = await setup({ language: 'sv' });
    await s.browser.open(s.token);
    const reply = await s.browser.get('/account', 'lang=xx');
    expect(reply.body).toContain('<html lang="sv">');
    expect(reply.cookies).toEqual([]);
  });

  test('an unexpected error gets the 500 page, with the security headers', async () => {
    const s = await setup();
    jest.spyOn(s.repo, 'get').mockRejectedValue(new Error('boom'));
    const reply = await s.browser.open(s.token);
    expect(reply.status).toBe(500);
    expect(reply.body).toContain(pagesEn.errors.unexpected.title);
    expect(reply.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(logEntries().at(-1)).toMatchObject({
      level: 'ERROR',
      outcome: 'UnexpectedError',
      errorName: 'Error',
    });
  });

  test('an event that is not an HTTP API event gets 400', async () => {
    const s = await setup();
    const result = (await s.handler({ hello: 'world' }, context)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(400);
  });
});

describe('every response', () => {
  async function everyKindOfReply(): Promise<Reply[]> {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    await s.browser.post('/account', accountForm(accountPage, { password: 'short' }));
    await s.browser.post('/account', accountForm(accountPage));
    await s.browser.get('/account/created', 'lang=sv');
    await s.browser.open(s.token);
    await s.browser.get('/account/start', 'token=bad');
    await s.browser.get('/nowhere');
    await s.browser.send('PUT', '/account');
    await s.browser.send('POST', '/account/identity', { form: { csrf: 'wrong' } });
    return s.browser.replies;
  }

  test('carries the security headers, and the CSP hash matches the page’s one <style>', async () => {
    const replies = await everyKindOfReply();
    expect(new Set(replies.map((reply) => reply.status))).toEqual(
      new Set([200, 303, 400, 403, 404, 405, 410, 422]),
    );
    for (const reply of replies) {
      expect(reply.headers).toMatchObject({
        'Content-Type': 'text/html; charset=utf-8',
        'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      const styles = [...reply.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
      expect(styles).toHaveLength(1);
      const hash = createHash('sha256').update(styles[0]!, 'utf8').digest('base64');
      const scriptHash = createHash('sha256').update(SHOW_PASSWORD_SCRIPT, 'utf8').digest('base64');
      expect(reply.headers['Content-Security-Policy']).toBe(
        `default-src 'none'; style-src 'sha256-${hash}'; script-src 'sha256-${scriptHash}'; ` +
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
    }
  });

  test('is a complete page with one <h1>, a language and no script or style attribute', async () => {
    for (const reply of await everyKindOfReply()) {
      expect(reply.body).toMatch(/^<!doctype html>\n<html lang="(sv|en|pl|lt|lv|et|ro|uk)">/);
      expect(reply.body.match(/<h1>/g)).toHaveLength(1);
      // The one script is the hashed show-password enhancement, on the account form only.
      const scripts = reply.body.match(/<script[^>]*>[^<]*<\/script>/g) ?? [];
      expect(scripts.every((script) => script === `<script>${SHOW_PASSWORD_SCRIPT}</script>`)).toBe(true);
      expect(reply.body).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    }
  });
});

describe('languages and markup', () => {
  test.each(LANGUAGES)('%s: every page renders in the worker’s language', async (language) => {
    const m = pageMessagesFor(language);
    const s = await setup({ language });
    await s.browser.open(s.token);
    const identityPage = await s.browser.get('/account');
    const wrong = await s.browser.post('/account/identity', {
      csrf: csrfIn(identityPage.body),
      identityNumber: 'nope',
    });
    const accountPage = await s.browser.post('/account/identity', {
      csrf: csrfIn(identityPage.body),
      identityNumber: IDENTITY_NUMBER,
    });
    const created = await s.browser.post('/account', accountForm(accountPage));
    const done = await s.browser.get('/account/created', `lang=${language}`);
    for (const reply of [identityPage, wrong, accountPage, done]) {
      expect(reply.body).toContain(`<html lang="${language}">`);
    }
    expect(identityPage.body).toContain(m.identity.title);
    expect(wrong.body).toContain(m.identity.errors.triesLeft(4));
    expect(accountPage.body).toContain(m.account.termsLabel);
    expect(created.headers.Location).toBe(`/account/created?lang=${language}`);
    expect(done.body).toContain(m.created.title);
  });

  test('the page catalogs have the same keys in every language', () => {
    const shape = (node: unknown, path = ''): string[] =>
      typeof node === 'object' && node !== null
        ? Object.entries(node).flatMap(([key, value]) => shape(value, path ? `${path}.${key}` : key))
        : [`${path}:${typeof node}`];
    const english = shape(pageMessagesFor('en')).sort();
    expect(shape(pageMessagesFor('sv')).sort()).toEqual(english);
    for (const language of LANGUAGES) expect(shape(pageMessagesFor(language)).sort()).toEqual(english);
  });

  test.each([
    [1, 'Pozostała Ci 1 próba.'],
    [3, 'Pozostały Ci 3 próby.'],
    [5, 'Pozostało Ci 5 prób.'],
    [12, 'Pozostało Ci 12 prób.'],
    [22, 'Pozostały Ci 22 próby.'],
  ])('Polish counts %i tries with the right plural', (count, text) => {
    expect(pageMessagesFor('pl').identity.errors.triesLeft(count)).toBe(text);
  });

  test('names are HTML-escaped', async () => {
    const s = await setup({
      cardholder: { givenNames: '<script>alert(1)</script>', surname: 'O"Brien & Co' },
    });
    const accountPage = await reachAccountForm(s);
    expect(accountPage.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(accountPage.body).toContain('O&quot;Brien &amp; Co');
    expect(accountPage.body.match(/<script>/g)).toEqual(['<script>']);
    expect(accountPage.body).toContain(`<script>${SHOW_PASSWORD_SCRIPT}</script>`);
  });

  test('fields have labels, hints and errors tied to them, and the right autocomplete', async () => {
    const s = await setup({ language: 'en' });
    await s.browser.open(s.token);
    const identityPage = await s.browser.get('/account');
    expect(identityPage.body).toContain('<label for="identityNumber">');
    expect(identityPage.body).toMatch(/<input type="text" id="identityNumber"[^>]*autocomplete="off"/);
    expect(identityPage.body).toContain('aria-describedby="identityNumber-hint"');
    const accountPage = await s.browser.post('/account/identity', {
      csrf: csrfIn(identityPage.body),
      identityNumber: IDENTITY_NUMBER,
    });
    const withErrors = await s.browser.post('/account', accountForm(accountPage, { password: 'short1' }));
    expect(withErrors.body).toContain('<label for="password">');
    expect(withErrors.body).toContain('<label for="terms">');
    expect(withErrors.body.match(/autocomplete="new-password"/g)).toHaveLength(1);
    expect(withErrors.body).toContain('aria-describedby="password-hint password-error" aria-invalid="true"');
    expect(withErrors.body).toContain('role="alert"');
  });
});

describe('logs', () => {
  test('carry route keys, outcome codes and ids, never the token, identity number, password or query', async () => {
    const s = await setup();
    const accountPage = await reachAccountForm(s);
    await s.browser.post('/account/identity', {
      csrf: csrfIn(accountPage.body),
      identityNumber: '19880320-0024',
    });
    await s.browser.post('/account', accountForm(accountPage, { password: 'Password123!' }));
    await s.browser.post('/account', accountForm(accountPage));
    await s.browser.get('/account/start', `token=${s.token}&x=1`);

    const output = logged.join('');
    const secret = s.token.split('.')[1]!;
    for (const value of [
      secret,
      IDENTITY_NUMBER,
      '198803200016',
      '19880320-0024',
      PASSWORD,
      'Password123!',
      csrfToken(s.token),
      TASK_TOKEN,
      'token=',
      'anna.eriksson',
    ]) {
      expect(output).not.toContain(value);
    }
    expect(logEntries().map((entry) => [entry.route, entry.status, entry.outcome])).toEqual([
      ['GET /account/start', 200, 'StartPageShown'],
      ['POST /account/start', 303, 'LinkAccepted'],
      ['GET /account', 200, 'IdentityFormShown'],
      ['POST /account/identity', 200, 'IdentityMatched'],
      ['POST /account/identity', 422, 'IdentityMismatch'],
      ['POST /account', 422, 'AccountFormInvalid'],
      ['POST /account', 303, 'AccountCreated'],
      ['GET /account/start', 410, 'LinkRejected'],
    ]);
    expect(logEntries()[0]).toMatchObject({ onboardingId: s.id });
    // The EMF metrics went through the same capture.
    expect(output).toContain('"_aws"');
  });
});
