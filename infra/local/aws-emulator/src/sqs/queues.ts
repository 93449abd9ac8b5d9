import type { JsonObject } from '../aws-json.ts';
import { queueDoesNotExist } from './errors.ts';
import { requiredString } from './requests.ts';
import type { Change, QueueState, SqsState } from './state.ts';
import { SqsStore } from './store.ts';

/**
 * What every SQS operation works on: the queues (state.ts), their names, URLs and ARNs, the clock,
 * the one way to change them (`commit`: journal first, then the state), and the long polls waiting
 * for a queue to get a message.
 */

export interface QueuesOptions {
  region: string;
  accountId: string;
  /** The edge's URL (known once it listens): the base of queue URLs. */
  endpoint: () => string;
  /** Keeps queues and messages here across restarts. */
  persistDir?: string;
  /** Epoch milliseconds; tests move it forward to expire messages. */
  now?: () => number;
}

export class Queues {
  readonly accountId: string;
  readonly now: () => number;
  readonly state: SqsState;
  /** When each queue was last purged (AWS allows one PurgeQueue a minute). */
  readonly purgedAt = new Map<string, number>();
  readonly #region: string;
  readonly #endpoint: () => string;
  readonly #store: SqsStore;
  /** Long polls waiting on a queue, by queue name: each is woken when the queue may have a message. */
  readonly #waiters = new Map<string, Set<() => void>>();
  #closed = false;

  constructor(options: QueuesOptions) {
    this.accountId = options.accountId;
    this.now = options.now ?? Date.now;
    this.#region = options.region;
    this.#endpoint = options.endpoint;
    this.#store = new SqsStore(options.persistDir);
    this.state = this.#store.load();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Writes the changes to the journal, then applies them: the only way anything changes. */
  commit(changes: readonly Change[]): void {
    this.#store.commit(this.state, changes);
  }

  arnOf(name: string): string {
    return `arn:aws:sqs:${this.#region}:${this.accountId}:${name}`;
  }

  urlOf(name: string): string {
    return `${this.#endpoint()}/${this.accountId}/${name}`;
  }

  byName(name: string): QueueState | undefined {
    return this.state.queues.get(name);
  }

  byArn(arn: string): QueueState | undefined {
    const prefix = this.arnOf('');
    return arn.startsWith(prefix) ? this.byName(arn.slice(prefix.length)) : undefined;
  }

  /** `<any host>/<account>/<name>`: the account must be this one. */
  byUrl(url: string): QueueState | undefined {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    const [account, name, ...rest] = path.split('/').filter((part) => part !== '');
    if (account !== this.accountId || name === undefined || rest.length > 0) return undefined;
    return this.byName(name);
  }

  /** The request's QueueUrl, which must exist. */
  required(input: JsonObject): QueueState {
    const queue = this.byUrl(requiredString(input, 'QueueUrl'));
    if (queue === undefined) throw queueDoesNotExist();
    return queue;
  }

  /** Drops the messages past the queue's retention period; returns the time it used. */
  expire(queue: QueueState): number {
    const now = this.now();
    const retention = Number(queue.attributes.MessageRetentionPeriod) * 1000;
    const expired = [...queue.messages.values()].filter((message) => message.sentAt + retention <= now);
    this.commit(expired.map((message) => ({ op: 'delete', queue: queue.name, id: message.id })));
    return now;
  }

  /** Resolves when the queue may have a message for a long poll: one arrives, one becomes visible, or `deadline`. */
  waitForMessages(queue: QueueState, deadline: number): Promise<void> {
    const now = this.now();
    let until = deadline;
    for (const message of queue.messages.values()) {
      if (message.visibleAt > now) until = Math.min(until, message.visibleAt);
    }
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(queue.name) ?? new Set();
      this.#waiters.set(queue.name, waiters);
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0) this.#waiters.delete(queue.name);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, until - now));
      waiters.add(wake);
    });
  }

  /** Wakes the long polls on a queue that may now have a message (or no longer exists). */
  wake(queueName: string): void {
    for (const wake of this.#waiters.get(queueName) ?? []) wake();
  }

  /** Answers every waiting long poll; later ones answer at once. */
  close(): void {
    this.#closed = true;
    for (const name of [...this.#waiters.keys()]) this.wake(name);
  }
}
