import type { Language } from '#shared/contracts/events/fields.ts';
import { hashLinkToken, parseLinkToken, verifyLinkToken } from '#shared/domain/link-token.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';

/** Why a link cannot be used now. */
/** Why a link cannot be used now. 'renewable': expired, and the workflow waits for a request for a new one. */
export type LinkRejection = 'malformed' | 'unknown' | 'expired' | 'renewable' | 'used' | 'closed';

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
      problem: LinkRejection;
      onboardingId?: string;
      /** Only once the secret is proven: before that, nothing about the record may show. */
      language?: Language;
      /** The record, likewise only once the secret is proven (for the use cases, never the page). */
      onboarding?: Onboarding;
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
  const proven = { onboardingId, language: onboarding.language, onboarding };
  // A closed order outranks an expired link: telling that worker "a new link is coming" would be wrong.
  if (onboarding.stage === 'EXPIRED' || onboarding.stage === 'CANCELLED') {
    return { ok: false, problem: 'closed', ...proven };
  }
  if (!verdict.ok && verdict.reason === 'used') return { ok: false, problem: 'used', ...proven };
  if (!verdict.ok) {
    const renewable = onboarding.stage === 'LINK_EMAILED' && onboarding.wait?.kind === 'NEW_LINK';
    return { ok: false, problem: renewable ? 'renewable' : 'expired', ...proven };
  }
  if (onboarding.stage === 'ACCOUNT_CREATED') return { ok: false, problem: 'used', ...proven };
  if (onboarding.stage !== 'LINK_EMAILED') return { ok: false, problem: 'unknown', onboardingId };
  return { ok: true, token, tokenHash: hashLinkToken(token), onboarding };
}
