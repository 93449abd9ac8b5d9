import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject, type ServiceReply } from '../aws-json.ts';
import {
  batchRequestTooLong,
  invalidAttributeName,
  invalidParameterValue,
  missingParameter,
  purgeQueueInProgress,
  queueDoesNotExist,
  queueNameExists,
  receiptHandleIsInvalid,
  SqsError,
  unsupportedOperation,
} from './errors.ts';
import { type MessageAttributes, md5OfAttributes, md5OfBody } from './md5.ts';
import {
  type CheckedMessage,
  checkMessage,
  entrySize,
  readReceiptHandle,
  receiptHandle,
  receivedMessage,
} from './messages.ts';
import { listMoveTasks, startMoveTask } from './move-tasks.ts';
import {
  checkAttributes,
  DEFAULT_ATTRIBUTES,
  firstDifference,
  isKnownAttribute,
  type READ_ONLY_ATTRIBUTES,
  redrivePolicyOf,
  withChanges,
} from './queue-attributes.ts';
import { batchEntries, optionalInteger, optionalString, requiredString, stringList } from './requests.ts';
import type { Change, QueueState, SqsState, StoredMessage } from './state.ts';
import { SqsStore } from './store.ts';

/**
 * A local SQS (standard queues) behind the edge, over AWS JSON 1.0 (X-Amz-Target `AmazonSQS.*`),
 * as the AWS SDK v3 and the AWS CLI send it. Queue URLs are `<edge URL>/<account>/<name>`; any
 * host is accepted in a QueueUrl, so URLs stay valid when the edge's port changes. With a
 * directory, queues and messages survive restarts (store.ts).
 */

export interface LocalSqsOptions {
  region: string;
  accountId: string;
  /** The edge's URL (known once it listens): the base of queue URLs. */
  endpoint: () => string;
  /** Keeps queues and messages here across restarts. */
  persistDir?: string;
  /** Epoch milliseconds; tests move it forward to expire messages. */
  now?: () => number;
}

/** A message as `messages()` shows it. */
export interface QueueMessage {
  messageId: string;
  body: string;
  attributes: MessageAttributes;
  sentTimestamp: number;
  receiveCount: number;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const MAX_LIST_RESULTS = 1000;
const MAX_BATCH_BYTES = 1_048_576;
const PURGE_INTERVAL_MS = 60_000;
const MAX_VISIBILITY_TIMEOUT = 43_200;

export class LocalSqs {
  readonly #region: string;
  readonly #accountId: string;
  readonly #endpoint: () => string;
  readonly #now: () => number;
  readonly #store: SqsStore;
  readonly #state: SqsState;
  /** Long polls waiting on a queue, by queue name: each is woken when the queue may have a message. */
  readonly #waiters = new Map<string, Set<() => void>>();
  readonly #purgedAt = new Map<string, number>();
  #closed = false;

  constructor(options: LocalSqsOptions) {
    this.#region = options.region;
    this.#accountId = options.accountId;
    this.#endpoint = options.endpoint;
    this.#now = options.now ?? Date.now;
    this.#store = new SqsStore(options.persistDir);
    this.#state = this.#store.load();
  }

