import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventBridgeEvent, LocalEventBus, type PutEventsEntry } from '../../src/event-bus.ts';
import { LocalSqs } from '../../src/sqs/service.ts';

// The bus's write-ahead journal. A "kill" is a bus abandoned with deliveries in flight: nothing of
// them was marked done, as after kill -9; the "restart" is a new bus on the same journal file.

const BUS = 'shop';
const RULE = 'orders';

let dir: string;
let logs: string[];
const killed: LocalEventBus[] = [];
const releases: (() => void)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'event-journal-'));
  logs = [];
});

afterEach(async () => {
  for (const release of releases.splice(0)) release();
  await Promise.all(killed.splice(0).map((bus) => bus.close()));
  rmSync(dir, { recursive: true, force: true });
});

type Invoke = (event: EventBridgeEvent) => Promise<void>;

/** The dead letters of the buses below: a local SQS queue every target names. */
function deadLetterQueue() {
  const sqs = new LocalSqs({
    region: 'eu-north-1',
    accountId: '000000000000',
    endpoint: () => 'http://127.0.0.1:4566',
  });
  const { arn } = sqs.createQueue('dead-letters');
  return { sqs, arn, letters: () => sqs.messages('dead-letters') };
}

/** A bus on the test's journal with one rule and the given targets (id → invoke). */
function openBus(
  targets: Record<string, Invoke>,
  dlq: ReturnType<typeof deadLetterQueue> = deadLetterQueue(),
): LocalEventBus {
  const bus = new LocalEventBus({
    region: 'eu-north-1',
    accountId: '000000000000',
    log: (line) => logs.push(line),
    buses: [BUS],
    retryPolicy: { maximumRetryAttempts: 0 },
    backoff: { initialDelayMs: 1 },
    journalPath: journal(),
    deadLetterQueues: dlq.sqs,
  });
  bus.putRule(BUS, RULE, { source: ['shop.orders'] });
  for (const [id, invoke] of Object.entries(targets)) {
    bus.addTarget(BUS, RULE, { id, invoke, deadLetterQueueArn: dlq.arn });
  }
  return bus;
}

function journal(): string {
  return join(dir, 'event-journal.jsonl');
}

function journalLines(): string[] {
  return readFileSync(journal(), 'utf8').split('\n').filter(Boolean);
}

/** A target that does not finish before the test ends: its deliveries are in flight at the "kill". */
function stuck(): Invoke {
  const { promise, reject } = Promise.withResolvers<void>();
  releases.push(() => reject(new Error('released after the test')));
  return () => promise;
}

/** Leaves the bus as a killed process would: nothing more of its deliveries reaches the journal. */
function kill(bus: LocalEventBus): void {
  killed.push(bus);
}

function order(n: number): PutEventsEntry {
  return {
    Source: 'shop.orders',
    DetailType: 'OrderPlaced',
    Detail: JSON.stringify({ orderId: `order-${n}` }),
    EventBusName: BUS,
  };
}

function recorder() {
  const received: EventBridgeEvent[] = [];
  const invoke: Invoke = async (event) => {
    received.push(event);
  };
  return { received, invoke };
}

test('an event accepted before a kill is delivered after the restart, once deliverOwed is called', async () => {
  const first = openBus({ fulfil: stuck() });
  const { Entries } = first.putEvents([order(1), order(2)]);
  kill(first);

  const { received, invoke } = recorder();
  const second = openBus({ fulfil: invoke });
  await second.idle();
  expect(received).toEqual([]);
  second.deliverOwed();
  await second.idle();
  expect(received.map((event) => event.id).sort()).toEqual(Entries.map((entry) => entry.EventId).sort());
  expect(received.map((event) => event.detail.orderId).sort()).toEqual(['order-1', 'order-2']);
  await second.close();

  // Delivered: a third start owes nothing.
  const third = recorder();
  const again = openBus({ fulfil: third.invoke });
  again.deliverOwed();
  await again.idle();
  expect(third.received).toEqual([]);
  await again.close();
});

