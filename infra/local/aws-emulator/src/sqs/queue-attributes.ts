import { isJsonObject } from '../aws-json.ts';
import {
  invalidAttributeName,
  invalidAttributeValue,
  invalidParameterValue,
  unsupportedOperation,
} from './errors.ts';

/**
 * A standard queue's attributes: the settable ones with their ranges and the defaults AWS shows on
 * a new queue, the read-only ones GetQueueAttributes computes, and the checks of CreateQueue and
 * SetQueueAttributes. FIFO queues are not supported locally.
 */

const INTEGER_RANGES: Record<string, { min: number; max: number }> = {
  DelaySeconds: { min: 0, max: 900 },
  MaximumMessageSize: { min: 1024, max: 1_048_576 },
  MessageRetentionPeriod: { min: 60, max: 1_209_600 },
  ReceiveMessageWaitTimeSeconds: { min: 0, max: 20 },
  VisibilityTimeout: { min: 0, max: 43_200 },
  KmsDataKeyReusePeriodSeconds: { min: 60, max: 86_400 },
};

/** Kept as given: the local SQS enforces no policy and encrypts nothing. */
const TEXT_ATTRIBUTES = new Set(['Policy', 'RedriveAllowPolicy', 'KmsMasterKeyId']);

/** Attributes that an empty value removes. */
const REMOVABLE = new Set(['Policy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'RedrivePolicy']);

export const READ_ONLY_ATTRIBUTES = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
] as const;

export const DEFAULT_ATTRIBUTES: Readonly<Record<string, string>> = {
  DelaySeconds: '0',
  MaximumMessageSize: '1048576',
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
  SqsManagedSseEnabled: 'true',
};

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

/** Every name GetQueueAttributes knows (besides All). */
export function isKnownAttribute(name: string): boolean {
  return (
    name in INTEGER_RANGES ||
    TEXT_ATTRIBUTES.has(name) ||
    name === 'RedrivePolicy' ||
    name === 'SqsManagedSseEnabled' ||
    (READ_ONLY_ATTRIBUTES as readonly string[]).includes(name)
  );
}

/**
 * The given attributes checked and normalised (as GetQueueAttributes will show them); an empty
 * string stands for an attribute to remove. `queueExists` checks a RedrivePolicy's target.
 */
export function checkAttributes(
  given: unknown,
  queueExists: (arn: string) => boolean,
): Record<string, string> {
  if (given === undefined || given === null) return {};
  if (!isJsonObject(given))
    throw invalidParameterValue('Attributes must be a map of attribute names to values.');
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (name === 'FifoQueue' && value === 'true') {
      throw unsupportedOperation('FIFO queues are not supported by the local SQS.');
    }
    if (typeof value !== 'string') throw invalidAttributeValue(`Invalid value for the parameter ${name}.`);
    checked[name] = checkAttribute(name, value, queueExists);
  }
  return checked;
}

function checkAttribute(name: string, value: string, queueExists: (arn: string) => boolean): string {
  if (REMOVABLE.has(name) && value === '') return '';
  const range = INTEGER_RANGES[name];
  if (range !== undefined) {
    const number = Number(value);
    if (value.trim() === '' || !Number.isInteger(number) || number < range.min || number > range.max) {
      throw invalidAttributeValue(`Invalid value for the parameter ${name}.`);
    }
    return String(number);
  }
  if (TEXT_ATTRIBUTES.has(name)) return value;
  if (name === 'SqsManagedSseEnabled') {
    if (value !== 'true' && value !== 'false')
      throw invalidAttributeValue(`Invalid value for the parameter ${name}.`);
    return value;
  }
  if (name === 'RedrivePolicy') return JSON.stringify(checkRedrivePolicy(value, queueExists));
  // Read-only and FIFO-only attributes are unknown to a standard queue, as on AWS.
  throw invalidAttributeName(name);
}

function checkRedrivePolicy(value: string, queueExists: (arn: string) => boolean): RedrivePolicy {
  const invalid = (reason: string) =>
    invalidParameterValue(`Value ${value} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  let policy: unknown;
  try {
    policy = JSON.parse(value);
  } catch {
    throw invalid('Invalid JSON.');
  }
  if (!isJsonObject(policy)) throw invalid('Invalid JSON.');
  for (const field of ['deadLetterTargetArn', 'maxReceiveCount']) {
    if (policy[field] === undefined || policy[field] === null || policy[field] === '') {
      throw invalid(`Redrive policy does not contain mandatory attribute: ${field}.`);
    }
  }
  const maxReceiveCount = Number(policy.maxReceiveCount);
  if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > 1000) {
    throw invalid(
      `Invalid value for maxReceiveCount: ${String(policy.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`,
    );
  }
  const target = policy.deadLetterTargetArn;
  if (typeof target !== 'string' || !queueExists(target)) throw invalid('Dead letter target does not exist.');
  return { deadLetterTargetArn: target, maxReceiveCount };
}

/** The queue's RedrivePolicy, if it has one. */
export function redrivePolicyOf(attributes: Record<string, string>): RedrivePolicy | undefined {
  const text = attributes.RedrivePolicy;
  return text === undefined ? undefined : (JSON.parse(text) as RedrivePolicy);
}

/** Attributes after setting `changes` (an empty value removes one). */
export function withChanges(
  attributes: Record<string, string>,
  changes: Record<string, string>,
): Record<string, string> {
  const result = { ...attributes };
  for (const [name, value] of Object.entries(changes)) {
    if (value === '') delete result[name];
    else result[name] = value;
  }
  return result;
}

/** The first attribute whose given value differs from the queue's (CreateQueue on an existing name). */
export function firstDifference(
  attributes: Record<string, string>,
  given: Record<string, string>,
): string | undefined {
  return Object.keys(given).find((name) => (attributes[name] ?? '') !== given[name]);
}