  /** Creates the queue, or returns the existing one if the attributes given agree (CreateQueue). */
  createQueue(name: string, attributes: Record<string, string> = {}): { url: string; arn: string } {
    this.#createQueue({ QueueName: name, Attributes: attributes });
    return { url: this.#urlOf(name), arn: this.#arnOf(name) };
  }

  /**
   * Sends a message to the queue with this ARN, as another AWS service would (EventBridge's dead
   * letters); returns its id. Throws an SqsError (QueueDoesNotExist, a size limit…) when SQS would.
   */
  send(queueArn: string, body: string, attributes: MessageAttributes = {}): string {
    const queue = this.#queueByArn(queueArn);
    if (queue === undefined) throw queueDoesNotExist();
    const input = {
      MessageBody: body,
      MessageAttributes: structuredClone(attributes) as unknown as JsonObject,
    };
    return this.#sendChecked(queue, checkMessage(input, maxSizeOf(queue)));
  }

  /**
   * The messages a queue (by name, URL or ARN) holds now, received or not, without receiving them:
   * for tests and tools, which must not change what they look at. SQS itself has no such call.
   */
  messages(queue: string): QueueMessage[] {
    const found = this.#state.queues.get(queue) ?? this.#queueByArn(queue) ?? this.#queueByUrl(queue);
    if (found === undefined) throw queueDoesNotExist();
    this.#expire(found);
    return [...found.messages.values()].map((message) => ({
      messageId: message.id,
      body: message.body,
      attributes: structuredClone(message.attributes),
      sentTimestamp: message.sentAt,
      receiveCount: message.receiveCount,
    }));
  }

  /** Answers long polls still waiting (with no messages); nothing else needs stopping. */
  close(): void {
    this.#closed = true;
    for (const waiters of this.#waiters.values()) for (const wake of waiters) wake();
  }

  async handle(target: string, body: unknown): Promise<ServiceReply> {
    const input: JsonObject = isJsonObject(body) ? body : {};
    try {
      return { status: 200, body: await this.#operation(target, input) };
    } catch (error) {
      if (error instanceof SqsError) return error.reply();
      throw error;
    }
  }

  #operation(target: string, input: JsonObject): JsonObject | Promise<JsonObject> {
    switch (target) {
      case 'AmazonSQS.CreateQueue':
        return { QueueUrl: this.#urlOf(this.#createQueue(input)) };
      case 'AmazonSQS.GetQueueUrl':
        return this.#getQueueUrl(input);
      case 'AmazonSQS.ListQueues':
        return this.#listQueues(input);
      case 'AmazonSQS.DeleteQueue':
        return this.#deleteQueue(input);
      case 'AmazonSQS.GetQueueAttributes':
        return this.#getQueueAttributes(input);
      case 'AmazonSQS.SetQueueAttributes':
        return this.#setQueueAttributes(input);
      case 'AmazonSQS.SendMessage':
        return this.#sendMessage(input);
      case 'AmazonSQS.SendMessageBatch':
        return this.#sendMessageBatch(input);
      case 'AmazonSQS.ReceiveMessage':
        return this.#receiveMessage(input);
      case 'AmazonSQS.DeleteMessage':
        return this.#deleteMessage(input);
      case 'AmazonSQS.DeleteMessageBatch':
        return this.#deleteMessageBatch(input);
      case 'AmazonSQS.ChangeMessageVisibility':
        return this.#changeMessageVisibility(input);
      case 'AmazonSQS.PurgeQueue':
        return this.#purgeQueue(input);
      case 'AmazonSQS.StartMessageMoveTask':
        return startMoveTask(this.#moveTaskContext(), input);
      case 'AmazonSQS.ListMessageMoveTasks':
        return listMoveTasks(this.#moveTaskContext(), input);
      default:
        // No x-amzn-query-error: clients then take the error from __type, as for the other services.
        throw new UnknownOperation(`Operation ${target} is not supported by the local SQS`);
    }
  }

  // Queues

  /** Returns the queue's name. */
  #createQueue(input: JsonObject): string {
    const name = requiredString(input, 'QueueName');
    if (name.endsWith('.fifo')) throw unsupportedOperation('FIFO queues are not supported by the local SQS.');
    if (!QUEUE_NAME.test(name)) {
      throw invalidParameterValue(
        'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    const given = checkAttributes(input.Attributes, (arn) => this.#queueByArn(arn) !== undefined);
    const existing = this.#state.queues.get(name);
    if (existing !== undefined) {
      const different = firstDifference(existing.attributes, given);
      if (different !== undefined) throw queueNameExists(different);
      return name;
    }
    const now = this.#now();
    this.#commit([
      {
        op: 'queue',
        name,
        createdAt: now,
        lastModifiedAt: now,
        attributes: withChanges({ ...DEFAULT_ATTRIBUTES }, given),
      },
    ]);
    return name;
  }

  #getQueueUrl(input: JsonObject): JsonObject {
    const name = requiredString(input, 'QueueName');
    const owner = optionalString(input, 'QueueOwnerAWSAccountId');
    if ((owner !== undefined && owner !== this.#accountId) || !this.#state.queues.has(name)) {
      throw queueDoesNotExist();
    }
    return { QueueUrl: this.#urlOf(name) };
  }

  /** Sorted by name; with MaxResults, pages whose NextToken is the last URL returned (as AWS's). */
  #listQueues(input: JsonObject): JsonObject {
    const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
    const maxResults = optionalInteger(input, 'MaxResults', {
      min: 1,
      max: MAX_LIST_RESULTS,
      reason: `MaxResults must be an integer between 1 and ${MAX_LIST_RESULTS}.`,
    });
    const names = [...this.#state.queues.keys()].filter((name) => name.startsWith(prefix)).sort();
    const token = optionalString(input, 'NextToken');
    const after = token === undefined ? undefined : nameFromToken(token);
    const rest = after === undefined ? names : names.filter((name) => name > after);
    const page = rest.slice(0, maxResults ?? MAX_LIST_RESULTS);
    const urls = page.map((name) => this.#urlOf(name));
    const last = urls.at(-1);
    const more = maxResults !== undefined && rest.length > page.length && last !== undefined;
    if (urls.length === 0) return {};
    return { QueueUrls: urls, ...(more ? { NextToken: Buffer.from(last, 'utf8').toString('base64') } : {}) };
  }

  #deleteQueue(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    this.#commit([{ op: 'deleteQueue', name: queue.name }]);
    this.#wake(queue.name);
    return {};
  }

  #getQueueAttributes(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    const names = stringList(input, 'AttributeNames');
    for (const name of names) {
      if (name !== 'All' && !isKnownAttribute(name)) throw invalidAttributeName(name);
    }
    const all = this.#describeAttributes(queue);
    const wanted = names.includes('All') ? Object.keys(all) : names;
    const attributes = Object.fromEntries(
      wanted.filter((name) => all[name] !== undefined).map((name) => [name, all[name] as string]),
    );
    return Object.keys(attributes).length === 0 ? {} : { Attributes: attributes };
  }

  #describeAttributes(queue: QueueState): Record<string, string> {
    const now = this.#expire(queue);
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of queue.messages.values()) {
      if (message.visibleAt <= now) visible++;
      else if (message.receiveCount > 0) inFlight++;
      else delayed++;
    }
    const computed: Record<(typeof READ_ONLY_ATTRIBUTES)[number], string> = {
      QueueArn: this.#arnOf(queue.name),
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      // Epoch seconds, as AWS shows them.
      CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
      LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
    };
    return { ...queue.attributes, ...computed };
  }

  #setQueueAttributes(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    if (!isJsonObject(input.Attributes)) throw missingParameter('Attributes');
    const given = checkAttributes(input.Attributes, (arn) => this.#queueByArn(arn) !== undefined);
    this.#commit([
      {
        op: 'queue',
        name: queue.name,
        createdAt: queue.createdAt,
        lastModifiedAt: this.#now(),
        attributes: withChanges(queue.attributes, given),
      },
    ]);
    return {};
  }

