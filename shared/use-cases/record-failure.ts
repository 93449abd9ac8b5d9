import type { z } from 'zod';
import type { RecordFailureInput } from '#shared/contracts/task-inputs.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';

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
