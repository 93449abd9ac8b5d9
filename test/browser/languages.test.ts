import type { Page } from 'playwright-core';
import type { Language } from '#shared/contracts/events/fields.ts';
import { IDENTITY_LOCK_POLICY } from '#shared/domain/identity-lock.ts';
import {
  type BrowserWorker,
  continueFromLink,
  GOOD_PASSWORD,
  headingOf,
  submit,
  useBrowserHarness,
} from '#test/support/browser.ts';

// Every page the worker can meet, in each language the pages are written in (shared/pages/texts),
// chosen the way production chooses it: the order's preferredLanguage, or Accept-Language before
// the onboarding is known. axe (WCAG 2.1 A and AA) must find nothing on any of them.
const h = useBrowserHarness(import.meta.filename);
const LOCALES: Readonly<Record<Language, string>> = {
  sv: 'sv-SE',
  en: 'en-GB',
  pl: 'pl-PL',
  lt: 'lt-LT',
  lv: 'lv-LV',
  et: 'et-EE',
  ro: 'ro-RO',
  uk: 'uk-UA',
};

async function expectPage(page: Page, worker: Pick<BrowserWorker, 'language'>, title: string, label: string) {
  expect({ label, heading: await headingOf(page) }).toEqual({ label, heading: title });
  expect(await page.locator('html').getAttribute('lang')).toBe(worker.language);
  await h.checkPage(page, `${worker.language}-${label}`);
}

test.each(Object.keys(LOCALES) as Language[])(
  '%s: every page passes axe',
  async (language) => {
    const [worker, locked] = await Promise.all([h.linkedWorker({ language }), h.linkedWorker({ language })]);
    const { m } = worker;
    const locale = LOCALES[language];

    const page = await h.newPage({ locale });
    await page.goto(worker.link);
    await expectPage(page, worker, m.start.title, 'start');
    await continueFromLink(page);
    await expectPage(page, worker, m.identity.title, 'identity');
    const identity = page.getByLabel(m.identity.label, { exact: true });
    const sendIdentity = () =>
      submit(page, () => page.getByRole('button', { name: m.identity.submit }).click());
    await identity.fill(worker.person.identityNumber.slice(2));
    await sendIdentity();
    await expectPage(page, worker, m.identity.title, 'identity-error');
    await identity.fill(worker.person.identityNumber);
    await sendIdentity();
    await expectPage(page, worker, m.account.title, 'check-your-data');
    const confirm = () => submit(page, () => page.getByRole('button', { name: m.account.submit }).click());
    await confirm();
    await expectPage(page, worker, m.account.title, 'check-your-data-errors');
    await page.getByLabel(m.account.passwordLabel, { exact: true }).fill(GOOD_PASSWORD);
    await page.getByLabel(m.account.termsLabel, { exact: true }).check();
    await confirm();
    await expectPage(page, worker, m.created.title, 'created');
    await page.goto(worker.link);
    await continueFromLink(page);
    await expectPage(page, worker, m.link.used.title, 'link-used');

    // Too many wrong identity numbers: the lock page.
    const other = await h.newPage({ locale });
    await other.goto(locked.link);
    await continueFromLink(other);
    for (let tries = 0; tries < IDENTITY_LOCK_POLICY.maxTries; tries++) {
      await other.getByLabel(m.identity.label, { exact: true }).fill('0000');
      await submit(other, () => other.getByRole('button', { name: m.identity.submit }).click());
    }
    await expectPage(other, locked, m.locked.title, 'locked');

    // No session (a page opened without the link): the language comes from Accept-Language.
    const fresh = await h.newPage({ locale });
    await fresh.goto(new URL('/account', h.stack.apiUrl).toString());
    await expectPage(fresh, { language }, m.link.noSession.title, 'no-session');
  },
  60_000,
);
