import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import {
  continueFromLink,
  createAccountByClicking,
  GOOD_PASSWORD,
  hasFocus,
  headingOf,
  submit,
  summaryLinks,
  useBrowserHarness,
} from '#test/support/browser.ts';
import { stageOf, storedOnboarding } from '#test/support/worker-journey.ts';

// The worker's journey in Debian's Chromium against the local stack: one stack and one browser for
// the file. Each test orders a card for a fresh worker and opens the link from their email.
const h = useBrowserHarness(import.meta.filename);
const TIMEOUT = 45_000;

test(
  'happy path: from the emailed link to "your account is created", clicking like a worker',
  async () => {
    const { worker, page } = await h.signedIn();
    // The token leaves the address bar at once.
    expect(new URL(page.url()).search).toBe('');
    await createAccountByClicking(h, page, worker);

    expect(await stageOf(h.stack, onboardingIdFor(worker.orderId))).toBe('ACCOUNT_CREATED');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('id06_session');
  },
  TIMEOUT,
);

test(
  'the link opened from a page on another site (a webmail) reaches the identity form and the account',
  async () => {
    // The link opens *Create user account*; its one button posts from this site, so the session
    // cookie (SameSite=Strict) is sent from then on, whichever site the link was clicked on.
    const worker = await h.linkedWorker();
    const webmail = await h.otherSite(
      `<!doctype html><html lang="en"><title>Inbox</title><main><h1>Inbox</h1>` +
        `<p><a href="${worker.link}" target="_blank">Create user account</a></p></main></html>`,
    );
    const page = await h.newPage();
    await page.goto(webmail);
    expect(new URL(page.url()).hostname).toBe('mail.example.test');
    const [opened] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Create user account' }).click(),
    ]);
    await opened.waitForLoadState('load');
    await h.checkPage(opened, 'cross-site-landing');
    await continueFromLink(opened);
    await createAccountByClicking(h, opened, worker, { label: 'cross-site' });
    expect(await stageOf(h.stack, onboardingIdFor(worker.orderId))).toBe('ACCOUNT_CREATED');
  },
  TIMEOUT,
);

test(
  'a wrong identity number shows an error linked to the field, and the right one then works',
  async () => {
    const { worker, page } = await h.signedIn();
    const { m } = worker;
    const field = page.getByLabel(m.identity.label, { exact: true });
    // The number without its century: the same person, not as the orderer typed it.
    await field.fill(worker.person.identityNumber.slice(2));
    await submit(page, () => page.getByRole('button', { name: m.identity.submit }).click());

    expect(await headingOf(page)).toBe(m.identity.title);
    expect(await page.title()).toMatch(new RegExp(`^${m.common.errorPrefix}`));
    const links = await summaryLinks(page);
    expect(links).toHaveLength(1);
    expect(links[0]?.[0]).toBe('#identityNumber');
    expect(links[0]?.[1]).toContain(m.identity.errors.mismatch);
    expect(links[0]?.[1]).toContain(m.identity.errors.triesLeft(4));
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // What was typed stays, so a typo can be fixed.
    expect(await field.inputValue()).toBe(worker.person.identityNumber.slice(2));
    await h.checkPage(page, 'wrong-identity-number');

    await page.locator('.error-summary a').click();
    expect(await hasFocus(field)).toBe(true);
    await field.fill(worker.person.identityNumber);
    await submit(page, () => page.getByRole('button', { name: m.identity.submit }).click());
    expect(await headingOf(page)).toBe(m.account.title);
  },
  TIMEOUT,
);

test(
  'short, common and weak passwords, and terms not ticked, are refused with a summary linked to the fields',
  async () => {
    const { worker, page } = await h.signedIn();
    const { m } = worker;
    const errors = m.account.errors;
    await page.getByLabel(m.identity.label, { exact: true }).fill(worker.person.identityNumber);
    await submit(page, () => page.getByRole('button', { name: m.identity.submit }).click());

    const cases: { name: string; password: string; terms: boolean; expected: [string, string][] }[] = [
      { name: 'short', password: 'Ab3$', terms: true, expected: [['#password', errors.tooShort]] },
      { name: 'common', password: 'Password123!', terms: true, expected: [['#password', errors.common]] },
      { name: 'weak', password: 'hunter2hunter2', terms: true, expected: [['#password', errors.weak]] },
      { name: 'terms', password: GOOD_PASSWORD, terms: false, expected: [['#terms', errors.termsRequired]] },
      {
        // A password field drops line breaks as they are typed; a tab stays.
        name: 'control characters',
        password: 'correct horse\tbattery staple',
        terms: true,
        expected: [['#password', errors.controlCharacters]],
      },
      {
        name: 'empty',
        password: '',
        terms: false,
        expected: [
          ['#password', errors.passwordMissing],
          ['#terms', errors.termsRequired],
        ],
      },
    ];
    const password = page.getByLabel(m.account.passwordLabel, { exact: true });
    const terms = page.getByLabel(m.account.termsLabel, { exact: true });
    for (const { name, password: typed, terms: ticked, expected } of cases) {
      await password.fill(typed);
      await terms.setChecked(ticked);
      await submit(page, () => page.getByRole('button', { name: m.account.submit }).click());

      expect({ name, heading: await headingOf(page) }).toEqual({ name, heading: m.account.title });
      expect({ name, links: await summaryLinks(page) }).toEqual({ name, links: expected });
      for (const [href] of expected) {
        expect(await page.locator(href).getAttribute('aria-invalid')).toBe('true');
      }
      expect(await password.inputValue()).toBe(''); // passwords are never sent back
      await h.checkPage(page, `password-refused-${name}`);
      // The summary's first link takes the focus to its field.
      await page.locator('.error-summary a').first().click();
      const focused = await page.locator(':focus').getAttribute('id');
      expect({ name, focused }).toEqual({ name, focused: expected[0]?.[0].slice(1) });
    }

    // The page stays usable: a good password and the terms create the account.
    await password.fill(GOOD_PASSWORD);
    await terms.check();
    await submit(page, () => page.getByRole('button', { name: m.account.submit }).click());
    expect(await headingOf(page)).toBe(m.created.title);
  },
  TIMEOUT,
);

