import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';
import type { ScanOutcome } from '#shared/contracts/scan-outcome.ts';
import { hashIdentityNumber, parseIdentityNumber } from '#shared/domain/identity-number/index.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
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
  | { result: 'resumed'; onboardingIds: string[]; accepted: boolean }
  | { result: 'duplicate'; onboardingIds: string[] }
  | { result: 'unmatched'; reason: UnmatchedReason };

/**
 * ScanCompleted → every onboarding of this person that waits for a scan is resumed with the scan
 * evaluated against its own order (one person may have orders from two employers: each is its own
 * card). The stage change happens in the workflow's next step, so the only side effect here is
 * SendTaskSuccess, which a task token accepts once. An onboarding that has the scan on record
 * already is skipped; one that is open but between two waits makes the whole delivery retry later
 * (after the others were resumed, which a retry then skips).
 */
export async function receiveScan(
  scan: ScanCompletedDetail,
  deps: ReceiveScanDeps,
): Promise<ReceiveScanResult> {
  const now = deps.clock.now();
  const parsed = parseIdentityNumber(scan.identity.nationality, scan.identity.identityNumber, now);
  if (!parsed.ok) {
    await deps.unmatched.keep(scan, 'identity-number-invalid', now);
    return { result: 'unmatched', reason: 'identity-number-invalid' };
  }
  const hash = hashIdentityNumber(scan.identity.nationality, parsed.normalized, deps.identitySecret);
  const candidates = await deps.repo.findByIdentityHash(hash);

  const hasScan = (c: Onboarding) => c.scans?.some((s) => s.scanId === scan.scanId) ?? false;
  const open = candidates.filter((c) => SCAN_STAGES.has(c.stage) && !hasScan(c));
  if (open.length === 0) {
    const seen = candidates.filter(hasScan).map((c) => c.onboardingId);
    if (seen.length > 0) return { result: 'duplicate', onboardingIds: seen };
    // Kept under the person's hash: an order that arrives later takes it at its first scan wait.
    await deps.unmatched.keep(scan, 'no-waiting-onboarding', now, hash);
    return { result: 'unmatched', reason: 'no-waiting-onboarding' };
  }

  const resumed: string[] = [];
  let accepted = false;
  let notReady: string | undefined;
  for (const onboarding of open) {
    const outcome = outcomeFor(scan, onboarding, now);
    // Between two waits (a reminder, a rejection email) there is no live token for a moment.
    const result =
      onboarding.wait?.kind === 'SCAN'
        ? await deps.workflow.resume(onboarding.wait.taskToken, outcome)
        : 'gone';
    if (result === 'gone') notReady ??= onboarding.onboardingId;
    else {
      resumed.push(onboarding.onboardingId);
      accepted ||= outcome.accepted;
    }
  }
  if (notReady !== undefined) throw new ScanWaitNotReadyError(notReady);
  return { result: 'resumed', onboardingIds: resumed, accepted };
}

/** The scan judged against one onboarding's order: ids and codes only, for the execution history. */
function outcomeFor(scan: ScanCompletedDetail, onboarding: Onboarding, now: Date): ScanOutcome {
  const evaluation = evaluateScan(scan, onboarding.cardholder, now);
  if (evaluation.accepted) return { scanId: scan.scanId, accepted: true, colour: 'GREEN', reason: 'VALID' };
  return {
    scanId: scan.scanId,
    accepted: false,
    colour: evaluation.colour,
    reason: evaluation.reason,
    category: rejectionCategory(evaluation.reason),
  };
}
