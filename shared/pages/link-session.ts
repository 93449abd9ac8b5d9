import type { Language } from '#shared/contracts/events/fields.ts';
import { lockedUntil } from '#shared/domain/identity-lock.ts';
import { hashLinkToken, parseLinkToken, verifyLinkToken } from '#shared/domain/link-token.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import { csrfMatches } from './csrf.ts';
import type { LinkProblem } from './html/link-problem-page.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { errorResponse, linkProblemResponse, lockedResponse } from './responses.ts';
import { expiredSessionCookie, SESSION_COOKIE } from './session-cookie.ts';
import { usesSecureCookies } from './settings.ts';

/** A link that may be used now: right secret, current, unused, unexpired, onboarding waiting for it. */
export interface OpenLink {
  token: string;
  tokenHash: string;
  onboarding: Onboarding;
}

export type LinkCheck =
  | ({ ok: true } & OpenLink)
  | {
      ok: false;
      problem: Exclude<LinkProblem, 'no-session'>;
      onboardingId?: string;
      /** Only once the secret is proven: before that, nothing about the record may show. */
      language?: Language;
    };

/** parseLinkToken → repo.get → verifyLinkToken → stage, in that order. */
export async function checkLink(repo: OnboardingRepository, token: unknown, now: Date): Promise<LinkCheck> {
  const parsed = parseLinkToken(token);
  if (!parsed.ok || typeof token !== 'string') return { ok: false, problem: 'malformed' };
  const { onboardingId } = parsed;
  const onboarding = await repo.get(onboardingId);
  const verdict = verifyLinkToken(token, onboarding?.link, now);
  if (
    onboarding === undefined ||
    (!verdict.ok && (verdict.reason === 'unknown' || verdict.reason === 'malformed'))
  ) {
    return { ok: false, problem: 'unknown', onboardingId };
  }
  const proven = { onboardingId, language: onboarding.language };
  // A closed order outranks an expired link: telling that worker "a new link is coming" would be wrong.
  if (onboarding.stage === 'EXPIRED' || onboarding.stage === 'CANCELLED') {
    return { ok: false, problem: 'closed', ...proven };
  }
  if (!verdict.ok) return { ok: false, problem: verdict.reason === 'used' ? 'used' : 'expired', ...proven };
  if (onboarding.stage === 'ACCOUNT_CREATED') return { ok: false, problem: 'used', ...proven };
  if (onboarding.stage !== 'LINK_EMAILED') return { ok: false, problem: 'unknown', onboardingId };
  return { ok: true, token, tokenHash: hashLinkToken(token), onboarding };
}

export interface Session extends OpenLink {
  now: Date;
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
  const link = await checkLink(deps.repo, token, now);
  if (!link.ok) {
    return {
      ok: false,
      response: linkProblemResponse(
        link.problem,
        link.language ?? request.language,
        settings.signInUrl,
        'LinkRejected',
        {
          // The session is of no further use: let the browser forget it.
          cookies: [expiredSessionCookie(usesSecureCookies(settings))],
          ...(link.onboardingId === undefined ? {} : { onboardingId: link.onboardingId }),
        },
      ),
    };
  }
  const { onboarding } = link;
  const until = lockedUntil(onboarding.identityChecks, now);
  if (until !== undefined) {
    return {
      ok: false,
      response: lockedResponse(onboarding.language, until, now, { onboardingId: onboarding.onboardingId }),
    };
  }
  return { ok: true, session: { token: link.token, tokenHash: link.tokenHash, onboarding, now } };
}
