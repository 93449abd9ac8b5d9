import type { z } from 'zod';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import { loadOnboarding } from './load-onboarding.ts';
import type { ExpireOnboardingInput } from './task-inputs.ts';

/** A wait ran out: EXPIRED, with the wait and any link cleared so nothing can resume it. */
export async function expireOnboarding(
  input: z.infer<typeof ExpireOnboardingInput>,
  deps: { repo: OnboardingRepository; clock: Clock },
): Promise<void> {
  const onboarding = await loadOnboarding(deps.repo, input.onboardingId);
  if (onboarding.stage === 'EXPIRED') return;
  await deps.repo.transition(onboarding.onboardingId, {
    expectedVersion: onboarding.version,
    to: 'EXPIRED',
    cause: input.reason === 'NO_SCAN' ? 'scan-wait-expired' : 'account-wait-expired',
    at: deps.clock.now(),
    changes: { wait: null, link: null },
  });
}
