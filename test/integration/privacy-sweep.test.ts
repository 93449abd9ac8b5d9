import { GetExecutionHistoryCommand, paginateListExecutions, SFNClient } from '@aws-sdk/client-sfn';
import { poll } from '#infra/local/poll.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { runFaultyJourneys } from '#test/support/faulty-journeys.ts';
import { clientConfig, emailsTo, putEvent, waitingAt } from '#test/support/local-stack.ts';
import {
  cardOrder,
  createAccount,
  linkIn,
  type Person,
  scanOf,
  swedishPerson,
} from '#test/support/worker-journey.ts';

/**
 * Privacy over every path the workflow takes under real traffic: happy journeys with faults
 * injected, tight quotas (throttled emails), a scan before its order, one person with two orders, a
 * rejected scan, an order conflict, a malformed order and a wrong identity number on the pages.
 * Afterwards no log line of the stack or of any function (at DEBUG), and no execution history,
 * holds an identity number (in any of its forms), a name, an email address, a birth date, a
 * mobile number, a document number, a link token or a password.
 */

const lines: string[] = [];
const people: Person[] = [];
const tokens: string[] = [];
let stack: LocalStack;
let level: string | undefined;

beforeAll(async () => {
  level = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    requestLimitPerClient: 1_000_000,
    // Long enough to outlast an idempotency record a killed invocation left (30 s), short enough
    // that the refused orders below reach the dead-letter queue within the test.
    eventRetry: { maximumEventAgeSeconds: 90 },
    quotas: { sesSending: { burst: 3, perSecond: 3 } },
    faults: { rate: 0.1, seed: 3 },
    log: (line) => lines.push(line),
    functionOutput: (line) => lines.push(line),
  });
});

