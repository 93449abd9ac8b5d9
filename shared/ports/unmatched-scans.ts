import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';

export type UnmatchedReason = 'identity-number-invalid' | 'no-waiting-onboarding';

/**
 * Scans that resumed nothing, kept (encrypted, with a TTL) for an operator to resolve. One whose
 * identity number parsed is also kept under the person's identity hash: the order may arrive after
 * the scan, and its first scan wait then takes the newest one (`newestFor`).
 */
export interface UnmatchedScans {
  keep(scan: ScanCompletedDetail, reason: UnmatchedReason, at: Date, identityHash?: string): Promise<void>;
  /** The newest scan kept for this person at or after `since`, if any. */
  newestFor(identityHash: string, since: Date): Promise<ScanCompletedDetail | undefined>;
}
