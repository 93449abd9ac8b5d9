import { poll } from '#infra/local/poll.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import { emailsTo, finishedExecution, putEvent, waitingAt } from '#test/support/local-stack.ts';
import { cardOrder, createAccount, linkIn, scanOf, stageOf } from '#test/support/worker-journey.ts';

/** The same ASL with shortened timers: 2 scan-wait cycles of 3 s, links that live 3 s, at most 2. */
let stack: LocalStack;
const seen: { detailType: string; detail: Record<string, unknown> }[] = [];

beforeAll(async () => {
  stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    timings: { ScanWaitCycleSeconds: 3, ScanWaitCycles: 2, AccountLinkSeconds: 3, MaxAccountLinks: 2 },
  });
  stack.bus.onEvent((event) =>
    seen.push({ detailType: event['detail-type'], detail: event.detail as Record<string, unknown> }),
  );
});
afterAll(() => stack.close());

const finished = (orderId: string) => finishedExecution(stack, orderId);

async function linkEmails(address: string, count: number) {
  return poll(
    async () => {
      const links = (await emailsTo(stack, address)).filter((e) =>
        e.body.text.includes('/account/start?token='),
      );
      return links.length >= count ? links : undefined;
    },
    { timeoutMs: 20_000 },
  );
}

test('an expired link is replaced by a new one; the old link stops working, the new one creates the account', async () => {
  const order = cardOrder('resend@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));

  const [first, second] = await linkEmails('resend@example.com', 2);
  const oldLink = linkIn(first?.body.text ?? '');
  const newLink = linkIn(second?.body.text ?? '');
  expect(newLink).not.toBe(oldLink);
  expect((await createAccount(oldLink, '19880320-0016')).startStatus).toBe(404);

  expect(await createAccount(newLink, '19880320-0016')).toMatchObject({
    startStatus: 303,
    createdStatus: 303,
  });
  expect((await finished(order.orderId)).status).toBe('SUCCEEDED');
  expect(await stageOf(stack, onboardingId)).toBe('ACCOUNT_CREATED');
  const links = seen.filter(
    (e) => e.detailType === 'AccountLinkEmailed' && e.detail.onboardingId === onboardingId,
  );
  expect(links.map((e) => e.detail.linkNumber)).toEqual([1, 2]);
});

test('after the last link expires without an account the onboarding is EXPIRED', async () => {
  const order = cardOrder('no-account@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));

  const outcome = await finished(order.orderId);
  expect(outcome.status).toBe('SUCCEEDED');
  expect(await stageOf(stack, onboardingId)).toBe('EXPIRED');
  const [lastLink] = (await linkEmails('no-account@example.com', 2)).slice(-1);
  expect((await createAccount(linkIn(lastLink?.body.text ?? ''), '19880320-0016')).startStatus).toBe(410);
  expect(
    seen.find((e) => e.detailType === 'OnboardingExpired' && e.detail.onboardingId === onboardingId)?.detail
      .reason,
  ).toBe('NO_ACCOUNT');
});

test('without a scan the worker is reminded once per cycle, then the onboarding expires', async () => {
  const order = cardOrder('no-scan@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);

  expect((await finished(order.orderId)).status).toBe('SUCCEEDED');
  expect(await stageOf(stack, onboardingId)).toBe('EXPIRED');
  const subjects = (await emailsTo(stack, 'no-scan@example.com')).map((e) => e.subject);
  // Order email, one reminder (between the two cycles), expiry notice.
  expect(subjects).toHaveLength(3);
  expect(
    seen.find((e) => e.detailType === 'OnboardingExpired' && e.detail.onboardingId === onboardingId)?.detail
      .reason,
  ).toBe('NO_SCAN');
});

test('after the automatic links ran out, the worker asks for a new link from the last one and creates the account', async () => {
  const order = cardOrder('new-link@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));
  const [, last] = await linkEmails('new-link@example.com', 2);
  await waitingAt(stack, order.orderId, 'WaitForNewLinkRequest');

  const link = linkIn(last?.body.text ?? '');
  const page = await fetch(link);
  expect(page.status).toBe(410);
  const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const requested = await fetch(new URL('/account/new-link', link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ token }),
  });
  expect(requested.status).toBe(200);

  const third = (await linkEmails('new-link@example.com', 3))[2];
  expect(await createAccount(linkIn(third?.body.text ?? ''), '19880320-0016')).toMatchObject({
    startStatus: 303,
    createdStatus: 303,
  });
  expect((await finished(order.orderId)).status).toBe('SUCCEEDED');
  expect(await stageOf(stack, onboardingIdFor(order.orderId))).toBe('ACCOUNT_CREATED');
});
