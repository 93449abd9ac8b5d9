import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { describeError, isJsonObject } from './aws-json.ts';
import type { EventBridgeEvent } from './event-bus.ts';

/**
 * The event bus's write-ahead journal: a JSON-lines file of accepted events with the deliveries
 * each owes (bus, rule, target), and of the deliveries that are done (delivered or dead-lettered).
 * An event is written before PutEvents answers, so a process killed after answering still knows
 * what it owes and delivers it on its next start (at least once).
 *
 * Each record is one write(2) on a file opened for appending: a killed process (kill -9) leaves
 * every written record in the kernel's page cache, so it reaches the file. There is no fsync: it
 * would cost 20 to 300 times the write and block the one event loop, and power loss is not what
 * this guards against (the emulator's other stores do not fsync either). A torn last line (power
 * loss, full disk) is skipped on reading.
 */

/** One delivery an accepted event owes. */
export interface Delivery {
  rule: string;
  target: string;
}

/** An accepted event and the deliveries it still owes. */
export interface OwedEvent {
  bus: string;
  event: EventBridgeEvent;
  deliveries: Delivery[];
}

type JournalRecord =
  | { kind: 'accepted'; bus: string; deliveries: Delivery[]; event: EventBridgeEvent }
  | { kind: 'done'; id: string; rule: string; target: string };

/** Below this many lines the file is never rewritten; above it, once half its lines are no longer needed. */
const COMPACT_MIN_LINES = 1000;

export class EventJournal {
  readonly #path: string;
  readonly #log: (line: string) => void;
  /** What is still owed, by event id; a delivery's key is `rule` NUL `target`. */
  readonly #owed = new Map<string, { bus: string; event: EventBridgeEvent; keys: Set<string> }>();
  readonly #loaded: OwedEvent[];
  /** Undefined once closed: a closed descriptor's number may belong to another file by then. */
  #fd: number | undefined;
  #lines = 0;

  /** Reads what a previous run still owed (see `takeOwed`) and rewrites the file with only that. */
  constructor(path: string, log: (line: string) => void) {
    this.#path = path;
    this.#log = log;
    if (existsSync(path)) this.#read();
    this.#loaded = this.#owedEvents();
    this.#fd = this.#rewrite();
  }

  /** The deliveries owed when the journal was opened; empty after the first call. */
  takeOwed(): OwedEvent[] {
    return this.#loaded.splice(0);
  }

  /** Records an accepted event and what it owes; returns once the record is written. */
  accept(bus: string, event: EventBridgeEvent, deliveries: readonly Delivery[]): void {
    if (deliveries.length === 0) return;
    this.#append({ kind: 'accepted', bus, deliveries: [...deliveries], event });
    this.#owed.set(event.id, { bus, event, keys: new Set(deliveries.map(keyOf)) });
  }

  /** Marks one delivery done; rewrites the file when most of it is done. */
  done(eventId: string, delivery: Delivery): void {
    const entry = this.#owed.get(eventId);
    if (entry === undefined || !entry.keys.delete(keyOf(delivery))) return;
    if (entry.keys.size === 0) this.#owed.delete(eventId);
    this.#append({ kind: 'done', id: eventId, ...delivery });
    if (this.#lines >= COMPACT_MIN_LINES && this.#lines >= 2 * this.#owed.size) {
      this.close();
      this.#fd = this.#rewrite();
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #append(record: JournalRecord): void {
    if (this.#fd === undefined) throw new Error(`The event journal ${this.#path} is closed`);
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    this.#lines += 1;
  }

  #read(): void {
    const lines = readFileSync(this.#path, 'utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      if (line === '') continue;
      const record = parseRecord(line);
      if (record === undefined) {
        this.#log(`event-bus: journal line ${index + 1} is unreadable (a torn write?); skipped`);
        continue;
      }
      if (record.kind === 'accepted') {
        const keys = new Set(record.deliveries.map(keyOf));
        this.#owed.set(record.event.id, { bus: record.bus, event: record.event, keys });
        continue;
      }
      const entry = this.#owed.get(record.id);
      entry?.keys.delete(keyOf(record));
      if (entry?.keys.size === 0) this.#owed.delete(record.id);
    }
  }

  #owedEvents(): OwedEvent[] {
    return [...this.#owed.values()].map(({ bus, event, keys }) => ({
      bus,
      event,
      deliveries: [...keys].map(deliveryOf),
    }));
  }

  /**
   * Replaces the file by one holding only what is owed (a temp file renamed over it, so a crash
   * leaves the old or the new file) and returns a descriptor appending to it. Owner-only, as the
   * events hold whatever their producers put in them.
   */
  #rewrite(): number {
    const owed = this.#owedEvents();
    const text = owed
      .map(
        ({ bus, event, deliveries }) => `${JSON.stringify({ kind: 'accepted', bus, deliveries, event })}\n`,
      )
      .join('');
    // One name: a temp file a kill left behind is overwritten by the next rewrite, not piled up.
    const temp = `${this.#path}.tmp`;
    try {
      writeFileSync(temp, text, { mode: 0o600 });
      renameSync(temp, this.#path);
    } catch (error) {
      throw new Error(`The event journal ${this.#path} could not be written: ${describeError(error)}`);
    }
    this.#lines = owed.length;
    return openSync(this.#path, 'a', 0o600);
  }
}

function keyOf(delivery: Delivery): string {
  return `${delivery.rule}\u0000${delivery.target}`;
}

function deliveryOf(key: string): Delivery {
  const [rule = '', target = ''] = key.split('\u0000');
  return { rule, target };
}

function parseRecord(line: string): JournalRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  if (value.kind === 'done' && typeof value.id === 'string') return value as unknown as JournalRecord;
  if (value.kind === 'accepted' && Array.isArray(value.deliveries) && isJsonObject(value.event)) {
    return value as unknown as JournalRecord;
  }
  return undefined;
}