  #purgeQueue(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    const now = this.#now();
    const last = this.#purgedAt.get(queue.name);
    if (last !== undefined && now - last < PURGE_INTERVAL_MS) throw purgeQueueInProgress(queue.name);
    this.#purgedAt.set(queue.name, now);
    this.#commit([{ op: 'purge', queue: queue.name }]);
    return {};
  }

  // Messages

  #sendMessage(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    const checked = checkMessage(input, maxSizeOf(queue));
    const id = this.#sendChecked(queue, checked);
    return sendResult(id, checked);
  }

  #sendMessageBatch(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    const entries = batchEntries(input);
    const total = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
    if (total > MAX_BATCH_BYTES) throw batchRequestTooLong(MAX_BATCH_BYTES, total);
    const successful: JsonObject[] = [];
    const failed: JsonObject[] = [];
    for (const entry of entries) {
      try {
        const checked = checkMessage(entry, maxSizeOf(queue), true);
        successful.push({ Id: entry.Id, ...sendResult(this.#sendChecked(queue, checked), checked) });
      } catch (error) {
        if (!(error instanceof SqsError)) throw error;
        failed.push(error.batchEntry(entry.Id));
      }
    }
    return { Successful: successful, Failed: failed };
  }

  #sendChecked(queue: QueueState, checked: CheckedMessage): string {
    const now = this.#now();
    const delay = checked.delaySeconds ?? Number(queue.attributes.DelaySeconds);
    const message: StoredMessage = {
      id: randomUUID(),
      body: checked.body,
      md5OfBody: md5OfBody(checked.body),
      attributes: checked.attributes,
      systemAttributes: checked.systemAttributes,
      senderId: this.#accountId,
      sentAt: now,
      visibleAt: now + delay * 1000,
      receiveCount: 0,
    };
    this.#commit([{ op: 'send', queue: queue.name, message }]);
    this.#wake(queue.name);
    return message.id;
  }

  async #receiveMessage(input: JsonObject): Promise<JsonObject> {
    const queue = this.#requiredQueue(input);
    const max =
      optionalInteger(input, 'MaxNumberOfMessages', {
        min: 1,
        max: 10,
        reason: 'Must be between 1 and 10, if provided.',
      }) ?? 1;
    const visibilityTimeout =
      optionalInteger(input, 'VisibilityTimeout', {
        min: 0,
        max: MAX_VISIBILITY_TIMEOUT,
        reason: `Must be between 0 and ${MAX_VISIBILITY_TIMEOUT}, if provided.`,
      }) ?? Number(queue.attributes.VisibilityTimeout);
    const waitSeconds =
      optionalInteger(input, 'WaitTimeSeconds', {
        min: 0,
        max: 20,
        reason: 'Must be >= 0 and <= 20, if provided.',
      }) ?? Number(queue.attributes.ReceiveMessageWaitTimeSeconds);
    const systemNames = [
      ...stringList(input, 'MessageSystemAttributeNames'),
      ...stringList(input, 'AttributeNames'),
    ];
    const attributeNames = stringList(input, 'MessageAttributeNames');
    const deadline = this.#now() + waitSeconds * 1000;
    for (;;) {
      // The queue may be deleted while a long poll waits.
      const current = this.#state.queues.get(queue.name);
      if (current === undefined) throw queueDoesNotExist();
      const received = this.#receiveNow(current, max, visibilityTimeout);
      if (received.length > 0) {
        const arn = this.#arnOf(current.name);
        return {
          Messages: received.map((message) =>
            receivedMessage(
              message,
              receiptHandle(arn, message.id, message.receipt ?? ''),
              systemNames,
              attributeNames,
            ),
          ),
        };
      }
      if (this.#closed || this.#now() >= deadline) return {};
      await this.#waitForMessages(current, deadline);
    }
  }

  /** Receives up to `max` visible messages, oldest first; moves those past maxReceiveCount to the DLQ. */
  #receiveNow(queue: QueueState, max: number, visibilityTimeout: number): StoredMessage[] {
    const now = this.#expire(queue);
    const redrive = redrivePolicyOf(queue.attributes);
    const deadLetterQueue = redrive && this.#queueByArn(redrive.deadLetterTargetArn);
    const changes: Change[] = [];
    const ids: string[] = [];
    for (const message of queue.messages.values()) {
      if (ids.length >= max) break;
      if (message.visibleAt > now) continue;
      if (redrive && deadLetterQueue && message.receiveCount >= redrive.maxReceiveCount) {
        // As SQS does: the receive that would exceed maxReceiveCount moves the message instead.
        const moved: StoredMessage = {
          ...message,
          visibleAt: now,
          deadLetterSourceArn: this.#arnOf(queue.name),
        };
        delete moved.receipt;
        changes.push({ op: 'send', queue: deadLetterQueue.name, message: moved });
        changes.push({ op: 'delete', queue: queue.name, id: message.id });
        continue;
      }
      changes.push({
        op: 'receive',
        queue: queue.name,
        id: message.id,
        receiveCount: message.receiveCount + 1,
        firstReceivedAt: message.firstReceivedAt ?? now,
        visibleAt: now + visibilityTimeout * 1000,
        receipt: randomUUID(),
      });
      ids.push(message.id);
    }
    this.#commit(changes);
    if (deadLetterQueue && changes.some((change) => change.op === 'delete')) this.#wake(deadLetterQueue.name);
    return ids.map((id) => queue.messages.get(id) as StoredMessage);
  }

  /** Resolves when a message may be available: one is sent, one becomes visible, or the deadline. */
  #waitForMessages(queue: QueueState, deadline: number): Promise<void> {
    const now = this.#now();
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

  #wake(queueName: string): void {
    for (const wake of this.#waiters.get(queueName) ?? []) wake();
  }

  #deleteMessage(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    this.#deleteByHandle(queue, requiredString(input, 'ReceiptHandle'));
    return {};
  }

  #deleteMessageBatch(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    const successful: JsonObject[] = [];
    const failed: JsonObject[] = [];
    for (const entry of batchEntries(input)) {
      try {
        this.#deleteByHandle(queue, requiredString(entry, 'ReceiptHandle'));
        successful.push({ Id: entry.Id });
      } catch (error) {
        if (!(error instanceof SqsError)) throw error;
        failed.push(error.batchEntry(entry.Id));
      }
    }
    return { Successful: successful, Failed: failed };
  }

  /**
   * As on AWS: a handle of another queue or no handle at all is ReceiptHandleIsInvalid; a handle
   * of a message already gone succeeds; only the latest receive's handle deletes the message (an
   * older one succeeds without deleting it).
   */
  #deleteByHandle(queue: QueueState, handle: string): void {
    const read = readReceiptHandle(handle);
    if (read === undefined || read.queueArn !== this.#arnOf(queue.name)) throw receiptHandleIsInvalid(handle);
    const message = queue.messages.get(read.messageId);
    if (message?.receipt !== read.receipt) return;
    this.#commit([{ op: 'delete', queue: queue.name, id: message.id }]);
  }

  #changeMessageVisibility(input: JsonObject): JsonObject {
    const queue = this.#requiredQueue(input);
    const handle = requiredString(input, 'ReceiptHandle');
    const timeout = optionalInteger(input, 'VisibilityTimeout', {
      min: 0,
      max: MAX_VISIBILITY_TIMEOUT,
      reason: `Must be between 0 and ${MAX_VISIBILITY_TIMEOUT}.`,
    });
    if (timeout === undefined) throw missingParameter('VisibilityTimeout');
    const read = readReceiptHandle(handle);
    if (read === undefined || read.queueArn !== this.#arnOf(queue.name)) throw receiptHandleIsInvalid(handle);
    const message = queue.messages.get(read.messageId);
    if (message === undefined || message.receipt !== read.receipt) {
      throw invalidParameterValue(
        `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not ` +
          'available for visibility timeout change.',
      );
    }
    const now = this.#now();
    // A message whose visibility timeout already ended is left as it is (AWS answers 200 too).
    if (message.visibleAt <= now) return {};
    this.#commit([
      {
        op: 'receive',
        queue: queue.name,
        id: message.id,
        receiveCount: message.receiveCount,
        firstReceivedAt: message.firstReceivedAt,
        visibleAt: now + timeout * 1000,
        receipt: message.receipt,
      },
    ]);
    this.#wake(queue.name);
    return {};
  }

  // Shared

  /** Drops the messages past the queue's retention period; returns the time it used. */
  #expire(queue: QueueState): number {
    const now = this.#now();
    const retention = Number(queue.attributes.MessageRetentionPeriod) * 1000;
    const expired = [...queue.messages.values()].filter((message) => message.sentAt + retention <= now);
    this.#commit(expired.map((message) => ({ op: 'delete', queue: queue.name, id: message.id })));
    return now;
  }

  #commit(changes: readonly Change[]): void {
    this.#store.commit(this.#state, changes);
  }

  #requiredQueue(input: JsonObject): QueueState {
    const queue = this.#queueByUrl(requiredString(input, 'QueueUrl'));
    if (queue === undefined) throw queueDoesNotExist();
    return queue;
  }

  /** `<any host>/<account>/<name>`: the account must be this one. */
  #queueByUrl(url: string): QueueState | undefined {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    const [account, name, ...rest] = path.split('/').filter((part) => part !== '');
    if (account !== this.#accountId || name === undefined || rest.length > 0) return undefined;
    return this.#state.queues.get(name);
  }

  #queueByArn(arn: string): QueueState | undefined {
    const prefix = `arn:aws:sqs:${this.#region}:${this.#accountId}:`;
    return arn.startsWith(prefix) ? this.#state.queues.get(arn.slice(prefix.length)) : undefined;
  }

  #arnOf(name: string): string {
    return `arn:aws:sqs:${this.#region}:${this.#accountId}:${name}`;
  }

  #urlOf(name: string): string {
    return `${this.#endpoint()}/${this.#accountId}/${name}`;
  }

  #moveTaskContext() {
    return {
      state: this.#state,
      now: this.#now,
      arnOf: (name: string) => this.#arnOf(name),
      queueByArn: (arn: string) => this.#queueByArn(arn),
      expire: (queue: QueueState) => this.#expire(queue),
      commit: (changes: readonly Change[]) => this.#commit(changes),
      wake: (name: string) => this.#wake(name),
    };
  }
}

