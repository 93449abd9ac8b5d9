import {
  GetExecutionHistoryCommand,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { poll } from '#infra/local/poll.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { findContract } from '#shared/contracts/events/catalog.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import {
  clientConfig,
  deadLetters,
  emailsTo,
  executionArn,
  finishedExecution,
  putEvent,
  waitingAt,
} from '#test/support/local-stack.ts';
import {
  cardOrder,
  createAccount,
  linkIn,
  scanOf,
  stageOf,
  storedOnboarding,
  swedishPerson,
} from '#test/support/worker-journey.ts';

let stack: LocalStack;
const seen: { detailType: string; detail: Record<string, unknown> }[] = [];
const emitted: Record<string, unknown>[] = [];

let sfn: SFNClient;

beforeAll(async () => {
  // A short redelivery window: the malformed event below is dead-lettered in seconds, not a minute.
  stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    eventRetry: { maximumEventAgeSeconds: 2 },
  });
  sfn = new SFNClient(clientConfig(stack));
  stack.bus.onEvent((event) =>
    seen.push({ detailType: event['detail-type'], detail: event.detail as Record<string, unknown> }),
  );
  stack.bus.onEvent((event) => {
    if (event.source === 'id06.onboarding') emitted.push(event as unknown as Record<string, unknown>);
  });
});
/** The workflow's events about one onboarding, each checked against its zod contract. */
function expectContractsHold(onboardingId: string): string[] {
  const ours = emitted.filter((e) => (e.detail as { onboardingId?: string }).onboardingId === onboardingId);
  for (const event of ours) {
    const contract = findContract(String(event.source), String(event['detail-type']));
    expect(contract).toBeDefined();
    expect(contract?.event.safeParse(event).error?.issues ?? []).toEqual([]);
  }
  return ours.map((e) => String(e['detail-type']));
}

afterAll(async () => {
  sfn.destroy();
  await stack.close();
});

test('happy path: order → scan → link email → pages → account created, with events on the bus', async () => {
  const order = cardOrder('happy@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  expect(await stageOf(stack, onboardingId)).toBe('AWAITING_SCAN');

  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));
  await waitingAt(stack, order.orderId, 'WaitForAccount');
  const mails = await poll(async () => {
    const found = await emailsTo(stack, 'happy@example.com');
    return found.length >= 2 ? found : undefined;
  });
  const result = await createAccount(linkIn(mails[1]?.body.text ?? ''), '19880320-0016');
  expect(result).toMatchObject({ startStatus: 303, identityStatus: 200, createdStatus: 303 });
  expect(result.location).toBe('/account');

  const finished = await finishedExecution(stack, order.orderId);
  expect(finished.status).toBe('SUCCEEDED');
  expect(await stageOf(stack, onboardingId)).toBe('ACCOUNT_CREATED');
  await poll(async () => ((await emailsTo(stack, 'happy@example.com')).length >= 3 ? true : undefined));
  const history = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn: executionArn(stack, order.orderId) }),
  );
  const historyText = JSON.stringify(history.events);
  for (const personal of ['19880320', 'happy@example.com', 'Eriksson', 'Anna Maria', 'token=']) {
    expect(historyText).not.toContain(personal);
  }
  expect(expectContractsHold(onboardingId)).toEqual(['AccountLinkEmailed', 'AccountCreated']);
  const created = seen.find(
    (e) => e.detailType === 'AccountCreated' && e.detail.onboardingId === onboardingId,
  );
  expect(created?.detail.createdAt).toBe((await storedOnboarding(stack, onboardingId))?.account?.createdAt);
});

test('a rejected scan, then a good one, reaches the link; a wrong identity number is refused', async () => {
  const order = cardOrder('rejected@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('yellow-damaged'));
  await poll(async () =>
    seen.some((e) => e.detailType === 'ScanRejected' && e.detail.onboardingId === onboardingId)
      ? true
      : undefined,
  );
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));
  await waitingAt(stack, order.orderId, 'WaitForAccount');
  const mails = await emailsTo(stack, 'rejected@example.com');
  const link = linkIn(mails.at(-1)?.body.text ?? '');
  const wrong = await createAccount(link, '880320-0016');
  expect(wrong.identityStatus).toBe(422);
  expect(await stageOf(stack, onboardingId)).toBe('LINK_EMAILED');
  expect(expectContractsHold(onboardingId)).toEqual(['ScanRejected', 'AccountLinkEmailed']);
});