test(
  'the link opened again after the account exists is refused, in the same browser and in another',
  async () => {
    const { worker, page } = await h.signedIn();
    const { m } = worker;
    await createAccountByClicking(h, page, worker, { axe: false, label: 'reused' });

    for (const [which, again] of [
      ['same', page],
      ['other', await h.newPage()],
    ] as const) {
      await again.goto(worker.link);
      await continueFromLink(again);
      expect({ which, heading: await headingOf(again) }).toEqual({ which, heading: m.link.used.title });
      expect(await again.locator('form').count()).toBe(0);
      expect(await again.getByRole('link', { name: m.common.signIn }).count()).toBe(1);
      await h.checkPage(again, `reused-link-${which}`);
    }
    expect(await stageOf(h.stack, onboardingIdFor(worker.orderId))).toBe('ACCOUNT_CREATED');
  },
  TIMEOUT,
);

test(
  'a burst of 20 wrong numbers and the right one, sent at once from the page: at most 5 are compared',
  async () => {
    const { worker, page } = await h.signedIn();
    const { m } = worker;
    const csrf = await page.locator('input[name="csrf"]').getAttribute('value');
    const wrong = worker.person.identityNumber.slice(2);
    const entries = [...Array.from({ length: 20 }, () => wrong), worker.person.identityNumber];
    // The page's CSP allows no fetch from it, so the burst goes through the browser context's own
    // request client, which carries the same session cookie.
    const base = new URL(page.url()).origin;
    const replies = await Promise.all(
      entries.map(async (identityNumber) => {
        const response = await page.context().request.post(`${base}/account/identity`, {
          form: { csrf: csrf ?? '', identityNumber },
          headers: { 'sec-fetch-site': 'same-origin' },
        });
        return { status: response.status(), body: await response.text() };
      }),
    );
    const compared = replies.filter(
      (reply) => reply.body.includes(m.identity.errors.mismatch) || reply.status === 200,
    );
    expect(compared.length).toBeLessThanOrEqual(5);
    expect(replies.filter((reply) => reply.status === 429).length).toBeGreaterThanOrEqual(16);
    const stored = await storedOnboarding(h.stack, onboardingIdFor(worker.orderId));
    expect(stored?.identityChecks?.total).toBeLessThanOrEqual(5);
    await page.reload();
    expect(await headingOf(page)).toBe(m.locked.title);
    await h.checkPage(page, 'locked-after-burst');
  },
  TIMEOUT,
);

test(
  'the language switch changes every page after it, and Show password reveals what was typed',
  async () => {
    const worker = await h.linkedWorker({ language: 'sv' });
    const page = await h.newPage();
    await page.goto(worker.link);
    await submit(page, () => page.getByRole('link', { name: 'Română' }).click());
    expect(await page.locator('html').getAttribute('lang')).toBe('ro');
    await continueFromLink(page);
    const ro = pageMessagesFor('ro');
    expect(await headingOf(page)).toBe(ro.identity.title);
    await page.getByLabel(ro.identity.label, { exact: true }).fill(worker.person.identityNumber);
    await submit(page, () => page.getByRole('button', { name: ro.identity.submit }).click());
    expect(await headingOf(page)).toBe(ro.account.title);
    const password = page.getByLabel(ro.account.passwordLabel, { exact: true });
    await password.fill(GOOD_PASSWORD);
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByLabel(ro.account.showPassword, { exact: true }).check();
    expect(await password.getAttribute('type')).toBe('text');
    await h.checkPage(page, 'romanian-password-shown');
  },
  TIMEOUT,
);
