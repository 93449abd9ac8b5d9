import type { Context } from 'aws-lambda';

/** The plain fields of a Lambda context: what crosses into a function's worker thread. */
export type ContextFields = Pick<
  Context,
  | 'functionName'
  | 'functionVersion'
  | 'invokedFunctionArn'
  | 'memoryLimitInMB'
  | 'awsRequestId'
  | 'logGroupName'
  | 'logStreamName'
>;

export interface Invocation {
  id: number;
  event: unknown;
  context: ContextFields;
  remainingMs: number;
}

export interface ErrorShape {
  name: string;
  message: string;
  stack?: string;
}

export interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: ErrorShape;
  /** The handler module failed to load: the next invocation starts a new sandbox (as Lambda does). */
  init?: boolean;
}

/** Sent as the handler is called: the invocation is under way (a kill then lands mid-invocation). */
export interface Started {
  id: number;
  started: true;
}

/** An error as Lambda reports it: its name (errorType, which Retry and Catch match) and message. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function fromErrorShape(shape: ErrorShape | undefined): Error {
  const error = new Error(shape?.message ?? 'The function failed without an error');
  error.name = shape?.name ?? 'Runtime.Unknown';
  if (shape?.stack) error.stack = shape.stack;
  return error;
}