test('a duplicate CardOrdered starts nothing new', async () => {
  const order = cardOrder('duplicate@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await stack.bus.idle();
  const ordered = await emailsTo(stack, 'duplicate@example.com');
  expect(ordered).toHaveLength(1);
});

test('a malformed CardOrdered is dead-lettered and changes nothing', async () => {
  const order = cardOrder('malformed@example.com');
  order.cardholder.identityNumber = '19880320-0018';
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await stack.bus.idle();
  const [letter, ...more] = deadLetters(stack).filter((d) => d.body.includes(order.orderId));
  expect(more).toEqual([]);
  expect(JSON.parse(letter?.body ?? '{}')).toMatchObject({
    source: 'id06.cards',
    'detail-type': 'CardOrdered',
  });
  expect(letter?.attributes).toMatchObject({
    RULE_ARN: { StringValue: expect.stringMatching(/:rule\/id06-onboarding\/cardOrdered$/) },
    TARGET_ARN: { StringValue: expect.stringMatching(/:function:start-onboarding$/) },
    EXHAUSTED_RETRY_CONDITION: { StringValue: 'MaximumEventAgeInSeconds' },
  });
  expect(await stageOf(stack, onboardingIdFor(order.orderId))).toBeUndefined();
});

test('the same order id with another worker is dead-lettered with its reason; the first order is untouched', async () => {
  const order = cardOrder('first@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  const conflicting = { ...order, cardholder: { ...order.cardholder, email: 'someone-else@example.com' } };
  await putEvent(stack, 'id06.cards', 'CardOrdered', conflicting);
  await stack.bus.idle();
  const [letter] = deadLetters(stack).filter((d) => d.body.includes('someone-else'));
  expect(letter?.attributes.ERROR_MESSAGE?.StringValue).toContain('OrderConflictError');
  expect((await storedOnboarding(stack, onboardingIdFor(order.orderId)))?.cardholder.email).toBe(
    'first@example.com',
  );
});

test('the same ScanCompleted delivered twice resumes the onboarding once', async () => {
  const order = cardOrder('twice@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  const scan = scanOf('yellow-damaged');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan);
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await stack.bus.idle();
  const item = await storedOnboarding(stack, onboardingId);
  expect(item?.scans).toHaveLength(1);
  expect(
    seen.filter((e) => e.detailType === 'ScanRejected' && e.detail.onboardingId === onboardingId),
  ).toHaveLength(1);
});

test('a scan that arrives before its order is applied when the order waits for it; a resend changes nothing', async () => {
  const person = swedishPerson(4711);
  const scan = scanOf('green-passport', person);
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan);
  await stack.bus.idle();
  const order = cardOrder('early-scan@example.com', person);
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  // No resend: the first scan wait takes the kept scan.
  await waitingAt(stack, order.orderId, 'WaitForAccount');
  const link = await poll(async () =>
    (await emailsTo(stack, 'early-scan@example.com')).find((e) =>
      e.body.text.includes('/account/start?token='),
    ),
  );
  expect(link).toBeDefined();
  // Sistec sends the same scan again: the onboarding has it on record already.
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan);
  await stack.bus.idle();
  expect(await stageOf(stack, onboardingId)).toBe('LINK_EMAILED');
  expect((await storedOnboarding(stack, onboardingId))?.scans).toEqual([
    expect.objectContaining({ scanId: scan.scanId, accepted: true }),
  ]);
});

test('task tokens: malformed → InvalidToken, unknown → TaskDoesNotExist, used → TaskTimedOut', async () => {
  const send = (taskToken: string) => sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));
  await expect(send('not-a-token')).rejects.toBeInstanceOf(InvalidToken);
  await expect(send(`AQ${'a'.repeat(64)}`)).rejects.toBeInstanceOf(TaskDoesNotExist);

  const order = cardOrder('token@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport'));
  await waitingAt(stack, order.orderId, 'WaitForAccount');
  const { events = [] } = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn: executionArn(stack, order.orderId) }),
  );
  const scanTask = events.find(
    (e) => e.type === 'TaskScheduled' && e.taskScheduledEventDetails?.parameters?.includes('"SCAN"'),
  );
  const usedToken =
    /"taskToken":"([^"]+)"/.exec(scanTask?.taskScheduledEventDetails?.parameters ?? '')?.[1] ?? '';
  expect(usedToken).toMatch(/^AQ/);
  await expect(send(usedToken)).rejects.toBeInstanceOf(TaskTimedOut);
});

test('a good scan that arrives while the workflow handles a rejected one is retried until it is waiting again', async () => {
  const order = cardOrder('back-to-back@example.com');
  const onboardingId = onboardingIdFor(order.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('yellow-damaged'));
  const good = scanOf('green-passport');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', good);
  await waitingAt(stack, order.orderId, 'WaitForAccount');
  expect(await stageOf(stack, onboardingId)).toBe('LINK_EMAILED');
  expect(deadLetters(stack).filter((d) => d.body.includes(good.scanId))).toEqual([]);
});
