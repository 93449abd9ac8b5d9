import { PATHS } from '#shared/contracts/worker-routes.ts';
import { createAccount as createWorkerAccount } from '#shared/use-cases/create-account.ts';
import { verifyIdentityNumber } from '#shared/use-cases/verify-identity.ts';
import { csrfToken } from './csrf.ts';
import { renderAccountPage } from './html/account-page.ts';
import { identityRejectedResponse } from './identity-rejected.ts';
import { openSession } from './link-session.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { htmlResponse, linkProblemResponse, redirectResponse } from './responses.ts';
import { expiredSessionCookie } from './session-cookie.ts';
import { usesSecureCookies } from './settings.ts';
import { pageMessagesFor } from './texts/index.ts';

/**
 * POST /account: the worker confirms. Session, CSRF, lock and identity number are checked again
 * (the hidden field could have been edited), then the use case creates the account.
 */
export async function createAccount(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const opened = await openSession(deps, request, { csrf: true });
  if (!opened.ok) return opened.response;
  const { session } = opened;
  const { onboarding, now } = session;
  const { language } = session;
  const { onboardingId } = onboarding;
  const verified = await verifyIdentityNumber(deps.repo, onboarding, request.form.identityNumber, now);
  if (!verified.ok) return identityRejectedResponse(session, verified);

  const { form } = request;
  const fields = {
    password: form.password ?? '',
    termsAccepted: form.terms === 'accepted',
  };
  const created = await createWorkerAccount(
    { ...deps, termsVersion: deps.settings.termsVersion },
    { ...fields, onboarding, tokenHash: session.tokenHash, now },
  );
  const forget = { cookies: [expiredSessionCookie(usesSecureCookies(deps.settings))], onboardingId };
  if (created.ok) {
    const { resume } = created;
    return redirectResponse(language, `${PATHS.created}?lang=${language}`, 'AccountCreated', {
      ...forget,
      detail: `resume-${resume.result}`,
      ...(resume.result === 'failed' ? { level: 'error', errorName: resume.errorName } : {}),
    });
  }
  if (created.reason === 'link') {
    return linkProblemResponse(created.problem, language, deps.settings.signInUrl, 'LinkRejected', forget);
  }
  const m = pageMessagesFor(language);
  const body = renderAccountPage(language, m, {
    csrf: csrfToken(session.token),
    cardholder: onboarding.cardholder,
    enteredIdentityNumber: verified.entered,
    termsAccepted: fields.termsAccepted,
    errors: created.errors.map(({ field, code }) => ({ field, message: m.account.errors[code] })),
  });
  return htmlResponse(422, body, 'AccountFormInvalid', {
    onboardingId,
    detail: created.errors.map((error) => error.code).join(','),
  });
}