/** An operation the local SQS does not have: the UnknownOperationException every service answers with. */
class UnknownOperation extends SqsError {
  constructor(message: string) {
    super('UnknownOperationException', 'UnknownOperationException', message);
  }

  override reply(): ServiceReply {
    return {
      status: 400,
      body: { __type: 'com.amazon.coral.service#UnknownOperationException', message: this.message },
    };
  }
}

function maxSizeOf(queue: QueueState): number {
  return Number(queue.attributes.MaximumMessageSize);
}

function sendResult(id: string, checked: CheckedMessage): JsonObject {
  const attributesMd5 = md5OfAttributes(checked.attributes);
  const systemMd5 = md5OfAttributes(checked.systemAttributes);
  return {
    MessageId: id,
    MD5OfMessageBody: md5OfBody(checked.body),
    ...(attributesMd5 === undefined ? {} : { MD5OfMessageAttributes: attributesMd5 }),
    ...(systemMd5 === undefined ? {} : { MD5OfMessageSystemAttributes: systemMd5 }),
  };
}

/** ListQueues' NextToken is the base64 of the last URL of the previous page. */
function nameFromToken(token: string): string {
  const url = Buffer.from(token, 'base64').toString('utf8');
  const name = url.split('/').at(-1);
  if (!url.includes('/') || name === undefined || name === '')
    throw invalidParameterValue('Invalid NextToken value.');
  return name;
}
