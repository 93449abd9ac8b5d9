import { PATHS } from '#shared/contracts/worker-routes.ts';
import { checkLink } from '#shared/use-cases/check-link.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { linkProblemResponse, redirectResponse } from './responses.ts';
import { sessionCookie } from './session-cookie.ts';
import { usesSecureCookies } from './settings.ts';

/**
 * GET /account/start?token=…: the emailed link. A usable link becomes a session cookie and a 303
 * to /account, so the token leaves the address bar (and history, and any Referer) at once.
 */
export async function startSession(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const now = deps.clock.now();
  const link = await checkLink(deps.repo, request.query.token, now);
  if (!link.ok) {
    return linkProblemResponse(
      link.problem,
      link.language ?? request.language,
      deps.settings.signInUrl,
      'LinkRejected',
      link.onboardingId === undefined ? {} : { onboardingId: link.onboardingId },
    );
  }
  const { onboarding } = link;
  // checkLink verified this very link, so it is there; the fallback only satisfies the type.
  const expiresAt = onboarding.link?.expiresAt ?? now.toISOString();
  return redirectResponse(onboarding.language, PATHS.account, 'LinkAccepted', {
    cookies: [sessionCookie(link.token, expiresAt, now, usesSecureCookies(deps.settings))],
    onboardingId: onboarding.onboardingId,
  });
}
