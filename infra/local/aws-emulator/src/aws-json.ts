/**
 * Small pieces the in-process services share: JSON values as the AWS JSON protocols carry them,
 * their error replies, and how a caught error is described in replies and log lines.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** A reply of an in-process service speaking an AWS JSON protocol; the edge serialises `body`. */
export interface ServiceReply {
  status: number;
  body: unknown;
  /** Extra response headers (SQS's `x-amzn-query-error`). */
  headers?: Record<string, string>;
}

/** A plain object (not an array, not null): what every request body and JSON document must be. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `text` as JSON; `undefined` when it is not JSON (callers turn that into the AWS error they need). */
export function parseJson(text: string): { value: JsonValue } | undefined {
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch {
    return undefined;
  }
}

/** Round-trips through JSON so values from handlers (Dates, undefined fields) become plain JSON, as on AWS. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/**
 * An AWS JSON protocol error as the SDKs read it: `__type` is the error code (the part after any
 * `namespace#` names the exception class), 400 unless the fault is the service's.
 */
export function awsJsonError(type: string, message: string, status = 400): ServiceReply {
  return { status, body: { __type: type, message } };
}

/** Name and message of anything thrown (a thrown non-Error is named `Error`). */
export function errorFields(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** `Name: message`, for log lines. */
export function describeError(error: unknown): string {
  const { name, message } = errorFields(error);
  return `${name}: ${message}`;
}

/** The message alone, where the name is not wanted (a cause, a file problem). */
export function errorMessage(error: unknown): string {
  return errorFields(error).message;
}
