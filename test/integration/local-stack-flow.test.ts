import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { onboardingIdFor } from '#shared/workflow/onboarding-id.ts';
import { loadEventFixture } from '#test/support/event-fixtures.ts';
import {
  clientConfig,
  emailsTo,
  eventually,
  executionStatus,
  putEvent,
  waitingAt,
} from '#test/support/local-stack.ts';

let stack: LocalStack;
const seen: { detailType: string; detail: Record<string, unknown> }[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0 });
  stack.bus.onEvent((event) =>
    seen.push({ detailType: event['detail-type'], detail: event.detail as Record<string, unknown> }),
  );
});
afterAll(() => stack.close());

let counter = 0;
function order(email: string) {
  const detail = loadEventFixture('id06.cards/swedish-worker').event.detail as any;
  detail.orderId = `IT-${Date.now()}-${counter++}`;
  detail.cardholder.email = email;
  return detail;
}
function scan(name: string) {
  const detail = loadEventFixture(`se.sistec.scanning/${name}`).event.detail as any;
  detail.scanId = `SCN-${Date.now()}-${counter++}`;
  return detail;
}

async function stage(onboardingId: string): Promise<string | undefined> {
  const dynamo = new DynamoDBClient(clientConfig(stack));
  const { Item } = await dynamo.send(
    new GetItemCommand({
      TableName: stack.tableName,
      Key: { pk: { S: onboardingId } },
      ConsistentRead: true,
    }),
  );
  dynamo.destroy();
  return Item?.stage?.S;
}

function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
function csrfOf(html: string): string {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

async function createAccount(link: string, identityNumber: string) {
  const start = await fetch(link, { redirect: 'manual' });
  expect(start.status).toBe(303);
  expect(start.headers.get('location')).not.toContain('token');
  const cookie = cookieOf(start);
  const base = new URL(link).origin;
  const form = await (await fetch(`${base}/account`, { headers: { cookie } })).text();
  const identity = await fetch(`${base}/account/identity`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: csrfOf(form), identityNumber }),
  });
  const accountForm = await identity.text();
  const created = await fetch(`${base}/account`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrf: csrfOf(accountForm),
      identityNumber,
      password: 'blue tractor sings at dawn',
      passwordRepeat: 'blue tractor sings at dawn',
      terms: 'accepted',
    }),
  });
  return {
    identityStatus: identity.status,
    createdStatus: created.status,
    location: created.headers.get('location'),
  };
}

function linkIn(text: string): string {
  const link = /http:\/\/127\.0\.0\.1:\d+\/account\/start\?token=\S+/.exec(text)?.[0];
  if (!link) throw new Error('No account link in the email');
  return link;
}

test('happy path: order → scan → link email → pages → account created, with events on the bus', async () => {
  const cardOrder = order('happy@example.com');
  const onboardingId = onboardingIdFor(cardOrder.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', cardOrder);
  await waitingAt(stack, cardOrder.orderId, 'WaitForScan');
  expect(await stage(onboardingId)).toBe('AWAITING_SCAN');

  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan('green-passport'));
  await waitingAt(stack, cardOrder.orderId, 'WaitForAccount');
  const mails = await eventually(async () => {
    const found = await emailsTo(stack, 'happy@example.com');
    return found.length >= 2 ? found : undefined;
  });
  const result = await createAccount(linkIn(mails[1]?.body.text ?? ''), '19880320-0016');
  expect(result).toMatchObject({ identityStatus: 200, createdStatus: 303 });

  const finished = await eventually(async () => {
    const s = await executionStatus(stack, cardOrder.orderId);
    return s.status === 'RUNNING' ? undefined : s;
  });
  expect(finished.status).toBe('SUCCEEDED');
  expect(await stage(onboardingId)).toBe('ACCOUNT_CREATED');
  await eventually(async () => ((await emailsTo(stack, 'happy@example.com')).length >= 3 ? true : undefined));
  const ours = seen.filter((e) => e.detail.onboardingId === onboardingId).map((e) => e.detailType);
  expect(ours).toEqual(expect.arrayContaining(['AccountLinkEmailed', 'AccountCreated']));
});

test('a rejected scan, then a good one, reaches the link; a wrong identity number is refused', async () => {
  const cardOrder = order('rejected@example.com');
  const onboardingId = onboardingIdFor(cardOrder.orderId);
  await putEvent(stack, 'id06.cards', 'CardOrdered', cardOrder);
  await waitingAt(stack, cardOrder.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan('yellow-damaged'));
  await eventually(async () =>
    seen.some((e) => e.detailType === 'ScanRejected' && e.detail.onboardingId === onboardingId)
      ? true
      : undefined,
  );
  await waitingAt(stack, cardOrder.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scan('green-passport'));
  await waitingAt(stack, cardOrder.orderId, 'WaitForAccount');
  const mails = await emailsTo(stack, 'rejected@example.com');
  const link = linkIn(mails.at(-1)?.body.text ?? '');
  const wrong = await createAccount(link, '880320-0016');
  expect(wrong.identityStatus).toBe(422);
  expect(await stage(onboardingId)).toBe('LINK_EMAILED');
});

test('a duplicate CardOrdered starts nothing new', async () => {
  const cardOrder = order('duplicate@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', cardOrder);
  await putEvent(stack, 'id06.cards', 'CardOrdered', cardOrder);
  await waitingAt(stack, cardOrder.orderId, 'WaitForScan');
  await stack.bus.idle();
  const ordered = await emailsTo(stack, 'duplicate@example.com');
  expect(ordered).toHaveLength(1);
});

test('a malformed CardOrdered is dead-lettered and changes nothing', async () => {
  const cardOrder = order('malformed@example.com');
  cardOrder.cardholder.identityNumber = '19880320-0018';
  await putEvent(stack, 'id06.cards', 'CardOrdered', cardOrder);
  await stack.bus.idle();
  expect(stack.bus.deadLetters().some((d) => JSON.stringify(d).includes(cardOrder.orderId))).toBe(true);
  expect(await stage(onboardingIdFor(cardOrder.orderId))).toBeUndefined();
});
