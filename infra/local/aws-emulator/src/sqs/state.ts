import type { MessageAttributes } from './md5.ts';

/**
 * What the local SQS holds, and every change to it as a record. A change is written to the journal
 * (with `persistDir`) and then applied by `applyChange`, the one function that mutates the state,
 * so that a restart replaying the journal ends where the running service was. Each record sets
 * what it names (a whole queue, a whole message, a message's receive state, a deletion): replaying
 * records over a state that already has them changes nothing, which makes compaction crash-safe.
 */

export interface StoredMessage {
  id: string;
  body: string;
  md5OfBody: string;
  attributes: MessageAttributes;
  /** MessageSystemAttributes (AWSTraceHeader). */
  systemAttributes: MessageAttributes;
  senderId: string;
  /** Epoch ms; retention counts from here, also after a move to another queue (as on AWS). */
  sentAt: number;
  /** Epoch ms before which nobody receives it: its delay, then each receive's visibility timeout. */
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** The latest receive's token: only the latest receipt handle deletes the message. */
  receipt?: string;
  /** The queue SQS moved it from (its RedrivePolicy), for DeadLetterQueueSourceArn. */
  deadLetterSourceArn?: string;
}

export interface QueueState {
  name: string;
  /** Epoch ms. */
  createdAt: number;
  lastModifiedAt: number;
  /** The settable attributes (defaults included), as strings as on the wire. */
  attributes: Record<string, string>;
  /** In send order. */
  messages: Map<string, StoredMessage>;
}

/** A local move finishes before StartMessageMoveTask answers: never RUNNING. */
export type MoveTaskStatus = 'COMPLETED' | 'FAILED';

export interface MoveTask {
  handle: string;
  sourceArn: string;
  destinationArn?: string;
  maxNumberOfMessagesPerSecond?: number;
  startedAt: number;
  status: MoveTaskStatus;
  moved: number;
  toMove: number;
  failureReason?: string;
}

export interface SqsState {
  queues: Map<string, QueueState>;
  /** Oldest first. */
  tasks: MoveTask[];
}

export type ReceiveState = Pick<StoredMessage, 'visibleAt' | 'receiveCount' | 'firstReceivedAt' | 'receipt'>;

export type Change =
  /** A queue created, or its attributes set. */
  | {
      op: 'queue';
      name: string;
      createdAt: number;
      lastModifiedAt: number;
      attributes: Record<string, string>;
    }
  | { op: 'deleteQueue'; name: string }
  /** A message sent (or moved in from another queue). */
  | { op: 'send'; queue: string; message: StoredMessage }
  /** A message received, or its visibility changed. */
  | ({ op: 'receive'; queue: string; id: string } & ReceiveState)
  | { op: 'delete'; queue: string; id: string }
  | { op: 'purge'; queue: string }
  | { op: 'task'; task: MoveTask };

export function emptyState(): SqsState {
  return { queues: new Map(), tasks: [] };
}

export function applyChange(state: SqsState, change: Change): void {
  switch (change.op) {
    case 'queue': {
      const existing = state.queues.get(change.name);
      state.queues.set(change.name, {
        name: change.name,
        createdAt: change.createdAt,
        lastModifiedAt: change.lastModifiedAt,
        attributes: { ...change.attributes },
        messages: existing?.messages ?? new Map(),
      });
      return;
    }
    case 'deleteQueue':
      state.queues.delete(change.name);
      return;
    case 'send':
      state.queues.get(change.queue)?.messages.set(change.message.id, structuredClone(change.message));
      return;
    case 'receive': {
      const message = state.queues.get(change.queue)?.messages.get(change.id);
      if (message === undefined) return;
      message.visibleAt = change.visibleAt;
      message.receiveCount = change.receiveCount;
      setOptional(message, 'firstReceivedAt', change.firstReceivedAt);
      setOptional(message, 'receipt', change.receipt);
      return;
    }
    case 'delete':
      state.queues.get(change.queue)?.messages.delete(change.id);
      return;
    case 'purge':
      state.queues.get(change.queue)?.messages.clear();
      return;
    case 'task': {
      const at = state.tasks.findIndex((task) => task.handle === change.task.handle);
      if (at === -1) state.tasks.push({ ...change.task });
      else state.tasks[at] = { ...change.task };
      return;
    }
  }
}

function setOptional<K extends 'firstReceivedAt' | 'receipt'>(
  message: StoredMessage,
  key: K,
  value: StoredMessage[K] | undefined,
): void {
  if (value === undefined) delete message[key];
  else message[key] = value;
}
