const SECONDS_PER_DAY = 86_400;
const SECONDS_PER_HOUR = 3_600;

export interface ScanWait {
  /** Number of wait cycles; the worker gets a reminder after each but the last. */
  cycles: number;
  /** Length of one cycle: the WaitForScan task's timeout. */
  cycleSeconds: number;
}

/**
 * Splits the total scan wait into equal cycles of at most `maxCycleDays` each:
 * ceil(total / max) cycles of total / cycles seconds, rounded up so the sum is never shorter than asked.
 * Short cycles also keep every timer under the local stack's limit (Node timers fire at once
 * beyond about 24.8 days).
 */
export function splitScanWait(totalDays: number, maxCycleDays: number): ScanWait {
  if (!(totalDays > 0 && maxCycleDays > 0)) {
    throw new RangeError(`Scan wait days must be positive (total ${totalDays}, max cycle ${maxCycleDays})`);
  }
  const cycles = Math.ceil(totalDays / maxCycleDays);
  const cycleSeconds = Math.ceil((totalDays * SECONDS_PER_DAY) / cycles);
  return { cycles, cycleSeconds };
}

export interface WorkflowTimings {
  scanWaitTotalDays: number;
  maxScanWaitCycleDays: number;
  accountLinkHours: number;
  maxAccountLinks: number;
}

/** One account link's lifetime: also how long WaitForAccount waits (ACCOUNT_LINK_SECONDS). */
export function accountLinkSeconds(timings: Pick<WorkflowTimings, 'accountLinkHours'>): number {
  return timings.accountLinkHours * SECONDS_PER_HOUR;
}

/**
 * The numeric ASL substitutions of state-machines/onboarding.asl.json. Pure (no CDK), so the
 * local stack can substitute exactly the same values.
 */
export function timingSubstitutions(timings: WorkflowTimings): Record<string, string> {
  const scanWait = splitScanWait(timings.scanWaitTotalDays, timings.maxScanWaitCycleDays);
  return {
    ScanWaitCycleSeconds: String(scanWait.cycleSeconds),
    ScanWaitCycles: String(scanWait.cycles),
    AccountLinkSeconds: String(accountLinkSeconds(timings)),
    MaxAccountLinks: String(timings.maxAccountLinks),
  };
}
