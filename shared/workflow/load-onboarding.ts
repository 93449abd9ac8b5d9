import type { Onboarding } from '#shared/onboarding/onboarding.ts';
import { OnboardingNotFoundError, type OnboardingRepository } from '#shared/ports/onboarding-repository.ts';

export async function loadOnboarding(repo: OnboardingRepository, onboardingId: string): Promise<Onboarding> {
  const onboarding = await repo.get(onboardingId);
  if (!onboarding) throw new OnboardingNotFoundError(onboardingId);
  return onboarding;
}
