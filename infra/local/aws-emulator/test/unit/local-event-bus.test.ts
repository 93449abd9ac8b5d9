import {
  EventBridgeApiError,
  type EventBridgeEvent,
  LocalEventBus,
  type LocalEventBusOptions,
  type PutEventsEntry,
  type RetryPolicy,
} from '../../src/event-bus.ts';
import { LocalSqs, type QueueMessage } from '../../src/sqs/service.ts';
import {
  allEventFixtures,
  type EventFixture,
  loadEventFixture,
  RULES,
  type RuleName,
} from '../support/fixtures.ts';

const BUS = 'id06-onboarding-local';
const ACCOUNT = '000000000000';

let logs: string[];

function newBus(options: Partial<LocalEventBusOptions> = {}): LocalEventBus {
  return new LocalEventBus({
    region: 'eu-north-1',
    accountId: ACCOUNT,
    log: (line) => logs.push(line),
    backoff: { initialDelayMs: 1 },
    buses: [BUS],
    ...options,
  });
}

function entryOf(fixture: EventFixture, bus = BUS): PutEventsEntry {
  return {
    Source: fixture.event.source,
    DetailType: fixture.event['detail-type'],
    Detail: JSON.stringify(fixture.event.detail),
    EventBusName: bus,
  };
}

/** A bus with the app's rules, each target recording what it received. */
function busWithAppRules(options: Partial<LocalEventBusOptions> = {}) {
  const bus = newBus(options);
  const received: Record<RuleName, EventBridgeEvent[]> = { cardOrdered: [], scanCompleted: [] };
  for (const [name, rule] of Object.entries(RULES) as [RuleName, (typeof RULES)[RuleName]][]) {
    bus.putRule(BUS, name, rule.pattern, { description: rule.description });
    bus.addTarget(BUS, name, {
      id: `${name}-target`,
      invoke: async (event) => {
        received[name].push(event);
      },
    });
  }
  return { bus, received };
}

beforeEach(() => {
  logs = [];
});

