import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../aws-json.ts';
import {
  batchRequestTooLong,
  invalidParameterValue,
  missingParameter,
  queueDoesNotExist,
  receiptHandleIsInvalid,
  SqsError,
} from './errors.ts';
import { md5OfAttributes, md5OfBody } from './md5.ts';
import {
  type CheckedMessage,
  checkMessage,
  entrySize,
  readReceiptHandle,
  receiptHandle,
  receivedMessage,
} from './messages.ts';
import { redrivePolicyOf } from './queue-attributes.ts';
import type { Queues } from './queues.ts';
import { batchEntries, optionalInteger, requiredString, stringList } from './requests.ts';
import type { Change, QueueState, StoredMessage } from './state.ts';

/**
 * The message operations: SendMessage(Batch), ReceiveMessage (with long polling and the move of a
 * message past maxReceiveCount to the dead-letter queue), DeleteMessage(Batch), ChangeMessageVisibility.
 */

const MAX_BATCH_BYTES = 1_048_576;
const MAX_VISIBILITY_TIMEOUT = 43_200;
const MAX_WAIT_SECONDS = 20;

export function sendMessage(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  const checked = checkMessage(input, maxSizeOf(queue));
  return sendResult(send(queues, queue, checked), checked);
}

export function sendMessageBatch(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  const entries = batchEntries(input);
  const total = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total > MAX_BATCH_BYTES) throw batchRequestTooLong(MAX_BATCH_BYTES, total);
  const successful: JsonObject[] = [];
  const failed: JsonObject[] = [];
  for (const entry of entries) {
    try {
      const checked = checkMessage(entry, maxSizeOf(queue), true);
      successful.push({ Id: entry.Id, ...sendResult(send(queues, queue, checked), checked) });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      failed.push(error.batchEntry(entry.Id));
    }
  }
  return { Successful: successful, Failed: failed };
}

/** Stores a checked message (visible after its delay) and wakes the queue's long polls; returns its id. */
export function send(queues: Queues, queue: QueueState, checked: CheckedMessage): string {
  const now = queues.now();
  const delay = checked.delaySeconds ?? Number(queue.attributes.DelaySeconds);
  const message: StoredMessage = {
    id: randomUUID(),
    body: checked.body,
    md5OfBody: md5OfBody(checked.body),
    attributes: checked.attributes,
    systemAttributes: checked.systemAttributes,
    senderId: queues.accountId,
    sentAt: now,
    visibleAt: now + delay * 1000,
    receiveCount: 0,
  };
  queues.commit([{ op: 'send', queue: queue.name, message }]);
  queues.wake(queue.name);
  return message.id;
}

export function maxSizeOf(queue: QueueState): number {
  return Number(queue.attributes.MaximumMessageSize);
}

export async function receiveMessage(queues: Queues, input: JsonObject): Promise<JsonObject> {
  const queue = queues.required(input);
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
      max: MAX_WAIT_SECONDS,
      reason: `Must be >= 0 and <= ${MAX_WAIT_SECONDS}, if provided.`,
    }) ?? Number(queue.attributes.ReceiveMessageWaitTimeSeconds);
  // MessageSystemAttributeNames replaces AttributeNames; clients may send either.
  const systemNames = [
    ...stringList(input, 'MessageSystemAttributeNames'),
    ...stringList(input, 'AttributeNames'),
  ];
  const attributeNames = stringList(input, 'MessageAttributeNames');
  const deadline = queues.now() + waitSeconds * 1000;
  for (;;) {
    // The queue may be deleted while a long poll waits.
    const current = queues.byName(queue.name);
    if (current === undefined) throw queueDoesNotExist();
    const received = receiveNow(queues, current, max, visibilityTimeout);
    if (received.length > 0) {
      const arn = queues.arnOf(current.name);
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
    if (queues.closed || queues.now() >= deadline) return {};
    await queues.waitForMessages(current, deadline);
  }
}

/** Receives up to `max` visible messages, oldest first; moves those past maxReceiveCount to the DLQ. */
function receiveNow(
  queues: Queues,
  queue: QueueState,
  max: number,
  visibilityTimeout: number,
): StoredMessage[] {
  const now = queues.expire(queue);
  const redrive = redrivePolicyOf(queue.attributes);
  const deadLetterQueue = redrive && queues.byArn(redrive.deadLetterTargetArn);
  const changes: Change[] = [];
  const ids: string[] = [];
  for (const message of queue.messages.values()) {
    if (ids.length >= max) break;
    if (message.visibleAt > now) continue;
    if (redrive && deadLetterQueue && message.receiveCount >= redrive.maxReceiveCount) {
      // As SQS does: the receive that would exceed maxReceiveCount moves the message instead.
      const { receipt: _receipt, ...rest } = message;
      const moved: StoredMessage = { ...rest, visibleAt: now, deadLetterSourceArn: queues.arnOf(queue.name) };
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
  queues.commit(changes);
  if (deadLetterQueue && changes.some((change) => change.op === 'delete')) queues.wake(deadLetterQueue.name);
  return ids.map((id) => queue.messages.get(id) as StoredMessage);
}

export function deleteMessage(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  deleteByHandle(queues, queue, requiredString(input, 'ReceiptHandle'));
  return {};
}

export function deleteMessageBatch(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  const successful: JsonObject[] = [];
  const failed: JsonObject[] = [];
  for (const entry of batchEntries(input)) {
    try {
      deleteByHandle(queues, queue, requiredString(entry, 'ReceiptHandle'));
      successful.push({ Id: entry.Id });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      failed.push(error.batchEntry(entry.Id));
    }
  }
  return { Successful: successful, Failed: failed };
}

/**
 * As on AWS: a handle of another queue or no handle at all is ReceiptHandleIsInvalid; a handle of
 * a message already gone succeeds; only the latest receive's handle deletes the message (an older
 * one succeeds without deleting it).
 */
function deleteByHandle(queues: Queues, queue: QueueState, handle: string): void {
  const message = messageOfHandle(queues, queue, handle);
  if (message === undefined) return;
  queues.commit([{ op: 'delete', queue: queue.name, id: message.id }]);
}

export function changeMessageVisibility(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  const handle = requiredString(input, 'ReceiptHandle');
  const timeout = optionalInteger(input, 'VisibilityTimeout', {
    min: 0,
    max: MAX_VISIBILITY_TIMEOUT,
    reason: `Must be between 0 and ${MAX_VISIBILITY_TIMEOUT}.`,
  });
  if (timeout === undefined) throw missingParameter('VisibilityTimeout');
  const message = messageOfHandle(queues, queue, handle);
  if (message === undefined) {
    throw invalidParameterValue(
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not ` +
        'available for visibility timeout change.',
    );
  }
  const now = queues.now();
  // A message whose visibility timeout already ended is left as it is (AWS answers 200 too).
  if (message.visibleAt <= now) return {};
  queues.commit([
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
  queues.wake(queue.name);
  return {};
}

/** The message whose latest receive gave this handle; ReceiptHandleIsInvalid for no handle of the queue. */
function messageOfHandle(queues: Queues, queue: QueueState, handle: string): StoredMessage | undefined {
  const read = readReceiptHandle(handle);
  if (read === undefined || read.queueArn !== queues.arnOf(queue.name)) throw receiptHandleIsInvalid(handle);
  const message = queue.messages.get(read.messageId);
  return message?.receipt === read.receipt ? message : undefined;
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
