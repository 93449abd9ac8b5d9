import { readFileSync } from 'node:fs';
import {
  ACCOUNT_CREATED,
  ACCOUNT_LINK_EMAILED,
  ONBOARDING_EXPIRED,
  SCAN_REJECTED,
} from '#shared/contracts/events/onboarding-events.ts';
import { ONBOARDING_SOURCE } from '#shared/contracts/events/sources.ts';
import { FUNCTIONS } from './catalog.ts';

/**
 * Settings of the onboarding workflow that both targets share (no CDK here): the ASL file, its
 * substitutions and the production defaults. The CDK context and `npm start` start from these.
 */

export const DEFINITION_FILE = 'state-machines/onboarding.asl.json';

export function readDefinition(): string {
  return readFileSync(new URL(`../${DEFINITION_FILE}`, import.meta.url), 'utf8');
}

/** Defaults of the deployment context (and of the local stack). */
export const WORKFLOW_DEFAULTS = {
  scanWaitTotalDays: 60,
  maxScanWaitCycleDays: 14,
  accountLinkHours: 72,
  maxAccountLinks: 3,
  /** Days an onboarding record is kept (DynamoDB TTL). */
  retentionDays: 90,
  /** Days a scan that came before its order is applied when the order arrives. */
  earlyScanDays: 7,
} as const;

/** Version of the ID06 General Terms and Conditions the worker pages ask to accept. */
export const TERMS_VERSION = '2026-01';

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
export interface TimingSubstitutions {
  ScanWaitCycleSeconds: string;
  ScanWaitCycles: string;
  AccountLinkSeconds: string;
  MaxAccountLinks: string;
}

export function timingSubstitutions(timings: WorkflowTimings): TimingSubstitutions {
  const scanWait = splitScanWait(timings.scanWaitTotalDays, timings.maxScanWaitCycleDays);
  return {
    ScanWaitCycleSeconds: String(scanWait.cycleSeconds),
    ScanWaitCycles: String(scanWait.cycles),
    AccountLinkSeconds: String(accountLinkSeconds(timings)),
    MaxAccountLinks: String(timings.maxAccountLinks),
  };
}

/** The source and detail types of the events the state machine puts on the bus: the contracts' own. */
export const EMITTED_EVENT_SUBSTITUTIONS = {
  OnboardingEventSource: ONBOARDING_SOURCE,
  ScanRejectedDetailType: SCAN_REJECTED,
  AccountLinkEmailedDetailType: ACCOUNT_LINK_EMAILED,
  AccountCreatedDetailType: ACCOUNT_CREATED,
  OnboardingExpiredDetailType: ONBOARDING_EXPIRED,
} as const;

/**
 * Every substitution of the definition: the task functions' ARNs by their catalog placeholder, the
 * bus, the emitted events' names and the timings. `functionArn` differs per target (a CloudFormation token, a local ARN).
 */
export function definitionSubstitutions(options: {
  functionArn: (name: string) => string;
  busName: string;
  timings: TimingSubstitutions;
}): Record<string, string> {
  const tasks = FUNCTIONS.flatMap((spec) =>
    spec.trigger.kind === 'task' ? [[spec.trigger.placeholder, options.functionArn(spec.name)] as const] : [],
  );
  return {
    ...Object.fromEntries(tasks),
    EventBusName: options.busName,
    ...EMITTED_EVENT_SUBSTITUTIONS,
    ...options.timings,
  };
}
