import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { hashPassword } from '#shared/domain/password-hash.ts';
import { readAccountForm } from '#shared/pages/account-form.ts';
import { csrfToken } from '#shared/pages/csrf.ts';
import { renderAccountPage } from '#shared/pages/html/account-page.ts';
import { openSession } from '#shared/pages/link-session.ts';
import type { PageDependencies, PageRequest, PageResponse } from '#shared/pages/page.ts';
import { PATHS } from '#shared/pages/paths.ts';
import { htmlResponse, linkProblemResponse, redirectResponse } from '#shared/pages/responses.ts';
import { expiredSessionCookie } from '#shared/pages/session-cookie.ts';
import { usesSecureCookies } from '#shared/pages/settings.ts';
import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import { type OnboardingRepository, StaleOnboardingError } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import { verifyEnteredIdentity } from './verify-identity.ts';

// Another writer (a storeWait, a counted identity failure) may bump the version between the read
// and the stage change; re-reading a couple of times settles that without giving up the account.
const TRANSITION_ROUNDS = 3;

type Account = NonNullable<Onboarding['account']>;

/**
 * POST /account: the worker confirms. Checks the session, CSRF, lock and identity number again,
 * then the password and terms; hashes the password, then in one write uses up the link and moves
 * the onboarding to ACCOUNT_CREATED, and resumes the waiting execution. One write, because with two
 * a failure between them would leave a used link and no account: the worker's retry would only
 * hear "link used". Any failure before the write leaves the link usable.
 */
export async function createAccount(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const opened = await openSession(deps, request, { csrf: true });
  if (!opened.ok) return opened.response;
  const { session } = opened;
  const verified = await verifyEnteredIdentity(deps, session, request.form.identityNumber);
  if (!verified.ok) return verified.response;

  const { onboarding, now, tokenHash } = session;
  const { language, onboardingId } = onboarding;
  const m = pageMessagesFor(language);
  const form = readAccountForm(request.form, onboarding.cardholder);
  if (form.errors.length > 0) {
    const body = renderAccountPage(language, m, {
      csrf: csrfToken(session.token),
      cardholder: onboarding.cardholder,
      enteredIdentityNumber: verified.entered,
      termsAccepted: form.termsAccepted,
      errors: form.errors.map(({ field, code }) => ({ field, message: m.account.errors[code] })),
    });
    return htmlResponse(422, body, 'AccountFormInvalid', {
      onboardingId,
      detail: form.errors.map((error) => error.code).join(','),
    });
  }

  const passwordHash = await (deps.hashPassword ?? hashPassword)(form.password);
  const secure = usesSecureCookies(deps.settings);
  const forget = { cookies: [expiredSessionCookie(secure)], onboardingId };
  const at = now.toISOString();
  const account: Account = {
    passwordHash,
    termsVersion: deps.settings.termsVersion,
    termsAcceptedAt: at,
    createdAt: at,
  };
  const recorded = await recordAccount(deps.repo, onboardingId, tokenHash, account, now);
  if (!recorded.ok) {
    return linkProblemResponse(recorded.problem, language, deps.settings.signInUrl, 'LinkRejected', forget);
  }
  const resume = await resumeWorkflow(deps.workflow, recorded.taskToken, at);
  return redirectResponse(language, `${PATHS.created}?lang=${language}`, 'AccountCreated', {
    ...forget,
    detail: `resume-${resume.result}`,
    ...(resume.result === 'failed' ? { level: 'error', errorName: resume.errorName } : {}),
  });
}

type Recorded = { ok: true; taskToken?: string } | { ok: false; problem: 'used' | 'closed' };

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
        changes: { wait: null, account, link: { ...link, usedAt: at.toISOString() } },
      });
      return taskToken === undefined ? { ok: true } : { ok: true, taskToken };
    } catch (error) {
      if (!(error instanceof StaleOnboardingError) || round >= TRANSITION_ROUNDS) throw error;
    }
  }
}

type Resumed = { result: 'resumed' | 'gone' | 'no-wait' } | { result: 'failed'; errorName: string };

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
