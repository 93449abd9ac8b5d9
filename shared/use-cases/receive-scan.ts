import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';
import type { ScanOutcome } from '#shared/contracts/scan-outcome.ts';
import { hashIdentityNumber, parseIdentityNumber } from '#shared/domain/identity-number/index.ts';
import type { Stage } from '#shared/domain/onboarding/stages.ts';
import { evaluateScan, rejectionCategory } from '#shared/domain/scan-evaluation.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { UnmatchedReason, UnmatchedScans } from '#shared/ports/unmatched-scans.ts';
import type { Workflow } from '#shared/ports/workflow.ts';

/** Onboardings a scan can still move on; a scan for anything else is parked for operators. */
const SCAN_STAGES: ReadonlySet<Stage> = new Set(['CARD_ORDERED', 'AWAITING_SCAN', 'SCAN_REJECTED']);

/**
 * The person's onboarding is open but not waiting right now (its execution is between two waits,
 * or the token just timed out). Thrown so EventBridge's and Lambda's retries deliver the scan again
 * a little later; after the last retry it lands in the dead-letter queue, never silently dropped.
 */
export class ScanWaitNotReadyError extends Error {
  override readonly name = 'ScanWaitNotReadyError';
  constructor(onboardingId: string) {
    super(`Onboarding ${onboardingId} is not waiting for a scan yet`);
  }
}

export interface ReceiveScanDeps {
  repo: OnboardingRepository;
  workflow: Workflow;
  unmatched: UnmatchedScans;
  clock: Clock;
  identitySecret: string;
}

export type ReceiveScanResult =
  | { result: 'resumed'; onboardingId: string; accepted: boolean }
  | { result: 'duplicate'; onboardingId: string }
  | { result: 'unmatched'; reason: UnmatchedReason };

/**
 * ScanCompleted → the onboarding waiting for this person's scan is resumed with the evaluated
 * outcome. The stage change itself happens in the workflow's next step, so this function's only
 * side effect on the flow is SendTaskSuccess, which a task token accepts once.
 */
export async function receiveScan(
  scan: ScanCompletedDetail,
  deps: ReceiveScanDeps,
): Promise<ReceiveScanResult> {
  const now = deps.clock.now();
  const unmatched = async (reason: UnmatchedReason): Promise<ReceiveScanResult> => {
    await deps.unmatched.keep(scan, reason, now);
    return { result: 'unmatched', reason };
  };

  const parsed = parseIdentityNumber(scan.identity.nationality, scan.identity.identityNumber, now);
  if (!parsed.ok) return unmatched('identity-number-invalid');
  const hash = hashIdentityNumber(scan.identity.nationality, parsed.normalized, deps.identitySecret);
  const candidates = await deps.repo.findByIdentityHash(hash);

  const seen = candidates.find((c) => c.scans?.some((s) => s.scanId === scan.scanId));
  if (seen) return { result: 'duplicate', onboardingId: seen.onboardingId };
  const open = candidates.filter((c) => SCAN_STAGES.has(c.stage));
  if (open.length === 0) return unmatched('no-waiting-onboarding');
  const waiting = open.find((c) => c.wait?.kind === 'SCAN');
  // Between two waits (a reminder, a rejection email) there is no live token for a moment.
  if (!waiting?.wait) throw new ScanWaitNotReadyError(open[0]?.onboardingId ?? '');

  const evaluation = evaluateScan(scan, waiting.cardholder, now);
  const outcome: ScanOutcome = evaluation.accepted
    ? { scanId: scan.scanId, accepted: true, colour: 'GREEN', reason: 'VALID' }
    : {
        scanId: scan.scanId,
        accepted: false,
        colour: evaluation.colour,
        reason: evaluation.reason,
        category: rejectionCategory(evaluation.reason),
      };
  const resumed = await deps.workflow.resume(waiting.wait.taskToken, outcome);
  if (resumed === 'gone') throw new ScanWaitNotReadyError(waiting.onboardingId);
  return { result: 'resumed', onboardingId: waiting.onboardingId, accepted: evaluation.accepted };
}
