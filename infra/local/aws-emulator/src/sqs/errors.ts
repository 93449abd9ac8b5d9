import type { ServiceReply } from '../aws-json.ts';

/**
 * An SQS error as AWS sends it over AWS JSON 1.0. SQS moved from the Query protocol to JSON and
 * kept its old error codes in the `x-amzn-query-error` header ("code;Sender"): the SDK v3 and
 * botocore read the code from there (the CLI prints it, e.g. AWS.SimpleQueueService.NonExistentQueue)
 * and the modelled exception from `__type` (the SDK throws QueueDoesNotExist). Codes and messages
 * are the ones AWS answers with (recorded in LocalStack's snapshot tests against AWS).
 */
export class SqsError extends Error {
  override readonly name = 'SqsError';
  /** The modelled shape: `__type` is `com.amazonaws.sqs#<type>`. */
  readonly type: string;
  /** The Query-protocol code of the header and of a batch entry's `Code`. */
  readonly queryCode: string;
  readonly status: number;

  constructor(type: string, queryCode: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.queryCode = queryCode;
    this.status = status;
  }

  reply(): ServiceReply {
    return {
      status: this.status,
      body: { __type: `com.amazonaws.sqs#${this.type}`, message: this.message },
      headers: { 'x-amzn-query-error': `${this.queryCode};Sender` },
    };
  }

  /** A failed entry of a batch operation. */
  batchEntry(id: string) {
    return { Id: id, SenderFault: true, Code: this.queryCode, Message: this.message };
  }
}

export const queueDoesNotExist = () =>
  new SqsError(
    'QueueDoesNotExist',
    'AWS.SimpleQueueService.NonExistentQueue',
    'The specified queue does not exist.',
  );

export const invalidParameterValue = (message: string) =>
  new SqsError('InvalidParameterValueException', 'InvalidParameterValue', message);

export const missingParameter = (name: string) =>
  new SqsError(
    'MissingRequiredParameterException',
    'MissingParameter',
    `The request must contain the parameter ${name}.`,
  );

export const invalidAttributeName = (name: string) =>
  new SqsError('InvalidAttributeName', 'InvalidAttributeName', `Unknown Attribute ${name}.`);

export const invalidAttributeValue = (message: string) =>
  new SqsError('InvalidAttributeValue', 'InvalidAttributeValue', message);

export const queueNameExists = (attribute: string) =>
  new SqsError(
    'QueueNameExists',
    'QueueAlreadyExists',
    `A queue already exists with the same name and a different value for attribute ${attribute}`,
  );

export const receiptHandleIsInvalid = (handle: string) =>
  new SqsError(
    'ReceiptHandleIsInvalid',
    'ReceiptHandleIsInvalid',
    `The input receipt handle "${handle}" is not a valid receipt handle.`,
    404,
  );

export const invalidMessageContents = () =>
  new SqsError(
    'InvalidMessageContents',
    'InvalidMessageContents',
    'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | ' +
      '#xE000 to #xFFFD | #x10000 to #x10FFFF',
  );

export const emptyBatchRequest = () =>
  new SqsError(
    'EmptyBatchRequest',
    'AWS.SimpleQueueService.EmptyBatchRequest',
    'There should be at least one entry in the request.',
  );

export const tooManyEntriesInBatchRequest = (count: number) =>
  new SqsError(
    'TooManyEntriesInBatchRequest',
    'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    `Maximum number of entries per request are 10. You have sent ${count}.`,
  );

export const invalidBatchEntryId = () =>
  new SqsError(
    'InvalidBatchEntryId',
    'AWS.SimpleQueueService.InvalidBatchEntryId',
    'A batch entry id can only contain alphanumeric characters, hyphens and underscores. ' +
      'It can be at most 80 letters long.',
  );

export const batchEntryIdsNotDistinct = (id: string) =>
  new SqsError(
    'BatchEntryIdsNotDistinct',
    'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
    `Id ${id} repeated.`,
  );

export const batchRequestTooLong = (limit: number, size: number) =>
  new SqsError(
    'BatchRequestTooLong',
    'AWS.SimpleQueueService.BatchRequestTooLong',
    `Batch requests cannot be longer than ${limit} bytes. You have sent ${size} bytes.`,
  );

export const purgeQueueInProgress = (name: string) =>
  new SqsError(
    'PurgeQueueInProgress',
    'AWS.SimpleQueueService.PurgeQueueInProgress',
    `Only one PurgeQueue operation on ${name} is allowed every 60 seconds.`,
    403,
  );

export const resourceNotFound = (message: string) =>
  new SqsError('ResourceNotFoundException', 'ResourceNotFoundException', message, 404);

export const unsupportedOperation = (message: string) =>
  new SqsError('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', message);
