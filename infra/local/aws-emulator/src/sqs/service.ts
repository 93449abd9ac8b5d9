import { isJsonObject, type JsonObject, type ServiceReply } from '../aws-json.ts';
import { queueDoesNotExist, SqsError } from './errors.ts';
import type { MessageAttributes } from './md5.ts';
import {
  changeMessageVisibility,
  deleteMessage,
  deleteMessageBatch,
  maxSizeOf,
  receiveMessage,
  send,
  sendMessage,
  sendMessageBatch,
} from './message-operations.ts';
import { checkMessage } from './messages.ts';
import { listMoveTasks, startMoveTask } from './move-tasks.ts';
import {
  createQueue,
  deleteQueue,
  getQueueAttributes,
  getQueueUrl,
  listQueues,
  purgeQueue,
  setQueueAttributes,
} from './queue-operations.ts';
import { Queues, type QueuesOptions } from './queues.ts';

/**
 * A local SQS (standard queues) behind the edge, over AWS JSON 1.0 (X-Amz-Target `AmazonSQS.*`),
 * as the AWS SDK v3 and the AWS CLI send it. Queue URLs are `<edge URL>/<account>/<name>`; any
 * host is accepted in a QueueUrl, so URLs stay valid when the edge's port changes. With a
 * directory, queues and messages survive restarts (store.ts).
 */

export type LocalSqsOptions = QueuesOptions;

/** A message as `messages()` shows it. */
export interface QueueMessage {
  messageId: string;
  body: string;
  attributes: MessageAttributes;
  sentTimestamp: number;
  receiveCount: number;
}

type Operation = (queues: Queues, input: JsonObject) => JsonObject | Promise<JsonObject>;

/** By X-Amz-Target. */
const OPERATIONS = new Map<string, Operation>([
  ['AmazonSQS.CreateQueue', (queues, input) => ({ QueueUrl: queues.urlOf(createQueue(queues, input)) })],
  ['AmazonSQS.GetQueueUrl', getQueueUrl],
  ['AmazonSQS.ListQueues', listQueues],
  ['AmazonSQS.DeleteQueue', deleteQueue],
  ['AmazonSQS.GetQueueAttributes', getQueueAttributes],
  ['AmazonSQS.SetQueueAttributes', setQueueAttributes],
  ['AmazonSQS.PurgeQueue', purgeQueue],
  ['AmazonSQS.SendMessage', sendMessage],
  ['AmazonSQS.SendMessageBatch', sendMessageBatch],
  ['AmazonSQS.ReceiveMessage', receiveMessage],
  ['AmazonSQS.DeleteMessage', deleteMessage],
  ['AmazonSQS.DeleteMessageBatch', deleteMessageBatch],
  ['AmazonSQS.ChangeMessageVisibility', changeMessageVisibility],
  ['AmazonSQS.StartMessageMoveTask', startMoveTask],
  ['AmazonSQS.ListMessageMoveTasks', listMoveTasks],
]);

export class LocalSqs {
  readonly #queues: Queues;

  constructor(options: LocalSqsOptions) {
    this.#queues = new Queues(options);
  }

  /** Creates the queue, or returns the existing one if the attributes given agree (CreateQueue). */
  createQueue(name: string, attributes: Record<string, string> = {}): { url: string; arn: string } {
    createQueue(this.#queues, { QueueName: name, Attributes: attributes });
    return { url: this.#queues.urlOf(name), arn: this.#queues.arnOf(name) };
  }

  /**
   * Sends a message to the queue with this ARN, as another AWS service would (EventBridge's dead
   * letters); returns its id. Throws an SqsError (QueueDoesNotExist, a size limit…) when SQS would.
   */
  send(queueArn: string, body: string, attributes: MessageAttributes = {}): string {
    const queue = this.#queues.byArn(queueArn);
    if (queue === undefined) throw queueDoesNotExist();
    const input = {
      MessageBody: body,
      MessageAttributes: structuredClone(attributes) as unknown as JsonObject,
    };
    return send(this.#queues, queue, checkMessage(input, maxSizeOf(queue)));
  }

  /**
   * The messages a queue (by name, URL or ARN) holds now, received or not, without receiving them:
   * for tests and tools, which must not change what they look at. SQS itself has no such call.
   */
  messages(queue: string): QueueMessage[] {
    const queues = this.#queues;
    const found = queues.byName(queue) ?? queues.byArn(queue) ?? queues.byUrl(queue);
    if (found === undefined) throw queueDoesNotExist();
    queues.expire(found);
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
    this.#queues.close();
  }

  /** The AWS JSON 1.0 protocol, for the edge. */
  async handle(target: string, body: unknown): Promise<ServiceReply> {
    const operation = OPERATIONS.get(target);
    if (operation === undefined) {
      // No x-amzn-query-error: clients take the error from __type, as for the other services.
      const message = `Operation ${target} is not supported by the local SQS`;
      return { status: 400, body: { __type: 'com.amazon.coral.service#UnknownOperationException', message } };
    }
    try {
      return { status: 200, body: await operation(this.#queues, isJsonObject(body) ? body : {}) };
    } catch (error) {
      if (error instanceof SqsError) return error.reply();
      throw error;
    }
  }
}