describe('LocalEventBus delivery', () => {
  test('the app rules route every fixture to the right target, and nothing else', async () => {
    const { bus, received } = busWithAppRules();
    const fixtures = allEventFixtures();
    for (const fixture of fixtures) {
      const result = bus.putEvents([entryOf(fixture)]);
      expect(result.FailedEntryCount).toBe(0);
    }
    await bus.idle();

    const names = (events: EventBridgeEvent[]) => events.map((e) => e.detail);
    const bySource = (source: string) => fixtures.filter((f) => f.event.source === source);
    expect(names(received.cardOrdered)).toEqual(bySource('id06.cards').map((f) => f.event.detail));
    expect(names(received.scanCompleted)).toEqual(bySource('se.sistec.scanning').map((f) => f.event.detail));
    expect(received.cardOrdered.length + received.scanCompleted.length).toBe(
      fixtures.length - bySource('id06.onboarding').length,
    );
  });

  test('an accepted event has the full EventBridge shape and the returned id', async () => {
    const { bus, received } = busWithAppRules();
    const fixture = loadEventFixture('id06.cards/polish-worker');
    const { Entries } = bus.putEvents([
      { ...entryOf(fixture), Time: new Date('2026-11-20T08:15:00.789Z'), Resources: ['arn:x'] },
    ]);
    await bus.idle();
    expect(received.cardOrdered).toEqual([
      {
        version: '0',
        id: Entries[0]?.EventId,
        'detail-type': 'CardOrdered',
        source: 'id06.cards',
        account: ACCOUNT,
        time: '2026-11-20T08:15:00Z',
        region: 'eu-north-1',
        resources: ['arn:x'],
        detail: fixture.event.detail,
      },
    ]);
    expect(Entries[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('time defaults to now, in seconds, and Time may be epoch seconds as on the wire', async () => {
    const { bus, received } = busWithAppRules();
    const fixture = loadEventFixture('id06.cards/swedish-worker');
    const before = Math.floor(Date.now() / 1000) * 1000;
    bus.putEvents([entryOf(fixture), { ...entryOf(fixture), Time: 1_795_000_000 }]);
    await bus.idle();
    const [first, second] = received.cardOrdered;
    expect(first?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(first?.time ?? '')).toBeGreaterThanOrEqual(before);
    expect(second?.time).toBe('2026-11-18T11:06:40Z');
  });

  test('PutEvents returns before any target runs', async () => {
    const { bus, received } = busWithAppRules();
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    expect(received.cardOrdered).toHaveLength(0);
    await bus.idle();
    expect(received.cardOrdered).toHaveLength(1);
  });

  test('an event matching no rule is not delivered', async () => {
    const { bus, received } = busWithAppRules();
    const seen: string[][] = [];
    bus.onEvent((_event, delivery) => seen.push(delivery.rules));
    const fixture = loadEventFixture('id06.cards/swedish-worker');
    const result = bus.putEvents([
      { ...entryOf(fixture), DetailType: 'CardCancelled' },
      { ...entryOf(fixture), Source: 'id06.cards.test' },
      { ...entryOf(fixture), EventBusName: 'default' },
    ]);
    await bus.idle();
    expect(result.FailedEntryCount).toBe(0);
    expect(received).toEqual({ cardOrdered: [], scanCompleted: [] });
    expect(seen).toEqual([[], [], []]);
  });

  test('every target of every matching rule gets its own copy', async () => {
    const bus = newBus();
    const got: EventBridgeEvent[] = [];
    bus.putRule(BUS, 'all', { source: [{ prefix: '' }] });
    bus.putRule(BUS, 'cards', { source: ['id06.cards'] });
    bus.addTarget(BUS, 'all', {
      id: 'mutating',
      invoke: async (event) => {
        event.detail.orderId = 'changed';
      },
    });
    bus.addTarget(BUS, 'cards', { id: 'a', invoke: async (event) => void got.push(event) });
    bus.addTarget(BUS, 'cards', { id: 'b', invoke: async (event) => void got.push(event) });
    const fixture = loadEventFixture('id06.cards/swedish-worker');
    bus.putEvents([entryOf(fixture)]);
    await bus.idle();
    expect(got).toHaveLength(2);
    for (const event of got) expect(event.detail.orderId).toBe(fixture.event.detail.orderId);
  });

  test('onEvent reports each accepted event with its rules until unsubscribed', async () => {
    const { bus } = busWithAppRules();
    const lines: string[] = [];
    const stop = bus.onEvent((event, { bus: name, rules }) =>
      lines.push(`${name} ${event.source} ${event['detail-type']} ${event.id} ${rules.join(',')}`),
    );
    const { Entries } = bus.putEvents([entryOf(loadEventFixture('se.sistec.scanning/green-passport'))]);
    stop();
    bus.putEvents([entryOf(loadEventFixture('se.sistec.scanning/green-passport'))]);
    await bus.idle();
    expect(lines).toEqual([`${BUS} se.sistec.scanning ScanCompleted ${Entries[0]?.EventId} scanCompleted`]);
  });
});

/** A bus whose targets can send dead letters to a real local SQS queue; `deadLetters()` reads it. */
function busWithDeadLetterQueue(options: Partial<LocalEventBusOptions> = {}) {
  const sqs = new LocalSqs({
    region: 'eu-north-1',
    accountId: ACCOUNT,
    endpoint: () => 'http://127.0.0.1:4566',
  });
  const { arn } = sqs.createQueue('dead-letters');
  const bus = newBus({ deadLetterQueues: sqs, ...options });
  return { bus, queueArn: arn, deadLetters: () => sqs.messages('dead-letters') };
}

/** A message attribute's string value. */
const attribute = (letter: QueueMessage | undefined, name: string) => letter?.attributes[name]?.StringValue;

describe('LocalEventBus retries and dead letters', () => {
  test('a target that fails twice then succeeds is retried and not dead-lettered', async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({
      retryPolicy: { maximumRetryAttempts: 2 },
    });
    let calls = 0;
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'flaky',
      deadLetterQueueArn: queueArn,
      invoke: async () => {
        calls++;
        if (calls < 3) throw new Error(`boom ${calls}`);
      },
    });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    expect(calls).toBe(3);
    expect(deadLetters()).toEqual([]);
    expect(logs.filter((line) => line.includes('retrying'))).toHaveLength(2);
  });

  test('retries back off exponentially (with jitter: each wait is half to all of the doubled delay)', async () => {
    const bus = newBus({ retryPolicy: { maximumRetryAttempts: 2 }, backoff: { initialDelayMs: 80 } });
    const times: number[] = [];
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'failing',
      invoke: async () => {
        times.push(performance.now());
        throw new Error('down');
      },
    });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    const [first = 0, second = 0, third = 0] = times;
    expect(second - first).toBeGreaterThanOrEqual(35);
    expect(third - second).toBeGreaterThanOrEqual(75);
  });

  test('a target that always fails sends the event to its dead-letter queue as EventBridge does, never to the log', async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({
      retryPolicy: { maximumRetryAttempts: 2 },
    });
    let calls = 0;
    const ruleArn = bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    const functionArn = 'arn:aws:lambda:eu-north-1:000000000000:function:start-onboarding';
    bus.addTarget(BUS, 'cards', {
      id: 'start-onboarding',
      arn: functionArn,
      deadLetterQueueArn: queueArn,
      invoke: async () => {
        calls++;
        throw new TypeError('table missing');
      },
    });
    const fixture = loadEventFixture('id06.cards/polish-worker');
    const { Entries } = bus.putEvents([entryOf(fixture)]);
    await bus.idle();

    expect(calls).toBe(3);
    const [letter, ...rest] = deadLetters();
    expect(rest).toEqual([]);
    expect(JSON.parse(letter?.body ?? '')).toEqual({
      version: '0',
      id: Entries[0]?.EventId,
      'detail-type': 'CardOrdered',
      source: 'id06.cards',
      account: ACCOUNT,
      time: expect.any(String),
      region: 'eu-north-1',
      resources: [],
      detail: fixture.event.detail,
    });
    const text = (value: string) => ({ DataType: 'String', StringValue: value });
    expect(letter?.attributes).toEqual({
      RULE_ARN: text(ruleArn),
      TARGET_ARN: text(functionArn),
      ERROR_CODE: text('ERROR_FROM_TARGET'),
      ERROR_MESSAGE: text('TypeError: table missing'),
      EXHAUSTED_RETRY_CONDITION: text('MaximumRetryAttempts'),
      RETRY_ATTEMPTS: text('2'),
    });

    const identityNumber = String(
      (fixture.event.detail.cardholder as Record<string, unknown>).identityNumber,
    );
    expect(logs.some((line) => line.includes(`gave up on event ${Entries[0]?.EventId}`))).toBe(true);
    expect(logs.some((line) => line.includes(`sent to dead-letter queue ${queueArn}`))).toBe(true);
    for (const line of logs) {
      expect(line).not.toContain(identityNumber);
      expect(line).not.toContain('lukasz');
    }
  });

  test('a target without a dead-letter queue drops the event, as AWS does, logging its id and not its detail', async () => {
    const { bus, deadLetters } = busWithDeadLetterQueue({ retryPolicy: { maximumRetryAttempts: 0 } });
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'no-dlq',
      invoke: async () => {
        throw new Error('down');
      },
    });
    const fixture = loadEventFixture('id06.cards/polish-worker');
    const { Entries } = bus.putEvents([entryOf(fixture)]);
    await bus.idle();
    expect(deadLetters()).toEqual([]);
    expect(logs).toEqual([
      expect.stringMatching(
        new RegExp(
          `gave up on event ${Entries[0]?.EventId} .*; dropped, the target has no dead-letter queue$`,
        ),
      ),
    ]);
    expect(logs[0]).not.toContain(String(fixture.event.detail.orderId));
  });

  test('a dead-letter queue that does not exist: the event is dropped and the log says why', async () => {
    const { bus, deadLetters } = busWithDeadLetterQueue({ retryPolicy: { maximumRetryAttempts: 0 } });
    const missing = `arn:aws:sqs:eu-north-1:${ACCOUNT}:no-such-queue`;
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'down',
      deadLetterQueueArn: missing,
      invoke: async () => {
        throw new Error('down');
      },
    });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    expect(deadLetters()).toEqual([]);
    expect(logs).toEqual([
      expect.stringContaining(
        `dropped, dead-letter queue ${missing} refused it: SqsError: The specified queue does not exist.`,
      ),
    ]);
  });

  test('close() dead-letters deliveries still waiting for a retry', async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({
      retryPolicy: { maximumRetryAttempts: 4 },
      backoff: { initialDelayMs: 60_000 },
    });
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'down',
      deadLetterQueueArn: queueArn,
      invoke: async () => {
        throw new Error('down');
      },
    });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await bus.close();
    expect(performance.now() - started).toBeLessThan(1000);
    const [letter, ...rest] = deadLetters();
    expect(rest).toEqual([]);
    expect(attribute(letter, 'EXHAUSTED_RETRY_CONDITION')).toBe('EventBusClosed');
    expect(attribute(letter, 'RETRY_ATTEMPTS')).toBe('0');
    expect(attribute(letter, 'ERROR_CODE')).toBe('INTERNAL_ERROR');
    expect(attribute(letter, 'ERROR_MESSAGE')).toMatch(/^EventBusClosedError: /);
    expect(bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]).FailedEntryCount).toBe(1);
  });
});

