/**
 * An error worth retrying (throttling, a 5xx from a dependency). The state machine's Retry blocks
 * name it, so it must keep this exact name when it crosses the Lambda boundary.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

/** Input that can never succeed: retrying changes nothing. `field` names what was wrong. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`Invalid ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

interface SdkErrorShape {
  name?: string;
  $retryable?: unknown;
  $fault?: string;
}

const THROTTLING = /Throttl|TooManyRequests|RequestLimitExceeded|ProvisionedThroughputExceeded|SlowDown/;

/** Whether an AWS SDK error is one the SDK itself would call transient. */
export function isTransientSdkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  return Boolean(e.$retryable) || e.$fault === 'server' || THROTTLING.test(e.name ?? '');
}
