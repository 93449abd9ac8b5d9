import { PATHS } from '#shared/contracts/worker-routes.ts';
import type { LinkCheck } from '#shared/use-cases/check-link.ts';
import { renderStartPage } from './html/start-page.ts';
import { checkLinkOf } from './link-session.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { errorResponse, htmlResponse, linkProblemResponse, redirectResponse } from './responses.ts';
import { sessionCookie } from './session-cookie.ts';
import { usesSecureCookies } from './settings.ts';
import { pageMessagesFor } from './texts/index.ts';

/**
 * GET /account/start?token=…: the emailed link opens *Create user account* (nothing is written;
 * a used link may resume an execution its account's request left waiting, see checkLinkOf).
 */
export async function showStartPage(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const link = await checkLinkOf(deps, request.query.token, deps.clock.now());
  if (!link.ok) return rejectedLink(deps, request, link, request.query.token);
  const { onboardingId } = link.onboarding;
  const language = request.chosenLanguage ?? link.onboarding.language;
  const body = renderStartPage(language, pageMessagesFor(language), link.token);
  return htmlResponse(200, body, 'StartPageShown', { onboardingId });
}

/**
 * POST /account/start (token in the form): exchanges a usable link for a session cookie and a 303
 * to /account, so the token leaves the address bar (and history, and any Referer). A POST from
 * another site is refused: it could only sign a worker in to someone else's onboarding.
 */
export async function startSession(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  if (isCrossSitePost(request, deps.settings.publicBaseUrl)) {
    return errorResponse('forbidden', request.language, 'CsrfRejected');
  }
  const now = deps.clock.now();
  const link = await checkLinkOf(deps, request.form.token, now);
  if (!link.ok) return rejectedLink(deps, request, link);
  const { onboarding } = link;
  // checkLink verified this very link, so it is there; the fallback only satisfies the type.
  const expiresAt = onboarding.link?.expiresAt ?? now.toISOString();
  return redirectResponse(request.chosenLanguage ?? onboarding.language, PATHS.account, 'LinkAccepted', {
    cookies: [sessionCookie(link.token, expiresAt, now, usesSecureCookies(deps.settings))],
    onboardingId: onboarding.onboardingId,
  });
}

/** The page for a refused link; a renewable one offers *Send me a new link* with its own token. */
export function rejectedLink(
  deps: PageDependencies,
  request: PageRequest,
  link: Exclude<LinkCheck, { ok: true }>,
  token?: string,
): PageResponse {
  return linkProblemResponse(
    link.problem,
    request.chosenLanguage ?? link.language ?? request.language,
    deps.settings.signInUrl,
    'LinkRejected',
    {
      ...(link.onboardingId === undefined ? {} : { onboardingId: link.onboardingId }),
      ...(link.problem === 'renewable' && token !== undefined ? { linkToken: token } : {}),
    },
  );
}

/** Sec-Fetch-Site (every current browser) or else Origin says the form was posted by another site. */
export function isCrossSitePost(request: PageRequest, publicBaseUrl: string): boolean {
  if (request.fetchSite !== undefined) return request.fetchSite === 'cross-site';
  return request.origin !== undefined && request.origin !== new URL(publicBaseUrl).origin;
}