describe('LocalEventBus retry window', () => {
  /** A rule whose target fails its first `failures` calls; counts calls and successful deliveries. */
  function failingTarget(
    bus: LocalEventBus,
    failures: number,
    options: { retryPolicy?: RetryPolicy; deadLetterQueueArn?: string } = {},
  ) {
    const counts = { calls: 0, delivered: 0 };
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'flaky',
      ...options,
      invoke: async () => {
        counts.calls++;
        if (counts.calls <= failures) throw new Error(`not ready yet (${counts.calls})`);
        counts.delivered++;
      },
    });
    return counts;
  }

  test("by default a target gets AWS's 185 retries (186 attempts)", async () => {
    const bus = newBus({ backoff: { initialDelayMs: 60_000 } });
    failingTarget(bus, 1);
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logs.some((line) => line.includes('attempt 1/186 failed'))).toBe(true);
    await bus.close();
  });

  test('a target failing a few times within the window gets the event exactly once', async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({
      retryPolicy: { maximumEventAgeSeconds: 5 },
      backoff: { initialDelayMs: 5 },
    });
    const counts = failingTarget(bus, 4, { deadLetterQueueArn: queueArn });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    expect(counts).toEqual({ calls: 5, delivered: 1 });
    expect(deadLetters()).toEqual([]);
  });

  test('a target failing past the window is dead-lettered when the window ends', async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({
      retryPolicy: { maximumEventAgeSeconds: 0.3 },
      backoff: { initialDelayMs: 20, maxDelayMs: 80 },
    });
    const counts = failingTarget(bus, Number.POSITIVE_INFINITY, { deadLetterQueueArn: queueArn });
    const started = performance.now();
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
    expect(counts.delivered).toBe(0);
    expect(counts.calls).toBeGreaterThanOrEqual(4);
    const [letter, ...rest] = deadLetters();
    expect(rest).toEqual([]);
    expect(attribute(letter, 'EXHAUSTED_RETRY_CONDITION')).toBe('MaximumEventAgeInSeconds');
    expect(attribute(letter, 'RETRY_ATTEMPTS')).toBe(String(counts.calls - 1));
  });

  test("a target's own RetryPolicy overrides the bus's", async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({
      retryPolicy: { maximumRetryAttempts: 5 },
    });
    const counts = failingTarget(bus, 3, {
      retryPolicy: { maximumRetryAttempts: 1 },
      deadLetterQueueArn: queueArn,
    });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    expect(counts).toEqual({ calls: 2, delivered: 0 });
    const [letter] = deadLetters();
    expect(attribute(letter, 'EXHAUSTED_RETRY_CONDITION')).toBe('MaximumRetryAttempts');
    expect(attribute(letter, 'RETRY_ATTEMPTS')).toBe('1');
  });

  test('close() does not wait for retries pending under the 24-hour default window', async () => {
    const { bus, queueArn, deadLetters } = busWithDeadLetterQueue({ backoff: { initialDelayMs: 10_000 } });
    const counts = failingTarget(bus, Number.POSITIVE_INFINITY, { deadLetterQueueArn: queueArn });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await bus.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(counts.calls).toBe(1);
    expect(deadLetters().map((letter) => attribute(letter, 'EXHAUSTED_RETRY_CONDITION'))).toEqual([
      'EventBusClosed',
    ]);
  });
});

