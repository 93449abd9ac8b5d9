import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';

export type UnmatchedReason = 'identity-number-invalid' | 'no-waiting-onboarding';

/** Scans that resumed nothing, kept (encrypted, with a TTL) for an operator to resolve. */
export interface UnmatchedScans {
  keep(scan: ScanCompletedDetail, reason: UnmatchedReason, at: Date): Promise<void>;
}
