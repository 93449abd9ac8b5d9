import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyChange,
  type Change,
  emptyState,
  type QueueState,
  type SqsState,
  type StoredMessage,
} from './state.ts';

/**
 * Where the local SQS keeps its queues and messages with `persistDir`: an append-only journal of
 * changes (`journal.jsonl`), folded into a snapshot (`state.json`) at start and whenever the journal
 * grows long. An append log rather than rewriting a snapshot per change: a receive or a delete then
 * writes one short line instead of every message in the queue. Each change is written, with a
 * synchronous append, before it is applied and before the request is answered, so a `kill -9`
 * loses nothing that was answered (the write is in the kernel; only a power cut could lose it).
 * A line cut short by a kill while being written is the journal's last and is skipped on replay.
 * The snapshot is written to a temporary file and renamed over the old one, then the journal is
 * emptied; replaying a journal over a snapshot that already holds it changes nothing (see state.ts).
 */

const SNAPSHOT = 'state.json';
const JOURNAL = 'journal.jsonl';
/** Journal lines after which the next change compacts it into the snapshot. */
const COMPACT_AFTER = 10_000;

interface Snapshot {
  queues: (Omit<QueueState, 'messages'> & { messages: StoredMessage[] })[];
  tasks: SqsState['tasks'];
}

export class SqsStore {
  readonly #dir: string | undefined;
  #lines = 0;

  /** Without a directory nothing is written. */
  constructor(dir?: string) {
    this.#dir = dir;
  }

  /** The persisted state (empty without a directory), compacted. */
  load(): SqsState {
    const dir = this.#dir;
    if (dir === undefined) return emptyState();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const state = readSnapshot(join(dir, SNAPSHOT));
    const journal = join(dir, JOURNAL);
    if (existsSync(journal)) {
      const lines = readFileSync(journal, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        let change: Change;
        try {
          change = JSON.parse(line) as Change;
        } catch (error) {
          // Only a last line without its newline can be cut short (a kill while appending).
          if (index === lines.length - 1) return;
          throw new Error(`${journal}: line ${index + 1} is not JSON`, { cause: error });
        }
        applyChange(state, change);
      });
    }
    this.#compact(state);
    return state;
  }

  /** Writes the changes (before anything else sees them), then applies them to `state`. */
  commit(state: SqsState, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    if (this.#dir !== undefined) {
      appendFileSync(
        join(this.#dir, JOURNAL),
        changes.map((change) => `${JSON.stringify(change)}\n`).join(''),
        {
          mode: 0o600,
        },
      );
      this.#lines += changes.length;
    }
    for (const change of changes) applyChange(state, change);
    if (this.#lines > COMPACT_AFTER) this.#compact(state);
  }

  #compact(state: SqsState): void {
    const dir = this.#dir;
    if (dir === undefined) return;
    const snapshot: Snapshot = {
      queues: [...state.queues.values()].map((queue) => ({
        ...queue,
        messages: [...queue.messages.values()],
      })),
      tasks: state.tasks,
    };
    const file = join(dir, SNAPSHOT);
    writeFileSync(`${file}.tmp`, JSON.stringify(snapshot), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    writeFileSync(join(dir, JOURNAL), '', { mode: 0o600 });
    this.#lines = 0;
  }
}

function readSnapshot(file: string): SqsState {
  const state = emptyState();
  if (!existsSync(file)) return state;
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  for (const queue of snapshot.queues) {
    state.queues.set(queue.name, {
      ...queue,
      messages: new Map(queue.messages.map((message) => [message.id, message])),
    });
  }
  state.tasks = snapshot.tasks;
  return state;
}