describe('LocalEventBus idle()', () => {
  test('resolves at once when nothing is in flight', async () => {
    await expect(newBus().idle()).resolves.toBeUndefined();
  });

  test('waits for a slow target and for deliveries it causes', async () => {
    const bus = newBus();
    const done: string[] = [];
    bus.putRule(BUS, 'cards', RULES.cardOrdered.pattern);
    bus.putRule(BUS, 'scans', RULES.scanCompleted.pattern);
    bus.addTarget(BUS, 'cards', {
      id: 'slow',
      invoke: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        // A target putting a further event, as the workflow does.
        bus.putEvents([entryOf(loadEventFixture('se.sistec.scanning/green-passport'))]);
        done.push('card');
      },
    });
    bus.addTarget(BUS, 'scans', {
      id: 'scan',
      invoke: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        done.push('scan');
      },
    });
    bus.putEvents([entryOf(loadEventFixture('id06.cards/swedish-worker'))]);
    await bus.idle();
    expect(done).toEqual(['card', 'scan']);
  });
});

describe('LocalEventBus PutEvents entry errors', () => {
  const detail = JSON.stringify({ orderId: 'ORD-1' });
  const valid = { Source: 'id06.cards', DetailType: 'CardOrdered', Detail: detail, EventBusName: BUS };

  test.each([
    ['no Source', { ...valid, Source: undefined }, 'InvalidArgument', /Source/],
    ['no DetailType', { ...valid, DetailType: undefined }, 'InvalidArgument', /DetailType/],
    ['no Detail', { ...valid, Detail: undefined }, 'InvalidArgument', /Detail/],
    ['Detail not JSON', { ...valid, Detail: '{orderId:' }, 'MalformedDetail', /malformed/],
    ['Detail an array', { ...valid, Detail: '[1,2]' }, 'MalformedDetail', /malformed/],
    ['Detail a string', { ...valid, Detail: '"text"' }, 'MalformedDetail', /malformed/],
    [
      'Detail over 256 KB',
      { ...valid, Detail: JSON.stringify({ a: 'x'.repeat(256 * 1024) }) },
      'InvalidArgument',
      /limit/,
    ],
    ['a bad Time', { ...valid, Time: 'yesterday' }, 'InvalidArgument', /Time/],
  ])('%s fails that entry only', async (_name, entry, code, message) => {
    const { bus, received } = busWithAppRules();
    const result = bus.putEvents([valid, entry as PutEventsEntry, valid]);
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries[0]?.EventId).toBeDefined();
    expect(result.Entries[1]).toEqual({ ErrorCode: code, ErrorMessage: expect.stringMatching(message) });
    expect(result.Entries[2]?.EventId).toBeDefined();
    await bus.idle();
    expect(received.cardOrdered).toHaveLength(2);
  });

  test('an entry of exactly 256 KB is accepted', () => {
    const bus = newBus();
    const overhead = Buffer.byteLength('id06.cardsCardOrdered{"a":""}');
    const entry = { ...valid, Detail: JSON.stringify({ a: 'x'.repeat(256 * 1024 - overhead) }) };
    expect(bus.putEvents([entry]).FailedEntryCount).toBe(0);
  });

  test('no entries, or more than 10, fail the whole request', () => {
    const bus = newBus();
    for (const entries of [[], Array.from({ length: 11 }, () => valid)]) {
      expect(() => bus.putEvents(entries)).toThrow(
        expect.objectContaining({ code: 'ValidationException' }) as unknown as Error,
      );
    }
  });

  test('an unknown bus is accepted and dropped like AWS does, with a log line', async () => {
    const { bus, received } = busWithAppRules();
    const result = bus.putEvents([{ ...valid, EventBusName: 'no-such-bus' }]);
    expect(result).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] });
    await bus.idle();
    expect(received.cardOrdered).toEqual([]);
    expect(logs).toEqual([expect.stringContaining('unknown bus no-such-bus')]);
  });

  test("a bus ARN of another account fails that entry with AccessDeniedException; this account's ARN delivers", async () => {
    const { bus, received } = busWithAppRules();
    const foreign = 'arn:aws:events:eu-north-1:111111111111:event-bus/x';
    const own = `arn:aws:events:eu-north-1:${ACCOUNT}:event-bus/${BUS}`;
    const result = bus.putEvents([
      { ...valid, EventBusName: foreign },
      { ...valid, EventBusName: own },
    ]);
    expect(result).toEqual({
      FailedEntryCount: 1,
      Entries: [
        {
          ErrorCode: 'AccessDeniedException',
          ErrorMessage:
            `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: events:PutEvents on resource: ` +
            `${foreign} because no resource-based policy allows the events:PutEvents action`,
        },
        { EventId: expect.any(String) },
      ],
    });
    await bus.idle();
    expect(received.cardOrdered).toHaveLength(1);
  });

  test("a bus ARN of this account in another region is not this emulator's bus: accepted and dropped", async () => {
    const { bus, received } = busWithAppRules();
    const elsewhere = `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/${BUS}`;
    expect(bus.putEvents([{ ...valid, EventBusName: elsewhere }]).FailedEntryCount).toBe(0);
    await bus.idle();
    expect(received.cardOrdered).toEqual([]);
    expect(logs).toEqual([expect.stringContaining(`unknown bus ${elsewhere}`)]);
  });

  test("unknownBus 'reject' fails the entry with ResourceNotFoundException", () => {
    const bus = newBus({ unknownBus: 'reject' });
    expect(bus.putEvents([{ ...valid, EventBusName: 'no-such-bus' }])).toEqual({
      FailedEntryCount: 1,
      Entries: [
        { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus no-such-bus does not exist.' },
      ],
    });
  });

  test('a bus ARN works as EventBusName', async () => {
    const { bus, received } = busWithAppRules();
    bus.putEvents([{ ...valid, EventBusName: `arn:aws:events:eu-north-1:${ACCOUNT}:event-bus/${BUS}` }]);
    await bus.idle();
    expect(received.cardOrdered).toHaveLength(1);
  });
});

