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

/** A setting the deployment gave wrongly or not at all: thrown at cold start, never retried. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}
