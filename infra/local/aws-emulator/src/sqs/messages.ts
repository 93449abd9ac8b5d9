import { isJsonObject, type JsonObject } from '../aws-json.ts';
import { invalidMessageContents, invalidParameterValue, missingParameter } from './errors.ts';
import { type MessageAttributes, type MessageAttributeValue, md5OfAttributes } from './md5.ts';
import type { StoredMessage } from './state.ts';

/**
 * A message as SendMessage (or a batch entry) gives it, checked as SQS checks it, and a stored
 * message as ReceiveMessage shows it.
 */

export interface CheckedMessage {
  body: string;
  attributes: MessageAttributes;
  systemAttributes: MessageAttributes;
  /** DelaySeconds of the message, when given (else the queue's). */
  delaySeconds: number | undefined;
}

// SendMessage's allowed characters: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.
const ALLOWED_CHARACTERS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]+$/;
const MAX_ATTRIBUTES = 10;
const MAX_DELAY_SECONDS = 900;

/** `input` is a SendMessage request or a SendMessageBatch entry; `batch` words the size error as a batch does. */
export function checkMessage(input: JsonObject, maxSize: number, batch = false): CheckedMessage {
  const body = input.MessageBody;
  if (typeof body !== 'string' || body === '') throw missingParameter('MessageBody');
  if (!ALLOWED_CHARACTERS.test(body)) throw invalidMessageContents();
  if (input.MessageDeduplicationId !== undefined) {
    throw invalidParameterValue(
      `Value ${String(input.MessageDeduplicationId)} for parameter MessageDeduplicationId is invalid. ` +
        'Reason: The request include parameter that is not valid for this queue type.',
    );
  }
  const delaySeconds = input.DelaySeconds ?? undefined;
  if (
    delaySeconds !== undefined &&
    (!Number.isInteger(delaySeconds) ||
      (delaySeconds as number) < 0 ||
      (delaySeconds as number) > MAX_DELAY_SECONDS)
  ) {
    throw invalidParameterValue(
      `Value ${String(delaySeconds)} for parameter DelaySeconds is invalid. ` +
        `Reason: DelaySeconds must be >= 0 and <= ${MAX_DELAY_SECONDS}.`,
    );
  }
  const attributes = checkMessageAttributes(input.MessageAttributes);
  const systemAttributes = checkSystemAttributes(input.MessageSystemAttributes);
  if (messageSize(body, attributes) > maxSize) {
    throw invalidParameterValue(
      `One or more parameters ${batch ? 'cannot be validated' : 'are invalid'}. ` +
        `Reason: Message must be shorter than ${maxSize} bytes.`,
    );
  }
  return { body, attributes, systemAttributes, delaySeconds: delaySeconds as number | undefined };
}

/** What counts towards MaximumMessageSize: the body and each attribute's name, type and value. */
export function messageSize(body: string, attributes: MessageAttributes): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, attribute] of Object.entries(attributes)) {
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(attribute.DataType, 'utf8');
    size +=
      attribute.BinaryValue !== undefined
        ? Buffer.from(attribute.BinaryValue, 'base64').length
        : Buffer.byteLength(attribute.StringValue ?? '', 'utf8');
  }
  return size;
}

/** A batch entry's size before it is checked (BatchRequestTooLong looks at the whole request first). */
export function entrySize(entry: JsonObject): number {
  const body = typeof entry.MessageBody === 'string' ? entry.MessageBody : '';
  const given = isJsonObject(entry.MessageAttributes) ? entry.MessageAttributes : {};
  const attributes: MessageAttributes = {};
  for (const [name, value] of Object.entries(given)) {
    if (!isJsonObject(value)) continue;
    attributes[name] = {
      DataType: typeof value.DataType === 'string' ? value.DataType : '',
      ...(typeof value.StringValue === 'string' ? { StringValue: value.StringValue } : {}),
      ...(typeof value.BinaryValue === 'string' ? { BinaryValue: value.BinaryValue } : {}),
    };
  }
  return messageSize(body, attributes);
}

function checkMessageAttributes(given: unknown): MessageAttributes {
  if (given === undefined || given === null) return {};
  if (!isJsonObject(given)) throw invalidParameterValue('MessageAttributes must be a map.');
  const names = Object.keys(given);
  if (names.length > MAX_ATTRIBUTES) {
    throw invalidParameterValue(
      `Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`,
    );
  }
  const checked: MessageAttributes = {};
  for (const name of names) {
    checkAttributeName(name);
    checked[name] = checkAttributeValue(name, given[name]);
  }
  return checked;
}

function checkAttributeName(name: string): void {
  if (Buffer.byteLength(name, 'utf8') >= 256) {
    throw invalidParameterValue('Message (user) attribute names must be shorter than 256 Bytes');
  }
  if (!ATTRIBUTE_NAME.test(name)) {
    throw invalidParameterValue(
      'Message (user) attributes name can only contain upper and lower score characters, digits, periods, ' +
        'hyphens and underscores. ',
    );
  }
  const lower = name.toLowerCase();
  if (
    lower.startsWith('aws.') ||
    lower.startsWith('amazon.') ||
    name.startsWith('.') ||
    name.endsWith('.') ||
    name.includes('..')
  ) {
    throw invalidParameterValue(
      "You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings are reserved " +
        "for internal use. Additionally, they cannot start or end with '.'.",
    );
  }
}

