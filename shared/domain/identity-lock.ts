import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';

/** Five wrong identity numbers lock entry for 15 minutes (the design asks for a small number of tries). */
export const IDENTITY_LOCK_POLICY = { maxFailures: 5, lockSeconds: 900 } as const;

/** When entry unlocks, if it is locked now. */
export function lockedUntil(checks: Onboarding['identityChecks'], now: Date): Date | undefined {
  if (checks?.lockedUntil === undefined) return undefined;
  const until = new Date(checks.lockedUntil);
  // An unreadable stored time counts as locked for the full period, never as unlocked.
  if (Number.isNaN(until.getTime())) return new Date(now.getTime() + IDENTITY_LOCK_POLICY.lockSeconds * 1000);
  return until > now ? until : undefined;
}

/** Wrong tries left before the lock, for the error message. */
export function triesLeft(checks: NonNullable<Onboarding['identityChecks']>): number {
  return Math.max(0, IDENTITY_LOCK_POLICY.maxFailures - checks.failures);
}