describe('LocalEventBus rules', () => {
  test('an invalid pattern is refused with InvalidEventPatternException', () => {
    const bus = newBus();
    expect(() => bus.putRule(BUS, 'bad', { source: 'id06.cards' })).toThrow(EventBridgeApiError);
    expect(() => bus.putRule(BUS, 'bad', { source: 'id06.cards' })).toThrow(/^Event pattern is not valid/);
  });

  test('rules and targets need an existing bus and rule', () => {
    const bus = newBus();
    expect(() => bus.putRule('nope', 'r', RULES.cardOrdered.pattern)).toThrow(
      'Event bus nope does not exist.',
    );
    expect(() => bus.addTarget(BUS, 'nope', { id: 't', invoke: async () => {} })).toThrow(
      `Rule nope does not exist on EventBus ${BUS}.`,
    );
  });

  test('putRule again replaces the pattern and keeps the targets', async () => {
    const bus = newBus();
    const got: string[] = [];
    bus.putRule(BUS, 'r', { source: ['a'] });
    bus.addTarget(BUS, 'r', { id: 't', invoke: async (event) => void got.push(event.source) });
    bus.putRule(BUS, 'r', { source: ['b'] });
    bus.putEvents(
      ['a', 'b'].map((source) => ({ Source: source, DetailType: 'X', Detail: '{}', EventBusName: BUS })),
    );
    await bus.idle();
    expect(got).toEqual(['b']);
  });
});