afterAll(async () => {
  await stack.close();
  if (level === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
  else process.env.POWERTOOLS_LOG_LEVEL = level;
});

const person = (index: number) => {
  const p = swedishPerson(index);
  people.push(p);
  return p;
};

async function linkFor(email: string): Promise<string> {
  const mail = await poll(
    async () => (await emailsTo(stack, email)).findLast((e) => e.body.text.includes('/account/start?token=')),
    { timeoutMs: 120_000 },
  );
  const link = linkIn(mail.body.text);
  tokens.push(new URL(link).searchParams.get('token') as string);
  return link;
}

/**
 * The pages as a worker uses them while faults are injected: a failed page (5xx, or 403 when the
 * form page before it failed and its form had no CSRF field) is tried again.
 */
async function throughPages(link: string, identityNumber: string) {
  for (let attempt = 1; ; attempt++) {
    const result = await createAccount(link, identityNumber);
    const statuses = [result.startStatus, result.identityStatus, result.createdStatus];
    if (!statuses.some((status) => status === 403 || (status ?? 0) >= 500) || attempt >= 40) return result;
  }
}

test('every path leaves no personal data in logs or execution histories', async () => {
  // Journeys with faults and throttled emails.
  const journeys = await runFaultyJourneys(stack, {
    workers: 4,
    firstPerson: 9100,
    concurrency: 2,
    timeoutMs: 180_000,
  });
  expect(journeys.lost).toEqual([]);
  for (let i = 0; i < 4; i++) people.push(swedishPerson(9100 + i));

  // A scan before its order, then a wrong identity number on the pages, then the right one.
  const early = person(9200);
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport', early));
  await stack.bus.idle();
  await putEvent(stack, 'id06.cards', 'CardOrdered', cardOrder('early@example.com', early));
  const earlyLink = await linkFor('early@example.com');
  expect((await throughPages(earlyLink, '19880320-0016')).identityStatus).toBe(422);
  expect((await throughPages(earlyLink, early.identityNumber)).createdStatus).toBe(303);

  // One person, two orders; a rejected scan, then a good one.
  const twice = person(9300);
  const first = cardOrder('first@example.com', twice);
  const second = cardOrder('second@example.com', twice);
  await putEvent(stack, 'id06.cards', 'CardOrdered', first);
  await putEvent(stack, 'id06.cards', 'CardOrdered', second);
  await waitingAt(stack, first.orderId, 'WaitForScan');
  await waitingAt(stack, second.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('yellow-damaged', twice));
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport', twice));
  await linkFor('first@example.com');
  await linkFor('second@example.com');

  // An order conflict (the same order id, another person) and a malformed order.
  const conflict = { ...cardOrder('conflict@example.com', person(9400)), orderId: first.orderId };
  await putEvent(stack, 'id06.cards', 'CardOrdered', conflict);
  const malformed = cardOrder('malformed@example.com', person(9500));
  malformed.cardholder.identityNumber = malformed.cardholder.identityNumber.replace(/\d$/, (d) =>
    String((Number(d) + 1) % 10),
  );
  people.push({
    identityNumber: malformed.cardholder.identityNumber,
    birthDate: malformed.cardholder.birthDate,
  });
  await putEvent(stack, 'id06.cards', 'CardOrdered', malformed);
  await poll(
    async () => ((await stack.sqs.messages(stack.deadLetterQueueUrl)).length >= 2 ? true : undefined),
    {
      timeoutMs: 120_000,
    },
  );
  await stack.bus.idle();

  const histories = await allHistories();
  const needles = personalData();
  expect(lines.length).toBeGreaterThan(100);
  // The functions' own lines are in, every level (what CloudWatch would hold; the code logs no DEBUG).
  for (const name of [
    'start-onboarding',
    'receive-scan',
    'await-callback',
    'issue-account-link',
    'worker-pages',
  ]) {
    expect(lines.some((line) => line.includes(`"function_name":"${name}"`))).toBe(true);
  }
  expect(lines.some((line) => line.includes('"level":"INFO"'))).toBe(true);
  expect(needles.length).toBeGreaterThan(50);
  const found = needles.flatMap((needle) => [
    ...lines.filter((line) => line.includes(needle)).map((line) => `log: ${needle} in ${line.slice(0, 200)}`),
    ...histories.filter((text) => text.includes(needle)).map(() => `history: ${needle}`),
  ]);
  expect(found).toEqual([]);
}, 900_000);

/** Every form of every person's data the run used, and the secrets it handed out. */
function personalData(): string[] {
  const fixture = cardOrder('x@example.com');
  const scan = scanOf('green-passport');
  const perPerson = people.flatMap(({ identityNumber, birthDate }) => {
    const digits = identityNumber.replace(/\D/g, '');
    return [identityNumber, digits, digits.slice(2), `${digits.slice(2, 8)}-${digits.slice(8)}`, birthDate];
  });
  const emails = [
    ...Array.from({ length: 4 }, (_, i) => `faulty-${9100 + i}@example.com`),
    'early@example.com',
    'first@example.com',
    'second@example.com',
    'conflict@example.com',
    'malformed@example.com',
  ];
  return [
    ...perPerson,
    ...emails,
    fixture.cardholder.givenNames,
    fixture.cardholder.surname,
    fixture.cardholder.mobileNumber,
    fixture.orderer.email,
    fixture.orderer.name,
    scan.document.number,
    ...tokens,
    'blue tractor sings at dawn',
  ];
}

async function allHistories(): Promise<string[]> {
  const sfn = new SFNClient(clientConfig(stack));
  const texts: string[] = [];
  for await (const page of paginateListExecutions(
    { client: sfn },
    { stateMachineArn: stack.stateMachineArn },
  )) {
    for (const { executionArn } of page.executions ?? []) {
      let nextToken: string | undefined;
      do {
        const history = await sfn.send(
          new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }),
        );
        texts.push(JSON.stringify(history.events));
        nextToken = history.nextToken;
      } while (nextToken);
    }
  }
  sfn.destroy();
  return texts;
}
