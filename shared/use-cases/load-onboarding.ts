import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { OnboardingNotFoundError, type OnboardingRepository } from '#shared/ports/onboarding-repository.ts';

export async function loadOnboarding(repo: OnboardingRepository, onboardingId: string): Promise<Onboarding> {
  const onboarding = await repo.get(onboardingId);
  if (!onboarding) throw new OnboardingNotFoundError(onboardingId);
  return onboarding;
}

/** When the worker's account was created; only called for onboardings in ACCOUNT_CREATED. */
export function accountCreatedAt(onboarding: Onboarding): string {
  if (!onboarding.account) throw new Error(`Onboarding ${onboarding.onboardingId} has no account`);
  return onboarding.account.createdAt;
}
