import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import { csrfToken } from './csrf.ts';
import { renderIdentityPage } from './html/identity-page.ts';
import { isDigitsOnly } from './identity-rejected.ts';
import { openSession } from './link-session.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { htmlResponse } from './responses.ts';

/** GET /account: *Sign in after manual ID verification*, or the lock page while entry is locked. */
export async function showIdentityForm(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const opened = await openSession(deps, request, { csrf: false });
  if (!opened.ok) return opened.response;
  const { onboarding, token, language } = opened.session;
  const body = renderIdentityPage(language, pageMessagesFor(language), {
    csrf: csrfToken(token),
    digitsOnly: isDigitsOnly(onboarding.cardholder.identityNumber),
  });
  return htmlResponse(200, body, 'IdentityFormShown', { onboardingId: onboarding.onboardingId });
}
