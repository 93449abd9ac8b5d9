import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { type ReceiveScanDeps, receiveScan, ScanWaitNotReadyError } from './receive-scan.ts';

export interface ApplyEarlyScanDeps extends ReceiveScanDeps {
  /** How long after it came a scan is still applied to an order that arrives later. */
  earlyScanSeconds: number;
}

/**
 * A scan may come before its order (Sistec scans, the employer orders afterwards). It was kept
 * under the person's identity hash; when the order's first scan wait starts, the newest such scan
 * within the window is applied exactly as if Sistec had sent it now (receiveScan: judged against
 * this order, every waiting order of the person resumed), so nobody has to resend it. Called after
 * the wait's token is stored, with the onboarding as the wait read it (its identity hash and scans;
 * the wait's own write changes neither). Returns the scan id applied, if any.
 */
export async function applyEarlyScan(
  onboarding: Onboarding,
  deps: ApplyEarlyScanDeps,
): Promise<string | undefined> {
  const since = new Date(deps.clock.now().getTime() - deps.earlyScanSeconds * 1000);
  const scan = await deps.unmatched.newestFor(onboarding.identityHash, since);
  if (scan === undefined || onboarding.scans?.some((s) => s.scanId === scan.scanId)) return undefined;
  try {
    await receiveScan(scan, deps);
  } catch (error) {
    // Another order of the person is between two waits: it takes the scan at its own next wait.
    if (!(error instanceof ScanWaitNotReadyError)) throw error;
  }
  return scan.scanId;
}
