/**
 * AWS's rate quotas, enforced only when asked: locally nothing is throttled unless a quota is given.
 * Each is a token bucket, as AWS describes them: `burst` tokens at most, `perSecond` added back.
 */

export interface RateQuota {
  /** The bucket's size: calls that may come at once. */
  burst: number;
  /** Tokens added back each second: the sustained rate. */
  perSecond: number;
}

export interface Quotas {
  /** Step Functions StartExecution (Standard workflows). */
  startExecution?: RateQuota;
  /** SES sending, counted in recipients as SES counts them (SendEmail, SendRawEmail, v2 SendEmail and SendBulkEmail). */
  sesSending?: RateQuota;
}

/**
 * AWS's figures: StartExecution's bucket in eu-north-1 (800, refilled 150 a second; larger only in
 * the biggest regions), and a new SES production account's maximum sending rate (14 a second).
 */
export const AWS_QUOTAS: Required<Quotas> = {
  startExecution: { burst: 800, perSecond: 150 },
  sesSending: { burst: 14, perSecond: 14 },
};

export class QuotaSettingsError extends Error {
  override readonly name = 'QuotaSettingsError';
}

export class TokenBucket {
  readonly #quota: RateQuota;
  readonly #now: () => number;
  #tokens: number;
  #at: number;

  /** `now` in milliseconds; a test may pass its own clock. */
  constructor(quota: RateQuota, now: () => number = () => performance.now()) {
    if (!(quota.burst >= 1 && quota.perSecond > 0)) {
      throw new QuotaSettingsError(
        `A quota needs a burst of at least 1 and a positive rate, not ${quota.burst} and ${quota.perSecond}`,
      );
    }
    this.#quota = quota;
    this.#now = now;
    this.#tokens = quota.burst;
    this.#at = now();
  }

  /**
   * Takes `cost` tokens if at least one is left, and says whether the call may go on. A call that
   * costs more than is left still goes and leaves the bucket in debt, as SES does with a message
   * to several recipients: the calls after it wait until the debt is paid back.
   */
  take(cost = 1): boolean {
    const now = this.#now();
    const refilled = ((now - this.#at) / 1000) * this.#quota.perSecond;
    this.#tokens = Math.min(this.#quota.burst, this.#tokens + refilled);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= cost;
    return true;
  }
}

/** One line for a log or a banner: the quotas in force. */
export function describeQuotas(quotas: Quotas): string {
  const parts: string[] = [];
  const { startExecution, sesSending } = quotas;
  if (startExecution) {
    parts.push(`StartExecution ${startExecution.burst} at once, ${startExecution.perSecond}/s`);
  }
  if (sesSending) parts.push(`SES ${sesSending.perSecond} recipients/s (${sesSending.burst} at once)`);
  return parts.length === 0 ? 'none' : parts.join('; ');
}
