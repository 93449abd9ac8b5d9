import type { z } from 'zod';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { RecordFailureInput } from './task-inputs.ts';

/** Keeps the workflow's error name on the record for operators (error names carry no personal data). */
export async function recordFailure(
  input: z.infer<typeof RecordFailureInput>,
  deps: { repo: OnboardingRepository; clock: Clock },
): Promise<void> {
  await deps.repo.recordFailure(input.onboardingId, {
    at: deps.clock.now().toISOString(),
    error: input.error,
    cause: 'workflow',
  });
}
