import type { z } from 'zod';
import type { ExpireOnboardingInput } from '#shared/contracts/task-inputs.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import { accountCreatedAt, loadOnboarding } from './load-onboarding.ts';

export type ExpireOnboardingResult =
  | { outcome: 'EXPIRED'; accountCreatedAt: null }
  | { outcome: 'ACCOUNT_ALREADY_CREATED'; accountCreatedAt: string };

/**
 * A wait ran out: EXPIRED, with the wait cleared so nothing can resume it. The link hash stays so a
 * worker who clicks an old link is told the order is closed rather than that the link is unknown;
 * the stage already stops it from working. The worker may have finished the pages just as the last
 * link's wait timed out; then the account stands and its creation time is returned.
 */
export async function expireOnboarding(
  input: z.infer<typeof ExpireOnboardingInput>,
  deps: { repo: OnboardingRepository; clock: Clock },
): Promise<ExpireOnboardingResult> {
  const onboarding = await loadOnboarding(deps.repo, input.onboardingId);
  if (onboarding.stage === 'ACCOUNT_CREATED') {
    return { outcome: 'ACCOUNT_ALREADY_CREATED', accountCreatedAt: accountCreatedAt(onboarding) };
  }
  if (onboarding.stage === 'EXPIRED') return { outcome: 'EXPIRED', accountCreatedAt: null };
  await deps.repo.transition(onboarding.onboardingId, {
    expectedVersion: onboarding.version,
    from: onboarding.stage,
    to: 'EXPIRED',
    cause: input.reason === 'NO_SCAN' ? 'scan-wait-expired' : 'account-wait-expired',
    at: deps.clock.now(),
    changes: { wait: null },
  });
  return { outcome: 'EXPIRED', accountCreatedAt: null };
}
