import { verifyIdentityNumber } from '#shared/use-cases/verify-identity.ts';
import { csrfToken } from './csrf.ts';
import { renderAccountPage } from './html/account-page.ts';
import { identityRejectedResponse } from './identity-rejected.ts';
import { openSession } from './link-session.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { htmlResponse } from './responses.ts';
import { pageMessagesFor } from './texts/index.ts';

/** POST /account/identity: the right identity number opens the check-your-data form. */
export async function checkIdentity(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const opened = await openSession(deps, request, { csrf: true });
  if (!opened.ok) return opened.response;
  const { session } = opened;
  const { onboarding, now } = session;
  const verified = await verifyIdentityNumber(deps.repo, onboarding, request.form.identityNumber, now);
  if (!verified.ok) return identityRejectedResponse(session, verified, request.form.identityNumber);

  const body = renderAccountPage(session.language, pageMessagesFor(session.language), {
    csrf: csrfToken(session.token),
    cardholder: onboarding.cardholder,
    enteredIdentityNumber: verified.entered,
    termsAccepted: false,
    errors: [],
  });
  return htmlResponse(200, body, 'IdentityMatched', { onboardingId: onboarding.onboardingId });
}
