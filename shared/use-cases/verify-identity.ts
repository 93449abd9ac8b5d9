import { IDENTITY_LOCK_POLICY, lockedUntil, triesLeft } from '#shared/domain/identity-lock.ts';
import { matchesTypedIdentityNumber } from '#shared/domain/identity-number/index.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';

export type IdentityVerification =
  | { ok: true; entered: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'mismatch'; failures: number; triesLeft: number }
  | { ok: false; reason: 'locked'; failures: number; until: Date };

/**
 * Whether the worker typed the identity number exactly as the orderer did. A wrong one counts
 * towards the lock; an empty one does not (nothing was guessed). Both POSTs run this, so the
 * final one cannot skip the check by editing the hidden field.
 */
export async function verifyIdentityNumber(
  repo: OnboardingRepository,
  onboarding: Onboarding,
  entered: string | undefined,
  now: Date,
): Promise<IdentityVerification> {
  const value = entered ?? '';
  if (value.trim() === '') return { ok: false, reason: 'empty' };
  if (matchesTypedIdentityNumber(onboarding.cardholder.identityNumber, value))
    return { ok: true, entered: value };

  const checks = await repo.recordIdentityFailure(onboarding.onboardingId, now, IDENTITY_LOCK_POLICY);
  const until = lockedUntil(checks, now);
  if (until !== undefined) return { ok: false, reason: 'locked', failures: checks.failures, until };
  return { ok: false, reason: 'mismatch', failures: checks.failures, triesLeft: triesLeft(checks) };
}
