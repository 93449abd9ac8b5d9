import type { Page } from 'playwright-core';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import {
  continueFromLink,
  createAccountByClicking,
  GOOD_PASSWORD,
  hasFocus,
  headingOf,
  pressWithKeyboard,
  submit,
  tabTo,
  useBrowserHarness,
} from '#test/support/browser.ts';
import { stageOf } from '#test/support/worker-journey.ts';

// The same journey without JavaScript, on a small phone, and with the keyboard only.
const h = useBrowserHarness(import.meta.filename);
const TIMEOUT = 45_000;

test(
  'with JavaScript disabled the happy path still works',
  async () => {
    const { worker, page } = await h.signedIn({ javaScriptEnabled: false });
    // axe is a script, so it cannot run here; the same pages pass it in the other tests.
    await createAccountByClicking(h, page, worker, { label: 'no-js', axe: false });
    expect(await stageOf(h.stack, onboardingIdFor(worker.orderId))).toBe('ACCOUNT_CREATED');
  },
  TIMEOUT,
);

/** Horizontal overflow: the document wider than the viewport. */
function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth };
  });
}

test(
  'on a 360 × 740 phone no page scrolls sideways, errors and long details included',
  async () => {
    // A long but ordinary address: the details list must wrap it, not widen the page.
    const worker = await h.linkedWorker({
      email: 'aleksandra.wisniewska-kowalczyk@przedsiebiorstwo-budowlane-example.com',
    });
    const { m } = worker;
    const page = await h.newPage({
      viewport: { width: 360, height: 740 },
      screen: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const fits = async (label: string) => {
      await h.checkPage(page, `phone-${label}`, { axe: false });
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect({ label, innerWidth, fits: scrollWidth <= innerWidth }).toEqual({
        label,
        innerWidth: 360,
        fits: true,
      });
    };
    await page.goto(worker.link);
    await fits('landing');
    await continueFromLink(page);
    await fits('identity');
    const identity = page.getByLabel(m.identity.label, { exact: true });
    await identity.fill('0000');
    await submit(page, () => page.getByRole('button', { name: m.identity.submit }).tap());
    await fits('identity-error');
    await identity.fill(worker.person.identityNumber);
    await submit(page, () => page.getByRole('button', { name: m.identity.submit }).tap());
    expect(await headingOf(page)).toBe(m.account.title);
    await fits('check-your-data');
    await submit(page, () => page.getByRole('button', { name: m.account.submit }).tap());
    await fits('check-your-data-errors');
    await page.getByLabel(m.account.passwordLabel, { exact: true }).fill(GOOD_PASSWORD);
    await page.getByLabel(m.account.termsLabel, { exact: true }).tap();
    await submit(page, () => page.getByRole('button', { name: m.account.submit }).tap());
    expect(await headingOf(page)).toBe(m.created.title);
    await fits('created');
    await page.goto(worker.link);
    await continueFromLink(page);
    expect(await headingOf(page)).toBe(m.link.used.title);
    await fits('link-used');
  },
  TIMEOUT,
);

test(
  'keyboard only: the happy path with Tab, Enter and Space, the focus visible on every control',
  async () => {
    const worker = await h.linkedWorker();
    const { m } = worker;
    const page = await h.newPage();
    await page.goto(worker.link);
    await continueFromLink(page, { keyboard: true });
    expect(await headingOf(page)).toBe(m.identity.title);

    /** Tabs to the control and checks that the focus shows (an outline). */
    const focus = async (target: ReturnType<Page['locator']>) => {
      await tabTo(page, target);
      const outline = await target.evaluate((element: unknown) => {
        const { getComputedStyle } = globalThis as unknown as {
          getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string };
        };
        const style = getComputedStyle(element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).toBe('solid 3px');
    };

    const identity = page.getByLabel(m.identity.label, { exact: true });
    await focus(identity);
    await page.keyboard.type(worker.person.identityNumber);
    await submit(page, () => page.keyboard.press('Enter'));
    expect(await headingOf(page)).toBe(m.account.title);
    await h.checkPage(page, 'keyboard-check-your-data', { axe: false });

    await focus(page.getByLabel(m.account.passwordLabel, { exact: true }));
    await page.keyboard.type(GOOD_PASSWORD);
    const terms = page.getByLabel(m.account.termsLabel, { exact: true });
    await focus(terms);
    await page.keyboard.press('Space');
    expect(await terms.isChecked()).toBe(true);
    const confirm = page.getByRole('button', { name: m.account.submit });
    await focus(confirm);
    expect(await hasFocus(confirm)).toBe(true);
    await submit(page, () => pressWithKeyboard(page, confirm));

    expect(await headingOf(page)).toBe(m.created.title);
    await focus(page.getByRole('link', { name: m.common.signIn }));
    await h.checkPage(page, 'keyboard-created', { axe: false });
    expect(await stageOf(h.stack, onboardingIdFor(worker.orderId))).toBe('ACCOUNT_CREATED');
  },
  TIMEOUT,
);
