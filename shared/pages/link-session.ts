import type { Language } from '#shared/contracts/events/fields.ts';
import { identityLock } from '#shared/domain/identity-lock.ts';
import { checkLink, type LinkCheck, type OpenLink } from '#shared/use-cases/check-link.ts';
import { resumeFinishedAccount } from '#shared/use-cases/create-account.ts';
import { csrfMatches } from './csrf.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { blockedResponse, errorResponse, linkProblemResponse, lockedResponse } from './responses.ts';
import { expiredSessionCookie, SESSION_COOKIE } from './session-cookie.ts';
import { usesSecureCookies } from './settings.ts';

export interface Session extends OpenLink {
  now: Date;
  /** The page language: the worker's choice on the language switch, else the order's. */
  language: Language;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; response: PageResponse };

/**
 * The checks every page after the start runs, in order: CSRF (POSTs; needs only the cookie and
 * the form, so a forged request costs no database read), the session cookie, the link behind it,
 * and the identity-entry lock.
 */
export async function openSession(
  deps: PageDependencies,
  request: PageRequest,
  { csrf }: { csrf: boolean },
): Promise<SessionCheck> {
  const { settings } = deps;
  const now = deps.clock.now();
  const token = request.cookies[SESSION_COOKIE];
  if (csrf && (token === undefined || !csrfMatches(token, request.form.csrf))) {
    return { ok: false, response: errorResponse('forbidden', request.language, 'CsrfRejected') };
  }
  if (token === undefined) {
    return {
      ok: false,
      response: linkProblemResponse('no-session', request.language, settings.signInUrl, 'SessionMissing'),
    };
  }
  const link = await checkLinkOf(deps, token, now);
  if (!link.ok) {
    return {
      ok: false,
      response: linkProblemResponse(
        link.problem,
        request.chosenLanguage ?? link.language ?? request.language,
        settings.signInUrl,
        'LinkRejected',
        {
          // The session is of no further use: let the browser forget it.
          cookies: [expiredSessionCookie(usesSecureCookies(settings))],
          ...(link.onboardingId === undefined ? {} : { onboardingId: link.onboardingId }),
          ...(link.problem === 'renewable' ? { linkToken: token } : {}),
        },
      ),
    };
  }
  const { onboarding } = link;
  const lock = identityLock(onboarding.identityChecks, now);
  const { onboardingId } = onboarding;
  const language = request.chosenLanguage ?? onboarding.language;
  if (lock.state === 'locked') {
    return { ok: false, response: lockedResponse(language, lock.until, now, { onboardingId }) };
  }
  if (lock.state === 'blocked') return { ok: false, response: blockedResponse(language, { onboardingId }) };
  return { ok: true, session: { token: link.token, tokenHash: link.tokenHash, onboarding, now, language } };
}

/**
 * checkLink for a page. A link whose account exists also finishes what the request that created
 * it may have left undone (died before SendTaskSuccess): the worker coming back resumes the
 * execution (resumeFinishedAccount; a second time is harmless).
 */
export async function checkLinkOf(deps: PageDependencies, token: unknown, now: Date): Promise<LinkCheck> {
  const link = await checkLink(deps.repo, token, now);
  if (!link.ok && link.problem === 'used' && link.onboarding) {
    await resumeFinishedAccount(deps.workflow, link.onboarding);
  }
  return link;
}
