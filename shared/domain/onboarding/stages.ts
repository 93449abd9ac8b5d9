/**
 * The onboarding stages and the moves between them. Pure: the repository enforces the same rule
 * with a conditional write, so two racing writers cannot both move a record.
 */
export const STAGES = [
  'CARD_ORDERED',
  'AWAITING_SCAN',
  'SCAN_REJECTED',
  'LINK_EMAILED',
  'ACCOUNT_CREATED',
  'EXPIRED',
  'CANCELLED',
] as const;
export type Stage = (typeof STAGES)[number];

const ALLOWED: Record<Stage, readonly Stage[]> = {
  CARD_ORDERED: ['AWAITING_SCAN', 'EXPIRED', 'CANCELLED'],
  AWAITING_SCAN: ['SCAN_REJECTED', 'LINK_EMAILED', 'EXPIRED', 'CANCELLED'],
  SCAN_REJECTED: ['AWAITING_SCAN', 'EXPIRED', 'CANCELLED'],
  // LINK_EMAILED -> LINK_EMAILED is a resent link after the previous one expired.
  LINK_EMAILED: ['LINK_EMAILED', 'ACCOUNT_CREATED', 'EXPIRED', 'CANCELLED'],
  // The order-approval step comes after ACCOUNT_CREATED (roadmap); nothing moves on from here yet.
  ACCOUNT_CREATED: [],
  EXPIRED: [],
  CANCELLED: [],
};

/** Why a stage changed. Codes only, never personal data: history is shown to operators. */
export const CAUSES = [
  'card-ordered',
  'scan-wait-started',
  'scan-rejected',
  'scan-accepted',
  'link-resent',
  'account-created',
  'scan-wait-expired',
  'account-wait-expired',
  'cancelled',
] as const;
export type Cause = (typeof CAUSES)[number];

export interface HistoryEntry {
  at: string;
  from: Stage | null;
  to: Stage;
  cause: Cause;
  /** A short machine code (e.g. a scan rejection reason), never personal data. */
  detail?: string;
}

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  readonly from: Stage;
  readonly to: Stage;
  constructor(from: Stage, to: Stage) {
    super(`An onboarding cannot move from ${from} to ${to}`);
    this.from = from;
    this.to = to;
  }
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function canTransition(from: Stage, to: Stage): boolean {
  return ALLOWED[from].includes(to);
}

export function isFinalStage(stage: Stage): boolean {
  return ALLOWED[stage].length === 0;
}

/** The history entry for a legal move; throws IllegalTransitionError for any other. */
export function planTransition(
  from: Stage,
  to: Stage,
  cause: Cause,
  at: Date,
  detail?: string,
): HistoryEntry {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
  return { at: at.toISOString(), from, to, cause, ...(detail === undefined ? {} : { detail }) };
}