function checkAttributeValue(name: string, given: unknown): MessageAttributeValue {
  const value = isJsonObject(given) ? given : {};
  const type = value.DataType;
  if (typeof type !== 'string' || type === '')
    throw invalidParameterValue('Missing required parameter DataType');
  if (!/^(String|Number|Binary)/.test(type)) {
    throw invalidParameterValue(
      'Type for parameter MessageAttributes.Attribute_name.DataType must be prefixed with ' +
        `"String", "Binary", or "Number", but was: ${type}`,
    );
  }
  if (type.startsWith('Binary')) {
    if (typeof value.BinaryValue !== 'string' || value.BinaryValue === '') {
      throw invalidParameterValue(
        `Message (user) attribute '${name}' must contain a non-empty value of type 'Binary'.`,
      );
    }
    return { DataType: type, BinaryValue: value.BinaryValue };
  }
  const text = value.StringValue;
  const kind = type.startsWith('Number') ? 'Number' : 'String';
  if (typeof text !== 'string' || text === '') {
    throw invalidParameterValue(
      `Message (user) attribute '${name}' must contain a non-empty value of type '${kind}'.`,
    );
  }
  if (!ALLOWED_CHARACTERS.test(text)) throw invalidParameterValue(invalidMessageContents().message);
  if (kind === 'Number' && !Number.isFinite(Number(text))) {
    throw invalidParameterValue(`Can't cast the value of message (user) attribute '${name}' to a number.`);
  }
  return { DataType: type, StringValue: text };
}

/** MessageSystemAttributes: SQS knows only AWSTraceHeader, a String. */
function checkSystemAttributes(given: unknown): MessageAttributes {
  if (given === undefined || given === null) return {};
  if (!isJsonObject(given)) throw invalidParameterValue('MessageSystemAttributes must be a map.');
  const checked: MessageAttributes = {};
  for (const [name, value] of Object.entries(given)) {
    const attribute = isJsonObject(value) ? value : {};
    if (
      name !== 'AWSTraceHeader' ||
      attribute.DataType !== 'String' ||
      typeof attribute.StringValue !== 'string'
    ) {
      throw invalidParameterValue(`Message system attribute name '${name}' is invalid.`);
    }
    checked[name] = { DataType: 'String', StringValue: attribute.StringValue };
  }
  return checked;
}

/** A received message as ReceiveMessage returns it. */
export function receivedMessage(
  message: StoredMessage,
  receiptHandle: string,
  systemNames: readonly string[],
  attributeNames: readonly string[],
): JsonObject {
  const view: JsonObject = {
    MessageId: message.id,
    ReceiptHandle: receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
  };
  const system = systemAttributes(message, systemNames);
  if (Object.keys(system).length > 0) view.Attributes = system;
  const attributes = selectAttributes(message.attributes, attributeNames);
  const md5 = md5OfAttributes(attributes);
  if (md5 !== undefined) {
    // As on AWS, the digest covers the attributes returned, not all the message has.
    view.MD5OfMessageAttributes = md5;
    view.MessageAttributes = attributes as unknown as JsonObject;
  }
  return view;
}

/** MessageSystemAttributeNames (or the older AttributeNames): `All` or names. */
function systemAttributes(message: StoredMessage, names: readonly string[]): Record<string, string> {
  const all: Record<string, string | undefined> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentAt),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp:
      message.firstReceivedAt === undefined ? undefined : String(message.firstReceivedAt),
    AWSTraceHeader: message.systemAttributes.AWSTraceHeader?.StringValue,
    DeadLetterQueueSourceArn: message.deadLetterSourceArn,
  };
  const wanted = names.includes('All') ? Object.keys(all) : names;
  const result: Record<string, string> = {};
  for (const name of wanted) {
    const value = all[name];
    if (value !== undefined) result[name] = value;
  }
  return result;
}

/** MessageAttributeNames: `All`, `.*` or `*`, names, and prefixes such as `Order.*`. */
function selectAttributes(attributes: MessageAttributes, names: readonly string[]): MessageAttributes {
  const everything = names.some((name) => name === 'All' || name === '.*' || name === '*');
  const prefixes = names.filter((name) => name.endsWith('.*')).map((name) => name.slice(0, -2));
  const selected: MessageAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (everything || names.includes(name) || prefixes.some((prefix) => name.startsWith(prefix))) {
      selected[name] = { ...value };
    }
  }
  return selected;
}

/** A receipt handle names the queue, the message and the receive it came from. */
export function receiptHandle(queueArn: string, messageId: string, receipt: string): string {
  return Buffer.from(`${queueArn} ${messageId} ${receipt}`, 'utf8').toString('base64');
}

export function readReceiptHandle(
  handle: string,
): { queueArn: string; messageId: string; receipt: string } | undefined {
  const parts = Buffer.from(handle, 'base64').toString('utf8').split(' ');
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
  const [queueArn, messageId, receipt] = parts as [string, string, string];
  if (!queueArn.startsWith('arn:aws:sqs:') || receiptHandle(queueArn, messageId, receipt) !== handle)
    return undefined;
  return { queueArn, messageId, receipt };
}
