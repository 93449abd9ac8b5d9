/** Counts requests per key in fixed windows; `take` says whether one more fits in the current one. */
export interface RateLimiter {
  take(key: string, limit: number, windowSeconds: number, at: Date): Promise<boolean>;
}
