import { IDENTITY_LOCK_POLICY, lockedUntil, triesLeft } from '#shared/domain/identity-lock.ts';
import { matchesTypedIdentityNumber } from '#shared/domain/identity-number/index.ts';
import { csrfToken } from '#shared/pages/csrf.ts';
import { renderIdentityPage } from '#shared/pages/html/identity-page.ts';
import type { Session } from '#shared/pages/link-session.ts';
import type { PageDependencies, PageResponse } from '#shared/pages/page.ts';
import { htmlResponse, lockedResponse } from '#shared/pages/responses.ts';
import { pageMessagesFor } from '#shared/pages/texts/index.ts';

export type IdentityVerification = { ok: true; entered: string } | { ok: false; response: PageResponse };

/**
 * Whether the worker typed the identity number exactly as the orderer did. A wrong one counts
 * towards the lock; an empty one does not (nothing was guessed). Both POSTs run this, so the
 * final one cannot skip the check by editing the hidden field.
 */
export async function verifyEnteredIdentity(
  deps: PageDependencies,
  session: Session,
  entered: string | undefined,
): Promise<IdentityVerification> {
  const { onboarding, now } = session;
  const { language, onboardingId } = onboarding;
  const m = pageMessagesFor(language);
  const value = entered ?? '';
  const formWithError = (error: string) =>
    renderIdentityPage(language, m, { csrf: csrfToken(session.token), error });

  if (value.trim() === '') {
    return {
      ok: false,
      response: htmlResponse(422, formWithError(m.identity.errors.empty), 'IdentityEmpty', { onboardingId }),
    };
  }
  if (matchesTypedIdentityNumber(onboarding.cardholder.identityNumber, value))
    return { ok: true, entered: value };

  const checks = await deps.repo.recordIdentityFailure(onboardingId, now, IDENTITY_LOCK_POLICY);
  const until = lockedUntil(checks, now);
  if (until !== undefined) {
    return {
      ok: false,
      response: lockedResponse(language, until, now, { onboardingId, detail: `failures-${checks.failures}` }),
    };
  }
  const error = `${m.identity.errors.mismatch} ${m.identity.errors.triesLeft(triesLeft(checks))}`;
  return {
    ok: false,
    response: htmlResponse(422, formWithError(error), 'IdentityMismatch', {
      onboardingId,
      detail: `failures-${checks.failures}`,
    }),
  };
}
