import type { IdentityVerification } from '#shared/use-cases/verify-identity.ts';
import { csrfToken } from './csrf.ts';
import { renderIdentityPage } from './html/identity-page.ts';
import type { Session } from './link-session.ts';
import type { PageResponse } from './page.ts';
import { blockedResponse, htmlResponse, lockedResponse } from './responses.ts';
import { pageMessagesFor } from './texts/index.ts';

/** The identity page again with what was wrong, or the lock page once the wrong tries lock entry. */
export function identityRejectedResponse(
  session: Session,
  verification: Exclude<IdentityVerification, { ok: true }>,
  entered?: string,
): PageResponse {
  const { language } = session;
  const { onboardingId } = session.onboarding;
  const m = pageMessagesFor(language);
  const formWithError = (error: string) =>
    renderIdentityPage(language, m, {
      csrf: csrfToken(session.token),
      error,
      ...(entered === undefined ? {} : { entered }),
      digitsOnly: isDigitsOnly(session.onboarding.cardholder.identityNumber),
    });
  switch (verification.reason) {
    case 'empty':
      return htmlResponse(422, formWithError(m.identity.errors.empty), 'IdentityEmpty', { onboardingId });
    case 'locked':
      return lockedResponse(language, verification.until, session.now, {
        onboardingId,
        detail: `tries-${verification.total}`,
      });
    case 'blocked':
      return blockedResponse(language, { onboardingId, detail: `tries-${verification.total}` });
    case 'mismatch': {
      const error = `${m.identity.errors.mismatch} ${m.identity.errors.triesLeft(verification.triesLeft)}`;
      return htmlResponse(422, formWithError(error), 'IdentityMismatch', {
        onboardingId,
        detail: `tries-${verification.total}`,
      });
    }
  }
}

/** Whether the number the orderer typed is digits only (then a numeric keypad fits it). */
export function isDigitsOnly(identityNumber: string): boolean {
  return /^\d+$/.test(identityNumber.trim());
}
