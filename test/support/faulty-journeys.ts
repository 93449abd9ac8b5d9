import { poll } from '#infra/local/poll.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import { identityLock } from '#shared/domain/identity-lock.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import { emailsTo, executionStatus, putEvent } from './local-stack.ts';
import {
  cardOrder,
  createAccount,
  linkIn,
  scanOf,
  storedOnboarding,
  swedishPerson,
} from './worker-journey.ts';

/**
 * Workers through the whole flow while the stack injects faults: each worker's order and scan go on
 * the bus, the worker follows the emailed link and, like a person, tries again when a page fails.
 * At the end each order is one of: an account (execution SUCCEEDED, record ACCOUNT_CREATED), a
 * failure an operator sees and can retry (execution FAILED, the error kept on the record), or lost
 * (anything else: no record, no execution, or one stuck without a wait). Lost must be 0.
 */

export interface JourneyOutcomes {
  workers: number;
  accounts: number;
  failedVisible: number;
  lost: string[];
  /** Page attempts that failed and were tried again by the worker. */
  pageRetries: number;
}

/**
 * A persistent worker: with one page call in five failing, the five calls of one try all succeed a
 * third of the time, so 40 tries fail together about once in ten million workers.
 */
const PAGE_TRIES = 40;

export async function runFaultyJourneys(
  stack: LocalStack,
  options: { workers: number; firstPerson: number; concurrency: number; timeoutMs: number },
): Promise<JourneyOutcomes> {
  const outcomes: JourneyOutcomes = {
    workers: options.workers,
    accounts: 0,
    failedVisible: 0,
    lost: [],
    pageRetries: 0,
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let i = next++; i < options.workers; i = next++) {
        const outcome = await journey(stack, options.firstPerson + i, options.timeoutMs, outcomes);
        if (outcome.kind === 'account') outcomes.accounts++;
        else if (outcome.kind === 'failed') outcomes.failedVisible++;
        else outcomes.lost.push(outcome.why);
      }
    }),
  );
  return outcomes;
}

type Outcome = { kind: 'account' } | { kind: 'failed' } | { kind: 'lost'; why: string };

async function journey(
  stack: LocalStack,
  index: number,
  timeoutMs: number,
  counts: JourneyOutcomes,
): Promise<Outcome> {
  const person = swedishPerson(index);
  const email = `faulty-${index}@example.com`;
  const order = cardOrder(email, person);
  const onboardingId = onboardingIdFor(order.orderId);
  const ended = () => finalOutcome(stack, order.orderId, onboardingId);
  const started = new Date();

  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  const waiting = await poll(
    async () => {
      const record = await unlessThrottled(() => storedOnboarding(stack, onboardingId));
      if (record?.stage === 'AWAITING_SCAN' && record.wait) return 'waiting';
      const execution = await unlessThrottled(() => executionStatus(stack, order.orderId));
      return execution?.status === 'FAILED' ? 'failed' : undefined;
    },
    { timeoutMs },
  ).catch(() => 'timeout');
  if (waiting !== 'waiting') return ended();

  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport', person));
  const mail = await poll(
    async () =>
      (await emailsTo(stack, email, started)).findLast((e) => e.body.text.includes('/account/start?token=')),
    { timeoutMs, intervalMs: 250 },
  ).catch(() => undefined);
  if (!mail) return ended();

  let last = '';
  for (let attempt = 1; attempt <= PAGE_TRIES; attempt++) {
    const result = await createAccount(linkIn(mail.body.text), person.identityNumber);
    last = JSON.stringify(result);
    if (result.createdStatus === 303) break;
    if ((await unlessThrottled(() => storedOnboarding(stack, onboardingId)))?.stage === 'ACCOUNT_CREATED')
      break;
    counts.pageRetries++;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await poll(
    async () => {
      const status = (await unlessThrottled(() => executionStatus(stack, order.orderId)))?.status;
      return status !== undefined && status !== 'RUNNING' ? status : undefined;
    },
    { timeoutMs },
  ).catch(() => undefined);
  const outcome = await ended();
  return outcome.kind === 'lost' ? { ...outcome, why: `${outcome.why}; last pages ${last}` } : outcome;
}

/**
 * The driver's own reads go through the same edge, so its injected DynamoDB throttling hits them
 * too: a read that is throttled past the SDK's retries is "not known yet", never an outcome.
 */
async function unlessThrottled<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if ((error as Error).name === 'ProvisionedThroughputExceededException') return undefined;
    throw error;
  }
}

async function finalOutcome(stack: LocalStack, orderId: string, onboardingId: string): Promise<Outcome> {
  const { record } = await poll(async () =>
    unlessThrottled(async () => ({ record: await storedOnboarding(stack, onboardingId) })),
  );
  const { status } = await executionStatus(stack, orderId);
  if (status === 'SUCCEEDED' && record?.stage === 'ACCOUNT_CREATED') return { kind: 'account' };
  if (status === 'FAILED' && record?.failure) return { kind: 'failed' };
  // Identity tries whose give-back a fault prevented can lock the check: an operator sees and unlocks it.
  const lock = record?.identityChecks && identityLock(record.identityChecks, new Date());
  if (status === 'RUNNING' && lock && lock.state !== 'open') return { kind: 'failed' };
  return {
    kind: 'lost',
    why: `${orderId}: execution ${status ?? 'none'}, record ${record?.stage ?? 'none'}`,
  };
}