test('a delivery that was done, delivered or dead-lettered, is not made again; the unfinished one is', async () => {
  const dlq = deadLetterQueue();
  const first = openBus(
    {
      bill: async () => {},
      ship: async () => {
        throw new Error('no stock');
      },
      pack: stuck(),
    },
    dlq,
  );
  first.putEvents([order(1)]);
  // `bill` is delivered and `ship` dead-lettered within a few turns of the event loop; `pack` never is.
  const doneMarks = () => journalLines().filter((line) => line.includes('"kind":"done"')).length;
  while (doneMarks() < 2) await new Promise((resolve) => setImmediate(resolve));
  expect(dlq.letters().map((letter) => letter.attributes.TARGET_ARN?.StringValue)).toEqual(['ship']);
  kill(first);

  const calls: string[] = [];
  const second = openBus({
    bill: async () => void calls.push('bill'),
    ship: async () => void calls.push('ship'),
    pack: async () => void calls.push('pack'),
  });
  second.deliverOwed();
  await second.idle();
  expect(calls).toEqual(['pack']);
  await second.close();
});

test('closing leaves a delivery waiting for a retry owed for the next start, not dead-lettered', async () => {
  const dlq = deadLetterQueue();
  const bus = new LocalEventBus({
    region: 'eu-north-1',
    accountId: '000000000000',
    log: (line) => logs.push(line),
    buses: [BUS],
    backoff: { initialDelayMs: 60_000 },
    journalPath: journal(),
    deadLetterQueues: dlq.sqs,
  });
  bus.putRule(BUS, RULE, { source: ['shop.orders'] });
  let attempts = 0;
  bus.addTarget(BUS, RULE, {
    id: 'fulfil',
    deadLetterQueueArn: dlq.arn,
    invoke: async () => {
      attempts++;
      throw new Error('down');
    },
  });
  bus.putEvents([order(1)]);
  while (attempts === 0) await new Promise((resolve) => setImmediate(resolve));
  await bus.close();
  expect(dlq.letters()).toEqual([]);

  const { received, invoke } = recorder();
  const next = openBus({ fulfil: invoke });
  next.deliverOwed();
  await next.idle();
  expect(received.map((event) => event.detail.orderId)).toEqual(['order-1']);
  await next.close();
});

test('the journal keeps only what is owed: compacted while running and on opening; owner-only', async () => {
  const { received: fulfilled, invoke } = recorder();
  const hold = stuck();
  let packed = 0;
  const first = openBus({
    fulfil: invoke,
    // Order 1 is still being packed at the kill; every other delivery is done.
    pack: async (event) => {
      if (event.detail.orderId === 'order-1') return hold(event);
      packed++;
    },
  });
  for (let n = 1; n <= 1200; n++) first.putEvents([order(n)]);
  while (fulfilled.length < 1200 || packed < 1199) await new Promise((resolve) => setImmediate(resolve));
  // 1 200 events and 2 399 deliveries done: without compaction, 3 599 lines.
  expect(journalLines().length).toBeLessThan(1000);
  expect((statSync(journal()).mode & 0o777).toString(8)).toBe('600');
  kill(first);

  const calls: string[] = [];
  const second = openBus({
    fulfil: async (event) => void calls.push(`fulfil ${event.detail.orderId}`),
    pack: async (event) => void calls.push(`pack ${event.detail.orderId}`),
  });
  expect(journalLines()).toHaveLength(1);
  second.deliverOwed();
  await second.idle();
  expect(calls).toEqual(['pack order-1']);
  await second.close();

  const third = openBus({});
  expect(journalLines()).toEqual([]);
  await third.close();
});

test('an unreadable line (a torn last write) is skipped and logged; the rest is delivered', async () => {
  const first = openBus({ fulfil: stuck() });
  first.putEvents([order(1)]);
  kill(first);
  appendFileSync(journal(), '{"kind":"accepted","bus":"shop","deliv');

  const { received, invoke } = recorder();
  const second = openBus({ fulfil: invoke });
  second.deliverOwed();
  await second.idle();
  expect(received.map((event) => event.detail.orderId)).toEqual(['order-1']);
  expect(logs.some((line) => line.includes('unreadable'))).toBe(true);
  await second.close();
});

test('a delivery whose target is gone after the restart stays owed for a later start', async () => {
  const first = openBus({ fulfil: stuck() });
  first.putEvents([order(1)]);
  kill(first);

  const second = openBus({});
  second.deliverOwed();
  await second.idle();
  expect(logs.some((line) => line.includes('does not exist; it stays in the journal'))).toBe(true);
  await second.close();

  const { received, invoke } = recorder();
  const third = openBus({ fulfil: invoke });
  third.deliverOwed();
  await third.idle();
  expect(received.map((event) => event.detail.orderId)).toEqual(['order-1']);
  await third.close();
});