describe('LocalEventBus wire protocol', () => {
  test('PutEvents takes the JSON request and epoch-second times', async () => {
    const { bus, received } = busWithAppRules();
    const fixture = loadEventFixture('id06.cards/swedish-worker');
    const reply = bus.handle('AWSEvents.PutEvents', {
      Entries: [{ ...entryOf(fixture), Time: 1_795_000_000.5 }],
    });
    expect(reply).toEqual({
      status: 200,
      body: { FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] },
    });
    await bus.idle();
    expect(received.cardOrdered[0]?.time).toBe('2026-11-18T11:06:40Z');
  });

  test('a client may not put events with an aws. source; the emulator itself may', async () => {
    const bus = newBus();
    const entry = { Source: 'aws.states', DetailType: 'X', Detail: '{}', EventBusName: BUS };
    const reply = bus.handle('AWSEvents.PutEvents', { Entries: [entry, { ...entry, Source: 'shop' }] });
    expect(reply).toEqual({
      status: 200,
      body: {
        FailedEntryCount: 1,
        Entries: [
          { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' },
          { EventId: expect.any(String) },
        ],
      },
    });
    expect(bus.putEvents([entry]).FailedEntryCount).toBe(0);
  });

  test('entries that total more than 256 KiB are refused as a whole request', () => {
    const bus = newBus();
    const half = {
      Source: 'shop',
      DetailType: 'X',
      Detail: JSON.stringify({ a: 'x'.repeat(140 * 1024) }),
      EventBusName: BUS,
    };
    expect(bus.handle('AWSEvents.PutEvents', { Entries: [half, half] })).toMatchObject({
      status: 400,
      body: { __type: expect.stringContaining('ValidationException') },
    });
    expect(bus.handle('AWSEvents.PutEvents', { Entries: [half] })).toMatchObject({ status: 200 });
  });

  test('a non-string EventBusName is an invalid argument of its entry, not a server error', () => {
    const bus = newBus();
    const reply = bus.handle('AWSEvents.PutEvents', {
      Entries: [{ Source: 'shop', DetailType: 'X', Detail: '{}', EventBusName: 42 }],
    });
    expect(reply).toMatchObject({
      status: 200,
      body: { FailedEntryCount: 1, Entries: [{ ErrorCode: 'InvalidArgument' }] },
    });
  });

  test('a pattern nested 10,000 deep is a ValidationException, not a stack overflow', () => {
    const bus = newBus();
    let pattern: Record<string, unknown> = { detail: ['x'] };
    for (let i = 0; i < 10_000; i++) pattern = { nested: pattern };
    expect(() => bus.putRule(BUS, 'deep', pattern)).toThrow(/nested too deeply/);
  });

  test('ListRules and DescribeRule show the rules of a bus', () => {
    const { bus } = busWithAppRules();
    const list = bus.handle('AWSEvents.ListRules', { EventBusName: BUS });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      Rules: [
        expect.objectContaining({ Name: 'cardOrdered', EventBusName: BUS, State: 'ENABLED' }),
        expect.objectContaining({ Name: 'scanCompleted', EventBusName: BUS, State: 'ENABLED' }),
      ],
    });
    const page = bus.handle('AWSEvents.ListRules', { EventBusName: BUS, Limit: 1 });
    expect(page.body).toEqual({ Rules: [expect.objectContaining({ Name: 'cardOrdered' })], NextToken: '1' });
    const next = bus.handle('AWSEvents.ListRules', { EventBusName: BUS, Limit: 1, NextToken: '1' });
    expect(next.body).toEqual({ Rules: [expect.objectContaining({ Name: 'scanCompleted' })] });

    const described = bus.handle('AWSEvents.DescribeRule', { Name: 'cardOrdered', EventBusName: BUS });
    expect(described).toEqual({
      status: 200,
      body: {
        Name: 'cardOrdered',
        Arn: `arn:aws:events:eu-north-1:${ACCOUNT}:rule/${BUS}/cardOrdered`,
        EventPattern: JSON.stringify(RULES.cardOrdered.pattern),
        State: 'ENABLED',
        Description: RULES.cardOrdered.description,
        EventBusName: BUS,
        CreatedBy: ACCOUNT,
      },
    });
    expect(bus.handle('AWSEvents.DescribeRule', { Name: 'cardOrdered' })).toEqual({
      status: 400,
      body: {
        __type: 'ResourceNotFoundException',
        message: 'Rule cardOrdered does not exist on EventBus default.',
      },
    });
  });

  test('ListEventBuses, DescribeEventBus and CreateEventBus', () => {
    const bus = newBus();
    expect(bus.handle('AWSEvents.ListEventBuses', {}).body).toEqual({
      EventBuses: [
        expect.objectContaining({
          Name: 'default',
          Arn: `arn:aws:events:eu-north-1:${ACCOUNT}:event-bus/default`,
        }),
        expect.objectContaining({ Name: BUS }),
      ],
    });
    expect(bus.handle('AWSEvents.CreateEventBus', { Name: 'other' }).body).toEqual({
      EventBusArn: `arn:aws:events:eu-north-1:${ACCOUNT}:event-bus/other`,
    });
    expect(bus.handle('AWSEvents.CreateEventBus', { Name: 'other' })).toMatchObject({
      status: 400,
      body: { __type: 'ResourceAlreadyExistsException' },
    });
    expect(bus.handle('AWSEvents.DescribeEventBus', { Name: 'other' }).body).toMatchObject({ Name: 'other' });
    expect(bus.handle('AWSEvents.DescribeEventBus', { Name: 'missing' })).toEqual({
      status: 400,
      body: { __type: 'ResourceNotFoundException', message: 'Event bus missing does not exist.' },
    });
  });

  test('TestEventPattern matches a fixture and rejects invalid input', () => {
    const bus = newBus();
    const event = JSON.stringify(loadEventFixture('id06.cards/swedish-worker').event);
    const test = (Event: string, EventPattern: string) =>
      bus.handle('AWSEvents.TestEventPattern', { Event, EventPattern });
    expect(test(event, JSON.stringify(RULES.cardOrdered.pattern))).toEqual({
      status: 200,
      body: { Result: true },
    });
    expect(test(event, JSON.stringify(RULES.scanCompleted.pattern))).toEqual({
      status: 200,
      body: { Result: false },
    });
    expect(test(event, '{"source":"id06.cards"}')).toMatchObject({
      status: 400,
      body: {
        __type: 'InvalidEventPatternException',
        message: expect.stringMatching(/^Event pattern is not valid/),
      },
    });
    expect(test(event, 'not json')).toMatchObject({
      status: 400,
      body: { __type: 'InvalidEventPatternException' },
    });
    expect(test('{"source":"id06.cards"}', '{"source":["id06.cards"]}')).toEqual({
      status: 400,
      body: { __type: 'InvalidEventPatternException', message: 'Parameter Event is not valid.' },
    });
  });

  test('an unknown operation is a 400 UnknownOperationException', () => {
    expect(newBus().handle('AWSEvents.PutRule', {})).toMatchObject({
      status: 400,
      body: { __type: 'UnknownOperationException' },
    });
  });

  test('a request with too many entries is a 400 ValidationException', () => {
    const entries = Array.from({ length: 11 }, () => ({ Source: 'a', DetailType: 'b', Detail: '{}' }));
    expect(newBus().handle('AWSEvents.PutEvents', { Entries: entries })).toMatchObject({
      status: 400,
      body: { __type: 'ValidationException' },
    });
  });
});
