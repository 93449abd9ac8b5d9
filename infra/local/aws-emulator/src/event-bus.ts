import { randomUUID } from 'node:crypto';
import {
  awsJsonError,
  describeError,
  isJsonObject,
  type JsonObject,
  parseJson,
  type ServiceReply,
} from './aws-json.ts';
import { type Delivery, EventJournal } from './event-journal.ts';
import { matchesEventPattern, validateEventPattern } from './event-pattern.ts';

/**
 * A local EventBridge: buses, rules with event patterns, targets that are plain async functions,
 * PutEvents with AWS's per-entry results, and delivery after PutEvents returns, retried with
 * exponential backoff and jitter within a rule target's RetryPolicy (age window and retry count),
 * then a message to the target's dead-letter queue (SQS), as EventBridge sends it, or, without
 * one, the event is dropped, as on AWS. With a journal, accepted events and their deliveries
 * survive the process (see event-journal.ts).
 */

/** The event as EventBridge hands it to targets. */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** One PutEvents entry; `Time` is a Date (SDK) or epoch seconds (the wire). */
export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: Date | number | string;
  TraceHeader?: string;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface PutEventsResult {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

/** A rule target's RetryPolicy, as on AWS; fractions of a second are allowed locally (short tests). */
export interface RetryPolicy {
  /** How long after PutEvents delivery is still attempted; AWS's default is 86 400 (24 h). */
  maximumEventAgeSeconds?: number;
  /** Retries after the first attempt; AWS's default is 185. */
  maximumRetryAttempts?: number;
}

/** The waits between attempts: doubling from `initialDelayMs` up to `maxDelayMs`, each with jitter. */
export interface Backoff {
  /** Default 1 000 ms. */
  initialDelayMs?: number;
  /** Default 300 000 ms (5 min). */
  maxDelayMs?: number;
}

export interface EventTarget {
  id: string;
  /** The target's ARN (a Lambda function's): the TARGET_ARN of its dead letters (else its id). */
  arn?: string;
  invoke(event: EventBridgeEvent): Promise<void>;
  /** This target's own RetryPolicy; what it leaves out comes from the bus's. */
  retryPolicy?: RetryPolicy;
  /** Its DeadLetterConfig: the SQS queue the event goes to when the bus gives up on it. */
  deadLetterQueueArn?: string;
}

/** Which limit ended the delivery (AWS's DLQ message attribute EXHAUSTED_RETRY_CONDITION), or the bus closing. */
export type ExhaustedRetryCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds' | 'EventBusClosed';

/** Where dead letters go: the emulator's SQS (`LocalSqs.send`). */
export interface DeadLetterQueues {
  /** Sends a message to the queue with this ARN; throws when SQS refuses it (no such queue…). */
  send(
    queueArn: string,
    body: string,
    attributes: Record<string, { DataType: string; StringValue: string }>,
  ): unknown;
}

/** Called once per accepted event with the rules it matched (possibly none). */
export type EventListener = (event: EventBridgeEvent, delivery: { bus: string; rules: string[] }) => void;

export interface LocalEventBusOptions {
  region: string;
  accountId: string;
  log: (line: string) => void;
  /** Every target's RetryPolicy unless it has its own; defaults are AWS's (24 h, 185 retries). */
  retryPolicy?: RetryPolicy;
  backoff?: Backoff;
  /** Where targets' dead letters are sent; without it every dead letter is dropped (and logged). */
  deadLetterQueues?: DeadLetterQueues;
  /**
   * The write-ahead journal (a JSON-lines file): accepted events are written before PutEvents
   * answers, and what a previous run still owed is delivered once `deliverOwed` is called.
   */
  journalPath?: string;
  /** Custom buses that exist from the start (the app's bus); `default` always exists. */
  buses?: readonly string[];
  /**
   * An entry for a bus that does not exist: AWS accepts it with an EventId and drops it ('accept',
   * the default, which also logs a line); 'reject' fails the entry with ResourceNotFoundException.
   */
  unknownBus?: 'accept' | 'reject';
}

/** A failure reported to the caller as AWS does: `code` is the `__type` on the wire. */
export class EventBridgeApiError extends Error {
  override readonly name = 'EventBridgeApiError';
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Dead-letters deliveries whose retry was still pending when the bus closed. */
export class EventBusClosedError extends Error {
  override readonly name = 'EventBusClosedError';
}

interface Rule {
  name: string;
  arn: string;
  pattern: Record<string, unknown>;
  description: string | undefined;
  targets: Map<string, EventTarget>;
}

interface Bus {
  name: string;
  arn: string;
  createdAt: Date;
  rules: Map<string, Rule>;
}

const DEFAULT_BUS = 'default';
const AWS_RETRY_POLICY: Required<RetryPolicy> = { maximumEventAgeSeconds: 86_400, maximumRetryAttempts: 185 };
const DEFAULT_BACKOFF: Required<Backoff> = { initialDelayMs: 1000, maxDelayMs: 300_000 };
const MAX_ENTRIES = 10;
// PutEvents entry size as AWS calculates it ("Calculating PutEvents event entry size").
const MAX_ENTRY_BYTES = 256 * 1024;
const TIME_BYTES = 14;

export class LocalEventBus {
  readonly #region: string;
  readonly #accountId: string;
  readonly #log: (line: string) => void;
  readonly #retryPolicy: Required<RetryPolicy>;
  readonly #backoff: Required<Backoff>;
  readonly #deadLetterQueues: DeadLetterQueues | undefined;
  readonly #rejectUnknownBus: boolean;
  readonly #journal: EventJournal | undefined;
  readonly #buses = new Map<string, Bus>();
  readonly #listeners = new Set<EventListener>();
  readonly #idleWaiters: (() => void)[] = [];
  readonly #pendingRetries = new Map<NodeJS.Timeout, () => void>();
  #inFlight = 0;
  #closed = false;

  constructor(options: LocalEventBusOptions) {
    this.#region = options.region;
    this.#accountId = options.accountId;
    this.#log = options.log;
    this.#retryPolicy = { ...AWS_RETRY_POLICY, ...options.retryPolicy };
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#deadLetterQueues = options.deadLetterQueues;
    this.#rejectUnknownBus = options.unknownBus === 'reject';
    this.#journal =
      options.journalPath === undefined ? undefined : new EventJournal(options.journalPath, this.#log);
    this.createEventBus(DEFAULT_BUS);
    for (const name of options.buses ?? []) this.createEventBus(name);
  }

  /** Creates a custom bus; returns its ARN. */
  createEventBus(name: string): string {
    if (this.#buses.has(name)) {
      throw new EventBridgeApiError('ResourceAlreadyExistsException', `Event bus ${name} already exists.`);
    }
    if (!/^[/.\-_A-Za-z0-9]{1,256}$/.test(name)) {
      throw new EventBridgeApiError('ValidationException', `Event bus name ${name} is not valid.`);
    }
    const arn = `arn:aws:events:${this.#region}:${this.#accountId}:event-bus/${name}`;
    this.#buses.set(name, { name, arn, createdAt: new Date(), rules: new Map() });
    return arn;
  }

  /** Creates or replaces a rule's pattern (its targets stay, as with PutRule); returns its ARN. */
  putRule(busName: string, name: string, pattern: unknown, options: { description?: string } = {}): string {
    const bus = this.#bus(busName);
    const validation = validateEventPattern(pattern);
    if (!validation.ok) {
      throw new EventBridgeApiError(
        'InvalidEventPatternException',
        `Event pattern is not valid. Reason: ${validation.reason}`,
      );
    }
    const arn = `arn:aws:events:${this.#region}:${this.#accountId}:rule/${
      bus.name === DEFAULT_BUS ? name : `${bus.name}/${name}`
    }`;
    const existing = bus.rules.get(name);
    bus.rules.set(name, {
      name,
      arn,
      pattern: structuredClone(pattern as Record<string, unknown>),
      description: options.description,
      targets: existing?.targets ?? new Map(),
    });
    return arn;
  }

  /** Adds a target to a rule, replacing one with the same id (PutTargets semantics). */
  addTarget(busName: string, ruleName: string, target: EventTarget): void {
    this.#rule(this.#bus(busName), ruleName).targets.set(target.id, target);
  }

  putEvents(entries: readonly PutEventsEntry[]): PutEventsResult {
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_ENTRIES) {
      throw new EventBridgeApiError(
        'ValidationException',
        "1 validation error detected: Value at 'entries' failed to satisfy constraint: " +
          `Member must have length between 1 and ${MAX_ENTRIES}`,
      );
    }
    const results = entries.map((entry) => this.#otherAccount(entry) ?? this.#putEntry(entry));
    return { FailedEntryCount: results.filter((r) => r.ErrorCode !== undefined).length, Entries: results };
  }

  /**
   * PutEvents as a client calls it over the wire: as on AWS, the request's entries may total
   * 256 KiB at most, and sources starting with `aws.` belong to AWS services (this emulator's own
   * events, such as Step Functions status changes, come through putEvents directly).
   */
  #putEventsFromClient(entries: readonly PutEventsEntry[]): PutEventsResult {
    if (
      entries.reduce((sum, entry) => sum + (isJsonObject(entry) ? entrySize(entry) : 0), 0) > MAX_ENTRY_BYTES
    ) {
      throw new EventBridgeApiError(
        'ValidationException',
        'Total size of the entries in the request is over the limit.',
      );
    }
    const reserved = (entry: PutEventsEntry) =>
      isJsonObject(entry) && typeof entry.Source === 'string' && entry.Source.startsWith('aws.');
    const wellSized = entries.length >= 1 && entries.length <= MAX_ENTRIES;
    if (!wellSized || !entries.some(reserved)) return this.putEvents(entries);
    const results = entries.map((entry) =>
      reserved(entry)
        ? { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' }
        : (this.putEvents([entry]).Entries[0] as PutEventsResultEntry),
    );
    return { FailedEntryCount: results.filter((r) => r.ErrorCode !== undefined).length, Entries: results };
  }

  /**
   * Starts the deliveries a previous run accepted but had not finished (from the journal): call it
   * once the rules and targets exist again. A delivery whose rule or target does not exist stays in
   * the journal for the next start.
   */
  deliverOwed(): void {
    if (this.#closed) return;
    let count = 0;
    for (const { bus: busName, event, deliveries } of this.#journal?.takeOwed() ?? []) {
      for (const delivery of deliveries) {
        const bus = this.#findBus(busName);
        const rule = bus?.rules.get(delivery.rule);
        const target = rule?.targets.get(delivery.target);
        if (bus === undefined || rule === undefined || target === undefined) {
          this.#log(
            `event-bus: event ${event.id} is owed to ${busName}/${delivery.rule}/${delivery.target}, ` +
              'which does not exist; it stays in the journal for the next start',
          );
          continue;
        }
        this.#schedule(bus, rule, target, event);
        count++;
      }
    }
    if (count > 0) this.#log(`event-bus: delivering ${count} owed deliveries from the journal`);
  }

  /** Subscribes to accepted events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once no delivery (attempt, pending retry or dead letter) is in flight. */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Stops accepting events; deliveries waiting for a retry are dead-lettered (so nothing is lost
   * silently), or with a journal stay owed for the next start, and running attempts are awaited.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const [timer, wake] of this.#pendingRetries) {
      clearTimeout(timer);
      wake();
    }
    this.#pendingRetries.clear();
    await this.idle();
    this.#journal?.close();
  }

  /** The AWS JSON 1.1 protocol (X-Amz-Target `AWSEvents.*`), for the edge. */
  handle(target: string, body: unknown): ServiceReply {
    const input: Record<string, unknown> = isJsonObject(body) ? body : {};
    try {
      return { status: 200, body: this.#operation(target, input) };
    } catch (error) {
      if (!(error instanceof EventBridgeApiError)) throw error;
      return awsJsonError(error.code, error.message);
    }
  }

  #operation(target: string, input: Record<string, unknown>): unknown {
    switch (target) {
      case 'AWSEvents.PutEvents':
        return this.#putEventsFromClient(
          Array.isArray(input.Entries) ? (input.Entries as PutEventsEntry[]) : [],
        );
      case 'AWSEvents.TestEventPattern':
        return { Result: testEventPattern(input.Event, input.EventPattern) };
      case 'AWSEvents.ListRules':
        return this.#listRules(input);
      case 'AWSEvents.DescribeRule': {
        const bus = this.#bus(optionalString(input.EventBusName) ?? DEFAULT_BUS);
        const rule = this.#rule(bus, optionalString(input.Name) ?? '');
        return { ...describeRule(bus, rule), CreatedBy: this.#accountId };
      }
      case 'AWSEvents.ListEventBuses': {
        const prefix = optionalString(input.NamePrefix) ?? '';
        const buses = [...this.#buses.values()].filter((bus) => bus.name.startsWith(prefix));
        return { EventBuses: buses.map(describeBus) };
      }
      case 'AWSEvents.DescribeEventBus':
        return describeBus(this.#bus(optionalString(input.Name) ?? DEFAULT_BUS));
      case 'AWSEvents.CreateEventBus':
        return { EventBusArn: this.createEventBus(optionalString(input.Name) ?? '') };
      default:
        throw new EventBridgeApiError(
          'UnknownOperationException',
          `Operation ${target} is not supported locally`,
        );
    }
  }

  #listRules(input: Record<string, unknown>): unknown {
    const bus = this.#bus(optionalString(input.EventBusName) ?? DEFAULT_BUS);
    const prefix = optionalString(input.NamePrefix) ?? '';
    const limit = typeof input.Limit === 'number' && input.Limit > 0 ? input.Limit : 100;
    const start = Number(optionalString(input.NextToken) ?? '0') || 0;
    const rules = [...bus.rules.values()]
      .filter((rule) => rule.name.startsWith(prefix))
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = rules.slice(start, start + limit);
    const next = start + limit < rules.length ? String(start + limit) : undefined;
    return { Rules: page.map((rule) => describeRule(bus, rule)), ...(next ? { NextToken: next } : {}) };
  }

  /** The bus by name or ARN; the API operations fail with ResourceNotFoundException without it. */
  #bus(nameOrArn: string): Bus {
    const bus = this.#findBus(nameOrArn);
    if (!bus) {
      throw new EventBridgeApiError(
        'ResourceNotFoundException',
        `Event bus ${nameOfBus(nameOrArn)} does not exist.`,
      );
    }
    return bus;
  }

  /**
   * The bus by name or ARN, if it exists (PutEvents decides itself what a missing bus means). An
   * ARN names one of these buses only with this emulator's account and region.
   */
  #findBus(nameOrArn: string): Bus | undefined {
    const arn = busArnParts(nameOrArn);
    if (arn === undefined) return this.#buses.get(nameOrArn);
    return arn.region === this.#region && arn.account === this.#accountId
      ? this.#buses.get(arn.name)
      : undefined;
  }

  /**
   * An entry for a bus ARN of another account: that account's bus policy would have to let this one
   * put events, and there is no other account here. AWS documents no exact per-entry answer for
   * this; the entry fails with AccessDeniedException in IAM's wording (PutEvents itself succeeds).
   */
  #otherAccount(entry: PutEventsEntry): PutEventsResultEntry | undefined {
    const name = isJsonObject(entry) ? entry.EventBusName : undefined;
    const arn = typeof name === 'string' ? busArnParts(name) : undefined;
    if (arn === undefined || arn.account === this.#accountId) return undefined;
    return {
      ErrorCode: 'AccessDeniedException',
      ErrorMessage:
        `User: arn:aws:iam::${this.#accountId}:root is not authorized to perform: events:PutEvents on ` +
        `resource: ${name} because no resource-based policy allows the events:PutEvents action`,
    };
  }

  #rule(bus: Bus, name: string): Rule {
    const rule = bus.rules.get(name);
    if (!rule) {
      throw new EventBridgeApiError(
        'ResourceNotFoundException',
        `Rule ${name} does not exist on EventBus ${bus.name}.`,
      );
    }
    return rule;
  }

  #putEntry(entry: PutEventsEntry): PutEventsResultEntry {
    const checked = checkEntry(entry);
    if ('error' in checked) return checked.error;
    if (this.#closed) return { ErrorCode: 'InternalFailure', ErrorMessage: 'The local event bus is closed.' };
    const name = entry.EventBusName || DEFAULT_BUS;
    const bus = this.#findBus(name);
    if (bus === undefined) {
      if (this.#rejectUnknownBus) {
        return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${name} does not exist.` };
      }
      const id = randomUUID();
      this.#log(`event-bus: event ${id} for unknown bus ${name} accepted and dropped, as AWS does`);
      return { EventId: id };
    }
    const event: EventBridgeEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: this.#accountId,
      time: awsTime(checked.time ?? new Date()),
      region: this.#region,
      resources: [...(entry.Resources ?? [])],
      detail: checked.detail,
    };
    this.#route(bus, event);
    return { EventId: event.id };
  }

  #route(bus: Bus, event: EventBridgeEvent): void {
    const rules = [...bus.rules.values()].filter((rule) => matchesEventPattern(rule.pattern, event));
    const deliveries = rules.flatMap((rule) =>
      [...rule.targets.values()].map((target) => ({ rule, target })),
    );
    // Written before PutEvents answers: from here on, what the event owes survives the process.
    this.#journal?.accept(bus.name, event, deliveries.map(deliveryOf));
    for (const listener of this.#listeners) {
      try {
        listener(structuredClone(event), { bus: bus.name, rules: rules.map((rule) => rule.name) });
      } catch (error) {
        this.#log(`event-bus: an event listener failed: ${describeError(error)}`);
      }
    }
    for (const { rule, target } of deliveries) this.#schedule(bus, rule, target, event);
  }

  #schedule(bus: Bus, rule: Rule, target: EventTarget, event: EventBridgeEvent): void {
    this.#inFlight++;
    // Never inside PutEvents: the caller gets its answer before any target runs.
    setImmediate(() => {
      void this.#deliver(bus, rule, target, event).finally(() => this.#settle());
    });
  }

  async #deliver(bus: Bus, rule: Rule, target: EventTarget, event: EventBridgeEvent): Promise<void> {
    const where = `${rule.name}/${target.id}`;
    const policy = { ...this.#retryPolicy, ...target.retryPolicy };
    const maxAttempts = Math.max(0, policy.maximumRetryAttempts) + 1;
    const deadline = Date.now() + policy.maximumEventAgeSeconds * 1000;
    const done = () => this.#markDone(event, { rule: rule.name, target: target.id });
    const giveUp = async (attempts: number, condition: ExhaustedRetryCondition, failure: unknown) => {
      this.#deadLetter({ bus, rule, target, event, attempts, condition, failure });
      done();
    };
    // Closing with a journal: the delivery stays owed and the next start makes it.
    const stop = (attempts: number, failure: unknown) => {
      if (this.#journal === undefined) return giveUp(attempts, 'EventBusClosed', failure);
      this.#log(`event-bus: ${where} of event ${event.id} stays in the journal for the next start`);
    };
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        // Each attempt gets its own copy, as each delivery over the wire would.
        await target.invoke(structuredClone(event));
        done();
        return;
      } catch (error) {
        failure = error;
      }
      if (this.#closed) return stop(attempt, failure);
      if (attempt >= maxAttempts) return giveUp(attempt, 'MaximumRetryAttempts', failure);
      const left = deadline - Date.now();
      if (left <= 0) return giveUp(attempt, 'MaximumEventAgeInSeconds', failure);
      // The last attempt falls at the end of the window rather than after it.
      const delay = Math.min(this.#delay(attempt), left);
      this.#log(
        `event-bus: ${where} attempt ${attempt}/${maxAttempts} failed for event ${event.id}: ` +
          `${describeError(failure)}; retrying in ${delay} ms`,
      );
      if (!(await this.#sleep(delay))) {
        return stop(attempt, new EventBusClosedError('The event bus closed before the retry'));
      }
    }
  }

  /**
   * The wait after the `attempt`th failure: exponential, capped, with "equal jitter" (between half and
   * all of it) so that many failing deliveries do not retry in lockstep, yet each wait still grows.
   */
  #delay(attempt: number): number {
    const { initialDelayMs, maxDelayMs } = this.#backoff;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** Resolves true after `ms`, or false as soon as the bus closes. */
  #sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pendingRetries.delete(timer);
        resolve(true);
      }, ms);
      this.#pendingRetries.set(timer, () => resolve(false));
    });
  }

  /**
   * Sends the event to the target's dead-letter queue as EventBridge does: the event JSON as the
   * body, the reason in message attributes; without a queue the event is dropped, as on AWS.
   */
  #deadLetter(given: {
    bus: Bus;
    rule: Rule;
    target: EventTarget;
    event: EventBridgeEvent;
    attempts: number;
    condition: ExhaustedRetryCondition;
    failure: unknown;
  }): void {
    const { bus, rule, target, event, attempts, condition, failure } = given;
    // The detail may hold personal data: log lines name the event, only the queue keeps it.
    const gaveUp =
      `event-bus: gave up on event ${event.id} (${event.source} ${event['detail-type']}) for ` +
      `${rule.name}/${target.id} on ${bus.name} after ${attempts} attempt(s) (${condition}): ${describeError(failure)}`;
    const queueArn = target.deadLetterQueueArn;
    if (queueArn === undefined) {
      this.#log(`${gaveUp}; dropped, the target has no dead-letter queue`);
      return;
    }
    if (this.#deadLetterQueues === undefined) {
      this.#log(`${gaveUp}; dropped, the bus has no SQS for dead-letter queue ${queueArn}`);
      return;
    }
    try {
      this.#deadLetterQueues.send(queueArn, JSON.stringify(event), {
        RULE_ARN: text(rule.arn),
        TARGET_ARN: text(target.arn ?? target.id),
        // ERROR_FROM_TARGET: the target itself failed (AWS's code when a target returns an error).
        ERROR_CODE: text(failure instanceof EventBusClosedError ? 'INTERNAL_ERROR' : 'ERROR_FROM_TARGET'),
        ERROR_MESSAGE: text(describeError(failure)),
        EXHAUSTED_RETRY_CONDITION: text(condition),
        RETRY_ATTEMPTS: text(String(attempts - 1)),
      });
      this.#log(`${gaveUp}; sent to dead-letter queue ${queueArn}`);
    } catch (error) {
      this.#log(`${gaveUp}; dropped, dead-letter queue ${queueArn} refused it: ${describeError(error)}`);
    }
  }

  /** A journal that cannot be written is logged: the delivery is then made again on the next start. */
  #markDone(event: EventBridgeEvent, delivery: Delivery): void {
    try {
      this.#journal?.done(event.id, delivery);
    } catch (error) {
      this.#log(`event-bus: could not mark event ${event.id} done in the journal: ${describeError(error)}`);
    }
  }

  #settle(): void {
    this.#inFlight--;
    if (this.#inFlight > 0) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }
}

/** An acceptable entry's parsed Detail and Time (undefined: none given), or why it is not acceptable. */
type CheckedEntry = { detail: JsonObject; time: Date | undefined } | { error: PutEventsResultEntry };

/** A string message attribute, as EventBridge sets on dead letters. */
function text(value: string) {
  return { DataType: 'String', StringValue: value };
}

/** An event bus ARN's parts; undefined for a plain name. */
function busArnParts(nameOrArn: string): { region: string; account: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:events:([^:]*):(\d{12}):event-bus\/(.+)$/.exec(nameOrArn);
  return match
    ? { region: match[1] as string, account: match[2] as string, name: match[3] as string }
    : undefined;
}

function deliveryOf({ rule, target }: { rule: Rule; target: EventTarget }): Delivery {
  return { rule: rule.name, target: target.id };
}

/** A bus's name, from its name or its ARN. */
function nameOfBus(nameOrArn: string): string {
  const marker = nameOrArn.startsWith('arn:') ? nameOrArn.indexOf(':event-bus/') : -1;
  return marker === -1 ? nameOrArn : nameOrArn.slice(marker + ':event-bus/'.length);
}

/** Entry checks in AWS's order and wording; what they parse is kept for the event. */
function checkEntry(entry: PutEventsEntry): CheckedEntry {
  const error = (result: PutEventsResultEntry) => ({ error: result });
  if (!isJsonObject(entry)) return error(invalidArgument('Entry', 'Entry is not an object.'));
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    const value = entry[field];
    if (typeof value !== 'string' || value === '') {
      return error(invalidArgument(field, `${field} is a required argument.`));
    }
  }
  const detail = parseJson(entry.Detail as string)?.value;
  if (!isJsonObject(detail))
    return error({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
  const time = entry.Time === undefined ? undefined : toDate(entry.Time);
  if (entry.Time !== undefined && time === undefined) {
    return error(invalidArgument('Time', 'Time is not a valid timestamp.'));
  }
  if (entry.EventBusName !== undefined && typeof entry.EventBusName !== 'string') {
    return error(invalidArgument('EventBusName', 'EventBusName must be a string.'));
  }
  const resources = entry.Resources ?? [];
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) {
    return error(invalidArgument('Resources', 'Resources must be a list of strings.'));
  }
  if (entrySize(entry) > MAX_ENTRY_BYTES) {
    return error({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: 'Total size of the entries in the request is over the limit.',
    });
  }
  return { detail, time };
}

function invalidArgument(parameter: string, reason: string): PutEventsResultEntry {
  return {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
  };
}

function entrySize(entry: PutEventsEntry): number {
  const bytes = (text: string | undefined) => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));
  return (
    (entry.Time === undefined ? 0 : TIME_BYTES) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'];

/** TestEventPattern: both arguments are JSON text, as on the wire. */
function testEventPattern(eventText: unknown, patternText: unknown): boolean {
  const pattern = parseJsonText(patternText);
  const validation = validateEventPattern(pattern);
  if (!validation.ok) {
    throw new EventBridgeApiError(
      'InvalidEventPatternException',
      `Event pattern is not valid. Reason: ${validation.reason}`,
    );
  }
  const event = parseJsonText(eventText);
  if (!isJsonObject(event) || !REQUIRED_EVENT_FIELDS.every((field) => Object.hasOwn(event, field))) {
    throw new EventBridgeApiError('InvalidEventPatternException', 'Parameter Event is not valid.');
  }
  return matchesEventPattern(pattern, event);
}

function describeRule(bus: Bus, rule: Rule) {
  return {
    Name: rule.name,
    Arn: rule.arn,
    EventPattern: JSON.stringify(rule.pattern),
    State: 'ENABLED',
    ...(rule.description === undefined ? {} : { Description: rule.description }),
    EventBusName: bus.name,
  };
}

function describeBus(bus: Bus) {
  // AWS JSON 1.1 sends timestamps as epoch seconds.
  const created = bus.createdAt.getTime() / 1000;
  return { Name: bus.name, Arn: bus.arn, CreationTime: created, LastModifiedTime: created };
}

/** EventBridge's `time`: ISO 8601 in UTC without milliseconds. */
function awsTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toDate(value: unknown): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number'
        ? new Date(value * 1000)
        : typeof value === 'string'
          ? new Date(value)
          : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date;
}

/** A JSON-text argument's value; undefined when it is not a string or not JSON. */
function parseJsonText(text: unknown): unknown {
  return typeof text === 'string' ? parseJson(text)?.value : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
