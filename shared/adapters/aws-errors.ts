interface SdkErrorShape {
  name?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
  $retryable?: unknown;
  $fault?: string;
}

const THROTTLING = /Throttl|TooManyRequests|RequestLimitExceeded|ProvisionedThroughputExceeded|SlowDown/;

/** Whether an AWS SDK error says a quota or rate was exceeded (SES names it `Throttling`). */
export function isThrottlingSdkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  return THROTTLING.test(e.name ?? '') || hasThrottlingFlag(e);
}

/**
 * Whether an AWS SDK error is transient: one the SDK itself would retry, throttling, or any answer
 * with a 5xx status (an error body the SDK could not read comes back named plain `Error`).
 */
export function isTransientSdkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    Boolean(e.$retryable) ||
    e.$fault === 'server' ||
    status >= 500 ||
    isThrottlingSdkError(error) ||
    isNetworkError(error)
  );
}

/** The SDK's own request timeout, or the connection dropped: no answer came, so try again. */
function isNetworkError(error: object): boolean {
  const { name, code } = error as { name?: string; code?: string };
  return name === 'TimeoutError' || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code ?? '');
}

function hasThrottlingFlag(e: SdkErrorShape): boolean {
  const retryable = e.$retryable as { throttling?: unknown } | undefined;
  return typeof retryable === 'object' && retryable !== null && retryable.throttling === true;
}

/** Whether an error came back from an AWS service call (the SDK adds `$metadata`). */
export function isSdkError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$metadata' in error;
}

/**
 * An AWS service error with its name kept (Retry, Catch and alarms match on names) and its message
 * replaced: services put request data in messages (SES names the rejected recipient), and the
 * message would land in logs and, as the Lambda error's cause, in the execution history.
 */
export function withoutServiceMessage(error: Error): Error {
  const { $metadata } = error as SdkErrorShape;
  const replaced = new Error(
    `AWS service error (HTTP ${$metadata?.httpStatusCode ?? '?'}, request ${$metadata?.requestId ?? '?'})`,
  );
  replaced.name = error.name;
  return replaced;
}
