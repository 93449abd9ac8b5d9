import { accessSync, constants, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join, relative } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { poll } from '#infra/local/poll.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import type { Language } from '#shared/contracts/events/fields.ts';
import { type PageMessages, pageMessagesFor } from '#shared/pages/texts/index.ts';
import { emailsTo, putEvent, waitingAt } from './local-stack.ts';
import { cardOrder, linkIn, type Person, scanOf, swedishPerson } from './worker-journey.ts';

/**
 * The browser tests' harness: one local stack and one Debian Chromium per test file, workers put
 * through the workflow up to their emailed link, axe on every page and a full-page screenshot of it.
 * Chromium is never downloaded (Playwright's download cannot work here): it must be installed.
 */

const INSTALL_HINT = 'Install it with `apt-get install -y chromium` (Debian; CI does this in .ci/run).';

/** Debian's Chromium: /usr/bin/chromium, else `chromium` on PATH. Throws (never skips) without it. */
export function chromiumPath(): string {
  const candidates = [
    '/usr/bin/chromium',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'chromium')),
  ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`The browser tests need Chromium, and none was found. ${INSTALL_HINT}`);
}

/**
 * Keep Chromium off the network: no background requests, no QUIC, and every host name but the
 * local ones and the "other site" of the cross-site test resolves to nothing.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP mail.example.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** The other site the cross-site test links from; the resolver rule above maps it to 127.0.0.1. */
export const OTHER_SITE_HOST = 'mail.example.test';

/**
 * Launches Chromium. Playwright gives every launch a fresh temporary profile (its own
 * `--user-data-dir` under the OS temp folder) and deletes it when the browser closes.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 20_000 });
  } catch (error) {
    throw new Error(`Chromium at ${executablePath} did not start. ${INSTALL_HINT}`, { cause: error });
  }
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const SCREENSHOTS = new URL('../browser/screenshots/', import.meta.url).pathname;

export interface BrowserWorker {
  orderId: string;
  email: string;
  person: Person;
  language: Language;
  /** The *Create user account* link from the worker's email. */
  link: string;
  /** The page texts in the worker's language. */
  m: PageMessages;
}

export interface BrowserHarness {
  readonly stack: LocalStack;
  readonly browser: Browser;
  /** A new context (closed after the file); default locale en-GB. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A CardOrdered and a green ScanCompleted for a fresh worker; resolves with the emailed link. */
  linkedWorker(options?: { language?: Language; email?: string }): Promise<BrowserWorker>;
  /** A fresh worker's link opened in a new page, *Sign in after manual ID verification* pressed. */
  signedIn(options?: BrowserContextOptions): Promise<{ worker: BrowserWorker; page: Page }>;
  /** Serves `html` on http://mail.example.test:<port>/ (closed after the file); resolves with that URL. */
  otherSite(html: string): Promise<string>;
  /** A full-page screenshot, then axe (WCAG 2.1 A and AA): expects no violations. */
  checkPage(page: Page, label: string, options?: { axe?: boolean }): Promise<void>;
}

/**
 * Registers beforeAll/afterAll for one test file: the stack and Chromium start once and stop after
 * the file, with every context and server the tests opened. `file` names the screenshots.
 */
export function useBrowserHarness(file: string): BrowserHarness {
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const servers: Server[] = [];
  const prefix = relative(join(SCREENSHOTS, '..'), file).replace(/\.test\.ts$/, '');
  let shots = 0;
  // A distinct person per worker: each file has its own stack, so a counter is enough.
  let next = 0;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // This file's screenshots of an earlier run go, so the folder shows exactly this run.
    for (const old of readdirSync(SCREENSHOTS)) {
      if (old.startsWith(`${prefix}-`)) rmSync(join(SCREENSHOTS, old));
    }
    chromiumPath(); // before the stack: a missing browser fails at once, naming the install command
    browser = await launchChromium();
    stack = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0 });
  });

  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await Promise.allSettled(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await browser?.close();
    await stack?.close();
  });

  const harness: BrowserHarness = {
    get stack() {
      if (!stack) throw new Error('the local stack did not start');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('Chromium did not start');
      return browser;
    },
    async newContext(options = {}) {
      const context = await harness.browser.newContext({ locale: 'en-GB', ...options });
      contexts.push(context);
      return context;
    },
    async newPage(options = {}) {
      return (await harness.newContext(options)).newPage();
    },
    async linkedWorker({ language = 'en', email: wanted } = {}) {
      const person = swedishPerson(next++);
      const email = wanted ?? `browser-${person.identityNumber.replace('-', '')}@example.com`;
      const order = cardOrder(email, person);
      order.cardholder.preferredLanguage = language;
      const { stack } = harness;
      await putEvent(stack, 'id06.cards', 'CardOrdered', order);
      await waitingAt(stack, order.orderId, 'WaitForScan');
      await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport', person));
      const link = await poll(
        async () => {
          for (const mail of await emailsTo(stack, email)) {
            if (/\/account\/start\?token=/.test(mail.body.text)) return linkIn(mail.body.text);
          }
          return undefined;
        },
        { what: `the account link email to ${email}` },
      );
      return { orderId: order.orderId, email, person, language, link, m: pageMessagesFor(language) };
    },
    async signedIn(options = {}) {
      const worker = await harness.linkedWorker();
      const page = await harness.newPage(options);
      await page.goto(worker.link);
      await continueFromLink(page);
      return { worker, page };
    },
    async otherSite(html) {
      const server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://${OTHER_SITE_HOST}:${(server.address() as AddressInfo).port}/`;
    },
    async checkPage(page, label, { axe = true } = {}) {
      const name = `${prefix}-${String(++shots).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-')}.png`;
      await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
      if (!axe) return;
      const { violations } = await new AxeBuilder({ page })
        .withTags(WCAG_TAGS)
        // Only violations are read: skipping passes and incompletes halves axe's time.
        .options({ resultTypes: ['violations'] })
        .analyze();
      const found = violations.map((v) => ({
        page: label,
        url: new URL(page.url()).pathname,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }));
      expect(found).toEqual([]);
    },
  };
  return harness;
}

