import { isJsonObject, type JsonObject } from '../aws-json.ts';
import {
  invalidAttributeName,
  invalidParameterValue,
  missingParameter,
  purgeQueueInProgress,
  queueDoesNotExist,
  queueNameExists,
  unsupportedOperation,
} from './errors.ts';
import {
  checkAttributes,
  DEFAULT_ATTRIBUTES,
  firstDifference,
  isKnownAttribute,
  type READ_ONLY_ATTRIBUTES,
  withChanges,
} from './queue-attributes.ts';
import type { Queues } from './queues.ts';
import { optionalInteger, optionalString, requiredString, stringList } from './requests.ts';
import type { QueueState } from './state.ts';

/** The queue operations: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, the attributes, PurgeQueue. */

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const MAX_LIST_RESULTS = 1000;
const PURGE_INTERVAL_MS = 60_000;

/** Creates the queue, or accepts an existing one whose attributes agree with those given; returns its name. */
export function createQueue(queues: Queues, input: JsonObject): string {
  const name = requiredString(input, 'QueueName');
  if (name.endsWith('.fifo')) throw unsupportedOperation('FIFO queues are not supported by the local SQS.');
  if (!QUEUE_NAME.test(name)) {
    throw invalidParameterValue(
      'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    );
  }
  const given = checkAttributes(input.Attributes, (arn) => queues.byArn(arn) !== undefined);
  const existing = queues.byName(name);
  if (existing !== undefined) {
    const different = firstDifference(existing.attributes, given);
    if (different !== undefined) throw queueNameExists(different);
    return name;
  }
  const now = queues.now();
  queues.commit([
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

export function getQueueUrl(queues: Queues, input: JsonObject): JsonObject {
  const name = requiredString(input, 'QueueName');
  const owner = optionalString(input, 'QueueOwnerAWSAccountId');
  if ((owner !== undefined && owner !== queues.accountId) || queues.byName(name) === undefined) {
    throw queueDoesNotExist();
  }
  return { QueueUrl: queues.urlOf(name) };
}

/** Sorted by name; with MaxResults, pages whose NextToken is the last URL returned (as AWS's). */
export function listQueues(queues: Queues, input: JsonObject): JsonObject {
  const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
  const maxResults = optionalInteger(input, 'MaxResults', {
    min: 1,
    max: MAX_LIST_RESULTS,
    reason: `MaxResults must be an integer between 1 and ${MAX_LIST_RESULTS}.`,
  });
  const names = [...queues.state.queues.keys()].filter((name) => name.startsWith(prefix)).sort();
  const token = optionalString(input, 'NextToken');
  const after = token === undefined ? undefined : nameFromToken(token);
  const rest = after === undefined ? names : names.filter((name) => name > after);
  const urls = rest.slice(0, maxResults ?? MAX_LIST_RESULTS).map((name) => queues.urlOf(name));
  const last = urls.at(-1);
  if (last === undefined) return {};
  const more = maxResults !== undefined && rest.length > urls.length;
  return { QueueUrls: urls, ...(more ? { NextToken: Buffer.from(last, 'utf8').toString('base64') } : {}) };
}

export function deleteQueue(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  queues.commit([{ op: 'deleteQueue', name: queue.name }]);
  // Long polls on it end (with QueueDoesNotExist).
  queues.wake(queue.name);
  return {};
}

export function getQueueAttributes(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  const names = stringList(input, 'AttributeNames');
  for (const name of names) {
    if (name !== 'All' && !isKnownAttribute(name)) throw invalidAttributeName(name);
  }
  const all = describeAttributes(queues, queue);
  const wanted = names.includes('All') ? Object.keys(all) : names;
  const attributes = Object.fromEntries(
    wanted.filter((name) => all[name] !== undefined).map((name) => [name, all[name] as string]),
  );
  return Object.keys(attributes).length === 0 ? {} : { Attributes: attributes };
}

/** The settable attributes and the computed ones: ARN, message counts, timestamps. */
function describeAttributes(queues: Queues, queue: QueueState): Record<string, string> {
  const now = queues.expire(queue);
  let visible = 0;
  let inFlight = 0;
  let delayed = 0;
  for (const message of queue.messages.values()) {
    if (message.visibleAt <= now) visible++;
    else if (message.receiveCount > 0) inFlight++;
    else delayed++;
  }
  const computed: Record<(typeof READ_ONLY_ATTRIBUTES)[number], string> = {
    QueueArn: queues.arnOf(queue.name),
    ApproximateNumberOfMessages: String(visible),
    ApproximateNumberOfMessagesNotVisible: String(inFlight),
    ApproximateNumberOfMessagesDelayed: String(delayed),
    // Epoch seconds, as AWS shows them.
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
  };
  return { ...queue.attributes, ...computed };
}

export function setQueueAttributes(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  if (!isJsonObject(input.Attributes)) throw missingParameter('Attributes');
  const given = checkAttributes(input.Attributes, (arn) => queues.byArn(arn) !== undefined);
  queues.commit([
    {
      op: 'queue',
      name: queue.name,
      createdAt: queue.createdAt,
      lastModifiedAt: queues.now(),
      attributes: withChanges(queue.attributes, given),
    },
  ]);
  return {};
}

export function purgeQueue(queues: Queues, input: JsonObject): JsonObject {
  const queue = queues.required(input);
  const now = queues.now();
  const last = queues.purgedAt.get(queue.name);
  if (last !== undefined && now - last < PURGE_INTERVAL_MS) throw purgeQueueInProgress(queue.name);
  queues.purgedAt.set(queue.name, now);
  queues.commit([{ op: 'purge', queue: queue.name }]);
  return {};
}

/** ListQueues' NextToken is the base64 of the last URL of the previous page. */
function nameFromToken(token: string): string {
  const url = Buffer.from(token, 'base64').toString('utf8');
  const name = url.split('/').at(-1);
  if (!url.includes('/') || name === undefined || name === '')
    throw invalidParameterValue('Invalid NextToken value.');
  return name;
}
