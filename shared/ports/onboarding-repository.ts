import type { IdentityChecks, IdentityLockPolicy } from '#shared/domain/identity-lock.ts';
import type { Onboarding, WaitKind } from '#shared/domain/onboarding/onboarding.ts';
import type { Cause, Stage } from '#shared/domain/onboarding/stages.ts';

/** A new onboarding as the start-onboarding use case builds it; the repository adds the rest. */
export type NewOnboarding = Omit<Onboarding, 'version' | 'updatedAt' | 'history'>;

/** Fields a stage change may set (or clear with `null`) in the same conditional write. */
export interface TransitionChanges {
  link?: Onboarding['link'] | null;
  /** A new wait (replacing any earlier one) stored with the stage it waits in, or null to clear it. */
  wait?: Onboarding['wait'] | null;
  identityChecks?: Onboarding['identityChecks'] | null;
  account?: Onboarding['account'];
  scan?: NonNullable<Onboarding['scans']>[number];
}

export interface Transition {
  /** The version the caller read; a different stored version fails with StaleOnboardingError. */
  expectedVersion: number;
  /** The stage the caller read (at expectedVersion): the move is planned from it without a read. */
  from: Stage;
  to: Stage;
  cause: Cause;
  detail?: string;
  at: Date;
  changes?: TransitionChanges;
}

export interface OnboardingRepository {
  /** Creates the onboarding once; a second call for the same id returns `created: false` and the stored one. */
  create(onboarding: NewOnboarding): Promise<{ created: boolean; onboarding: Onboarding }>;
  get(onboardingId: string): Promise<Onboarding | undefined>;
  /**
   * Moves the stage if the move from `from` is legal and the record is still at `expectedVersion`
   * and `from`; appends the history entry. Checks in that order: IllegalTransitionError,
   * OnboardingNotFoundError, StaleOnboardingError.
   */
  transition(onboardingId: string, transition: Transition): Promise<Onboarding>;
  /** Onboardings of one person (any order), newest first. */
  findByIdentityHash(identityHash: string): Promise<Onboarding[]>;
  /**
   * Stores the task token of the current wait, replacing any earlier one. With `expectedVersion`,
   * only if the record is still at that version (else StaleOnboardingError): a wait stored on a
   * record that moved on since it was read might never be resumed.
   */
  storeWait(
    onboardingId: string,
    wait: { kind: WaitKind; taskToken: string; since: Date; expectedVersion?: number },
  ): Promise<void>;
  /**
   * Counts one identity-number try before it is compared, in one atomic conditional write: in the
   * current window while it has tries left, or as the first of a new window once the old one
   * ended, never past the lifetime cap. `reserved: false` means nothing was counted and the try
   * must not be compared; `checks` is the state the decision was made on.
   */
  reserveIdentityTry(
    onboardingId: string,
    at: Date,
    policy: IdentityLockPolicy,
  ): Promise<{ reserved: boolean; checks: IdentityChecks }>;
  /** Gives back a reserved try that turned out right, so right tries never lock anyone out. */
  releaseIdentityTry(onboardingId: string, at: Date): Promise<void>;
  recordFailure(onboardingId: string, failure: NonNullable<Onboarding['failure']>): Promise<void>;
}

export class OnboardingNotFoundError extends Error {
  override readonly name = 'OnboardingNotFoundError';
  constructor(onboardingId: string) {
    super(`No onboarding ${onboardingId}`);
  }
}

/** Someone else changed the record since it was read; re-read and decide again. */
export class StaleOnboardingError extends Error {
  override readonly name = 'StaleOnboardingError';
  constructor(onboardingId: string, expectedVersion: number) {
    super(`Onboarding ${onboardingId} is no longer at version ${expectedVersion}`);
  }
}