/**
 * After the emailed link: today it redirects straight to the identity form; a page that instead
 * offers a POST form to /account/start (a button that exchanges the link token for the session) is
 * followed by pressing that button, with the keyboard when `keyboard` is set.
 */
export async function continueFromLink(page: Page, { keyboard = false } = {}): Promise<void> {
  const button = page.locator('form[action$="/account/start"] [type=submit]').first();
  if ((await button.count()) === 0) return;
  await Promise.all([page.waitForNavigation(), keyboard ? pressWithKeyboard(page, button) : button.click()]);
}

/** Whether the element has the focus (no DOM types here: the project's lib is ES only). */
export function hasFocus(target: ReturnType<Page['locator']>): Promise<boolean> {
  return target.evaluate((element: { matches(selector: string): boolean }) => element.matches(':focus'));
}

/** Tabs to `target` (at most 40 presses, failing if it is never reached), then presses Enter. */
export async function pressWithKeyboard(
  page: Page,
  target: ReturnType<Page['locator']>,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Presses Tab until `target` has the focus; fails after 40 presses (a trap or an unreachable control). */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** A password the policy accepts (a phrase of several words). */
export const GOOD_PASSWORD = 'blue tractor sings at dawn';

/** Runs `action` (a click, a key press) and waits for the page it navigates to. */
export async function submit(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
}

/** The page's one heading. */
export async function headingOf(page: Page): Promise<string> {
  return ((await page.locator('h1').textContent()) ?? '').trim();
}

/** The error summary's links as [href, text], in order. */
export async function summaryLinks(page: Page): Promise<[string, string][]> {
  const links = page.locator('.error-summary a');
  const found: [string, string][] = [];
  for (const link of await links.all()) {
    found.push([(await link.getAttribute('href')) ?? '', ((await link.textContent()) ?? '').trim()]);
  }
  return found;
}

/**
 * From the identity form to "your account is created", clicking: the identity number, the
 * check-your-data page, passwords and terms, Confirm. Each page is checked (screenshot, axe).
 */
export async function createAccountByClicking(
  harness: BrowserHarness,
  page: Page,
  worker: BrowserWorker,
  { axe = true, label = 'happy' }: { axe?: boolean; label?: string } = {},
): Promise<void> {
  const { m } = worker;
  expect(await headingOf(page)).toBe(m.identity.title);
  await harness.checkPage(page, `${label}-identity`, { axe });
  await page.getByLabel(m.identity.label, { exact: true }).fill(worker.person.identityNumber);
  await submit(page, () => page.getByRole('button', { name: m.identity.submit }).click());

  expect(await headingOf(page)).toBe(m.account.title);
  expect(await page.locator('dl').textContent()).toContain(worker.person.identityNumber);
  await harness.checkPage(page, `${label}-check-your-data`, { axe });
  await page.getByLabel(m.account.passwordLabel, { exact: true }).fill(GOOD_PASSWORD);
  await page.getByLabel(m.account.termsLabel, { exact: true }).check();
  await submit(page, () => page.getByRole('button', { name: m.account.submit }).click());

  expect(await headingOf(page)).toBe(m.created.title);
  expect(new URL(page.url()).pathname).toBe('/account/created');
  await harness.checkPage(page, `${label}-created`, { axe });
}
