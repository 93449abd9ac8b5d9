import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { poll } from '#infra/local/poll.ts';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '#infra/local/stack.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import { emailsTo, finishedExecution, putEvent, waitingAt } from '#test/support/local-stack.ts';
import { cardOrder, createAccount, linkIn, scanOf, stageOf } from '#test/support/worker-journey.ts';

const persistDir = mkdtempSync(join(tmpdir(), 'id06-local-'));
let stack: LocalStack | undefined;

afterAll(async () => {
  await stack?.close();
  rmSync(persistDir, { recursive: true, force: true });
});

const port = (url: string) => Number(new URL(url).port);

test('with --persist, an execution waiting for the scan survives a restart and finishes', async () => {
  const first = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0, persistDir });
  stack = first;
  const order = cardOrder('restart@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(first, 'id06.cards', 'CardOrdered', order);
  await waitingAt(first, order.orderId, 'WaitForScan');
  await first.close();
  stack = undefined;

  // Same ports: the emails already sent carry links to the first run's API port.
  const again: LocalStackOptions = {
    edgePort: port(first.edgeUrl),
    apiPort: port(first.apiUrl),
    sesPort: port(first.inboxUrl),
    persistDir,
  };
  const second = await startLocalStack(again);
  stack = second;
  expect(await stageOf(second, onboardingId)).toBe('AWAITING_SCAN');
  await putEvent(second, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));
  await waitingAt(second, order.orderId, 'WaitForAccount');
  const linkEmail = await poll(async () =>
    (await emailsTo(second, 'restart@example.com')).find((e) =>
      e.body.text.includes('/account/start?token='),
    ),
  );
  expect(await createAccount(linkIn(linkEmail.body.text), '19880320-0016')).toMatchObject({
    createdStatus: 303,
  });
  expect((await finishedExecution(second, order.orderId)).status).toBe('SUCCEEDED');
  expect(await stageOf(second, onboardingId)).toBe('ACCOUNT_CREATED');

  // What was persisted (identity numbers, task tokens, the hash key) is readable by the owner only.
  const entries = readdirSync(persistDir, { recursive: true, withFileTypes: true });
  expect(entries.length).toBeGreaterThan(3);
  const open = entries
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => (statSync(path).mode & 0o077) !== 0);
  expect(open).toEqual([]);
});
