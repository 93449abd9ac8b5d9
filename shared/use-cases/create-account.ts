import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { hashPassword } from '#shared/domain/password-hash.ts';
import { type OnboardingRepository, StaleOnboardingError } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import { type AccountFormError, type AccountFormFields, checkAccountForm } from './check-account-form.ts';

// Another writer (a storeWait, a counted identity failure) may bump the version between the read
// and the stage change; re-reading a couple of times settles that without giving up the account.
const TRANSITION_ROUNDS = 3;

type Account = NonNullable<Onboarding['account']>;

export interface AccountDependencies {
  repo: OnboardingRepository;
  workflow: Workflow;
  /** Version of the ID06 General Terms and Conditions the worker accepts, stored on the account. */
  termsVersion: string;
  /** Defaults to hashPassword at the production scrypt cost; tests inject a cheaper cost. */
  hashPassword?: (password: string) => Promise<string>;
}

export interface AccountRequest extends AccountFormFields {
  /** As read by the link check of this request. */
  onboarding: Onboarding;
  /** The hash of the link this request came through: it must still be the current, unused one. */
  tokenHash: string;
  now: Date;
}

export type AccountCreation =
  | { ok: true; resume: Resumed }
  | { ok: false; reason: 'invalid'; errors: AccountFormError[] }
  | { ok: false; reason: 'link'; problem: 'used' | 'closed' };

/**
 * The worker confirms (identity number already verified by the caller): checks the password and
 * terms, hashes the password, then in one write uses up the link and moves the onboarding to
 * ACCOUNT_CREATED, and resumes the waiting execution. One write, because with two a failure
 * between them would leave a used link and no account: the worker's retry would only hear "link
 * used". Any failure before the write leaves the link usable.
 */
export async function createAccount(
  deps: AccountDependencies,
  request: AccountRequest,
): Promise<AccountCreation> {
  const { onboarding, now } = request;
  const errors = checkAccountForm(request, onboarding.cardholder);
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };

  const passwordHash = await (deps.hashPassword ?? hashPassword)(request.password);
  const at = now.toISOString();
  const account: Account = {
    passwordHash,
    termsVersion: deps.termsVersion,
    termsAcceptedAt: at,
    createdAt: at,
  };
  const recorded = await recordAccount(deps.repo, onboarding.onboardingId, request.tokenHash, account, now);
  if (!recorded.ok) {
    if (recorded.finished) await resumeFinishedAccount(deps.workflow, recorded.finished);
    return { ok: false, reason: 'link', problem: recorded.problem };
  }
  return { ok: true, resume: await resumeWorkflow(deps.workflow, recorded.taskToken, at) };
}

type Recorded =
  | { ok: true; taskToken?: string }
  /** `finished`: the account was created through this very link already (an answer lost on the way). */
  | { ok: false; problem: 'used' | 'closed'; finished?: Onboarding };

/**
 * An account whose execution may still wait for it: a request that created it may have died
 * between its write and SendTaskSuccess, or its write may have been retried and found done. The
 * wait stays on the record for this; resuming again is harmless (a used token answers 'gone').
 */
export async function resumeFinishedAccount(workflow: Workflow, onboarding: Onboarding): Promise<Resumed> {
  if (onboarding.stage !== 'ACCOUNT_CREATED' || onboarding.wait?.kind !== 'ACCOUNT')
    return { result: 'no-wait' };
  return resumeWorkflow(
    workflow,
    onboarding.wait.taskToken,
    onboarding.account?.createdAt ?? new Date().toISOString(),
  );
}

/**
 * Moves the onboarding to ACCOUNT_CREATED with the link marked used, if the link is still this
 * request's and unused; returns the task token it read just before.
 */
async function recordAccount(
  repo: OnboardingRepository,
  onboardingId: string,
  tokenHash: string,
  account: Account,
  at: Date,
): Promise<Recorded> {
  for (let round = 1; ; round++) {
    const current = await repo.get(onboardingId);
    if (current?.stage === 'EXPIRED' || current?.stage === 'CANCELLED')
      return { ok: false, problem: 'closed' };
    // Used in another tab, or replaced by a resend, since this request's checks.
    const link = current?.link;
    if (current?.stage === 'ACCOUNT_CREATED' && link?.tokenHash === tokenHash) {
      return { ok: false, problem: 'used', finished: current };
    }
    if (current?.stage !== 'LINK_EMAILED' || link?.tokenHash !== tokenHash || link.usedAt !== undefined) {
      return { ok: false, problem: 'used' };
    }
    const taskToken = current.wait?.kind === 'ACCOUNT' ? current.wait.taskToken : undefined;
    try {
      await repo.transition(onboardingId, {
        expectedVersion: current.version,
        from: current.stage,
        to: 'ACCOUNT_CREATED',
        cause: 'account-created',
        at,
        // The wait stays: resumeFinishedAccount needs it if this request dies before resuming.
        changes: { account, link: { ...link, usedAt: at.toISOString() } },
      });
      return taskToken === undefined ? { ok: true } : { ok: true, taskToken };
    } catch (error) {
      if (!(error instanceof StaleOnboardingError) || round >= TRANSITION_ROUNDS) throw error;
    }
  }
}

export type Resumed = { result: 'resumed' | 'gone' | 'no-wait' } | { result: 'failed'; errorName: string };

/**
 * Resumes the execution waiting for the account. Without a stored token (the worker was faster
 * than the wait was stored, or it timed out) there is nothing to resume: the workflow's link-expiry
 * path finds the account created. A failed call is reported, not thrown: the account exists and
 * the worker must see that; the same expiry path picks it up, and the error is logged for operators.
 */
async function resumeWorkflow(
  workflow: Workflow,
  taskToken: string | undefined,
  createdAt: string,
): Promise<Resumed> {
  if (taskToken === undefined) return { result: 'no-wait' };
  try {
    return { result: await workflow.resume(taskToken, { createdAt }) };
  } catch (error) {
    return { result: 'failed', errorName: error instanceof Error ? error.name : 'Error' };
  }
}
