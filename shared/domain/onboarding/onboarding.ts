import type { Cardholder, CardOrderedDetail } from '#shared/contracts/events/card-ordered.ts';
import type { Language } from '#shared/contracts/events/fields.ts';
import type { HistoryEntry, Stage } from './stages.ts';

/** What the workflow waits for while a task token is stored. */
/** What a waiting execution waits for: a scan, the account, or the worker asking for a new link. */
export type WaitKind = 'SCAN' | 'ACCOUNT' | 'NEW_LINK';

/**
 * One onboarding per card order: the single DynamoDB item that holds the worker's data and the
 * state of the flow. Personal data lives only here (encrypted at rest with the table's KMS key).
 */
export interface Onboarding {
  onboardingId: string;
  orderId: string;
  stage: Stage;
  /** Incremented by every write; writers state the version they read. */
  version: number;
  createdAt: string;
  updatedAt: string;
  language: Language;
  cardholder: Cardholder & {
    /** Canonical form from parseIdentityNumber, for duplicates and the lookup hash. */
    identityNumberNormalized: string;
  };
  employer: CardOrderedDetail['employer'];
  orderer: CardOrderedDetail['orderer'];
  /** HMAC of nationality + normalized number; the GSI key Sistec's scans are matched on. */
  identityHash: string;
  history: HistoryEntry[];
  /** The Step Functions task token of the current wait; server side only. */
  wait?: { kind: WaitKind; taskToken: string; since: string };
  /**
   * The current account link: only its hash. Resending replaces it, so the old link stops working.
   * `issueKey` names the state machine's issue it came from, so a retry of that issue is told
   * apart from a resend.
   */
  link?: { tokenHash: string; expiresAt: string; linkNumber: number; usedAt?: string; issueKey?: string };
  /** Wrong identity-number tries on the worker pages; entry locks at the limit. */
  /**
   * Identity-number tries (see domain/identity-lock.ts): `tries` counted in the window that began at
   * `windowStart`, `total` over the onboarding's life. A try is counted before its comparison; a
   * right one is given back.
   */
  identityChecks?: { tries: number; windowStart: string; total: number };
  /** Set once the account exists. */
  account?: { passwordHash: string; termsVersion: string; termsAcceptedAt: string; createdAt: string };
  /** Audit trail of scan decisions: outcome only, no document data (the scan payload is not kept). */
  scans?: { scanId: string; at: string; accepted: boolean; colour: string; reason?: string }[];
  /** The last unrecoverable error of the workflow, for operators. */
  failure?: { at: string; error: string; cause: string };
  /** Epoch seconds when DynamoDB TTL deletes the item (retention, see README). */
  expiresAtEpoch?: number;
}
