import type { z } from 'zod';
import type { RejectScanInput } from '#shared/contracts/task-inputs.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import { loadOnboarding } from './load-onboarding.ts';

/** Records a rejected scan (outcome only: no document data is kept) and moves to SCAN_REJECTED. */
export async function rejectScan(
  input: z.infer<typeof RejectScanInput>,
  deps: { repo: OnboardingRepository; clock: Clock },
): Promise<void> {
  const onboarding = await loadOnboarding(deps.repo, input.onboardingId);
  // A retry after a successful write finds its own audit entry and does nothing.
  if (onboarding.scans?.some((s) => s.scanId === input.scan.scanId)) return;
  const at = deps.clock.now();
  await deps.repo.transition(onboarding.onboardingId, {
    expectedVersion: onboarding.version,
    from: onboarding.stage,
    to: 'SCAN_REJECTED',
    cause: 'scan-rejected',
    detail: input.scan.reason,
    at,
    changes: {
      wait: null,
      scan: {
        scanId: input.scan.scanId,
        at: at.toISOString(),
        accepted: false,
        colour: input.scan.colour,
        reason: input.scan.reason,
      },
    },
  });
}
