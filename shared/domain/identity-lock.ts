import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';

export type IdentityChecks = NonNullable<Onboarding['identityChecks']>;

/**
 * At most 5 tries in a 15-minute window (from its first try), and at most 10 wrong ones over the
 * onboarding's life, after which only an operator can unlock it. A Swedish number with a known
 * birth date has about 1,000 candidates: 10 tries give a guesser a 1 % chance, where a window that
 * merely restarted would allow about 480 tries a day.
 */
export const IDENTITY_LOCK_POLICY = { maxTries: 5, windowSeconds: 900, lifetimeCap: 10 } as const;
export type IdentityLockPolicy = { maxTries: number; windowSeconds: number; lifetimeCap: number };

export type IdentityLock =
  | { state: 'open'; triesLeft: number }
  | { state: 'locked'; until: Date }
  | { state: 'blocked' };

/** When the current window ends. An unreadable stored start counts as a window that began now. */
export function windowEnd(checks: IdentityChecks, now: Date, policy: IdentityLockPolicy): Date {
  const start = new Date(checks.windowStart);
  const from = Number.isNaN(start.getTime()) ? now : start;
  return new Date(from.getTime() + policy.windowSeconds * 1000);
}

/** Whether identity entry is open now, and how many tries are left if so. */
export function identityLock(
  checks: Onboarding['identityChecks'],
  now: Date,
  policy: IdentityLockPolicy = IDENTITY_LOCK_POLICY,
): IdentityLock {
  if (checks === undefined)
    return { state: 'open', triesLeft: Math.min(policy.maxTries, policy.lifetimeCap) };
  if (checks.total >= policy.lifetimeCap) return { state: 'blocked' };
  const end = windowEnd(checks, now, policy);
  const inWindow = end > now ? checks.tries : 0;
  if (inWindow >= policy.maxTries) return { state: 'locked', until: end };
  return {
    state: 'open',
    triesLeft: Math.min(policy.maxTries - inWindow, policy.lifetimeCap - checks.total),
  };
}
