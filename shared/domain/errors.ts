/**
 * An error worth retrying (throttling, a 5xx from a dependency). The state machine's Retry blocks
 * name it, so it must keep this exact name when it crosses the Lambda boundary.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

/**
 * AWS asked us to slow down (SES's sending rate, StartExecution's bucket, Lambda's concurrency).
 * Kept apart from TransientError because the cure is waiting long enough for the quota: the state
 * machine retries it for much longer (decision 0020), and alarms count it apart from errors.
 */
export class ThrottledError extends Error {
  override readonly name = 'ThrottledError';
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

/** A setting the deployment gave wrongly or not at all: thrown at cold start, never retried. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}
