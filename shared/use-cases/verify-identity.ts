import { IDENTITY_LOCK_POLICY, identityLock } from '#shared/domain/identity-lock.ts';
import { matchesTypedIdentityNumber } from '#shared/domain/identity-number/index.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';

export type IdentityVerification =
  | { ok: true; entered: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'mismatch'; triesLeft: number; total: number }
  | { ok: false; reason: 'locked'; until: Date; total: number }
  | { ok: false; reason: 'blocked'; total: number };

/**
 * Whether the worker typed the identity number exactly as the orderer did. Every try is counted
 * (reserved) before the comparison, atomically with the limits, so a try that cannot be counted
 * is never compared, however many arrive at once; a right one is given back. An empty entry
 * counts for nothing (nothing was guessed). Both POSTs run this, so the final one cannot skip the
 * check by editing the hidden field.
 */
export async function verifyIdentityNumber(
  repo: OnboardingRepository,
  onboarding: Onboarding,
  entered: string | undefined,
  now: Date,
): Promise<IdentityVerification> {
  const value = entered ?? '';
  if (value.trim() === '') return { ok: false, reason: 'empty' };
  const { onboardingId } = onboarding;
  const reservation = await repo.reserveIdentityTry(onboardingId, now, IDENTITY_LOCK_POLICY);
  const { total } = reservation.checks;
  if (reservation.reserved && matchesTypedIdentityNumber(onboarding.cardholder.identityNumber, value)) {
    await repo.releaseIdentityTry(onboardingId, now);
    return { ok: true, entered: value };
  }
  const lock = identityLock(reservation.checks, now);
  if (lock.state === 'blocked') return { ok: false, reason: 'blocked', total };
  if (lock.state === 'locked') return { ok: false, reason: 'locked', until: lock.until, total };
  return { ok: false, reason: 'mismatch', triesLeft: lock.triesLeft, total };
}
