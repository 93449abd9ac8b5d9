import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a session: derived from the secret link token, so only whoever holds that
 * secret can compute it (public data such as the onboarding id is not enough), and stateless, so
 * nothing extra is stored. The prefix keeps it from ever equalling the stored link-token hash.
 */
export function csrfToken(linkToken: string): string {
  return createHash('sha256').update(`csrf:${linkToken}`, 'utf8').digest('base64url');
}

/** Constant-time comparison of the posted token with the session's. A missing token never matches. */
export function csrfMatches(linkToken: string, presented: string | undefined): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const expected = Buffer.from(csrfToken(linkToken), 'utf8');
  const actual = Buffer.from(presented, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
