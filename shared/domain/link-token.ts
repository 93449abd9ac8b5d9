import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Result } from './result.ts';

/** 32 bytes = 256 bits from the CSPRNG; the design asks for at least 128. */
export const LINK_TOKEN_SECRET_BYTES = 32;

/** Longest onboarding id a token may carry; ids are ULID/UUID-sized, the cap bounds parsing work. */
export const MAX_ONBOARDING_ID_LENGTH = 128;

export type IssuedLinkToken = {
  /** Goes into the emailed link only: never stored, logged or passed through the state machine. */
  token: string;
  /** SHA-256 hex of the token: the only form that is stored. */
  tokenHash: string;
  /** ISO 8601; the token is refused from this instant on. */
  expiresAt: string;
};

export type StoredLinkToken = { tokenHash: string; expiresAt: string; usedAt?: string };

export type LinkTokenRejection = 'malformed' | 'unknown' | 'expired' | 'used';

const ONBOARDING_ID = /^[A-Za-z0-9_-]+$/;

// base64url of 32 bytes is 43 characters without padding; the last one carries 4 data bits and
// 2 zero bits, so only 16 characters are canonical there. Accepting only canonical text means
// one secret has exactly one spelling.
const TOKEN = new RegExp(
  `^([A-Za-z0-9_-]{1,${MAX_ONBOARDING_ID_LENGTH}})\\.([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])$`,
);

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Creates the secret for a *Create user account* link. The onboarding id is the token's prefix
 * so the page handler can load the record by key (no index on the hash is needed).
 */
export function issueLinkToken(onboardingId: string, now: Date, ttlSeconds: number): IssuedLinkToken {
  if (onboardingId.length > MAX_ONBOARDING_ID_LENGTH || !ONBOARDING_ID.test(onboardingId)) {
    throw new RangeError('onboardingId must be 1-128 characters of [A-Za-z0-9_-]');
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError('ttlSeconds must be a positive integer');
  }
  const token = `${onboardingId}.${randomBytes(LINK_TOKEN_SECRET_BYTES).toString('base64url')}`;
  return {
    token,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}

/**
 * The link of one issue, the same every time it is computed: HMAC-SHA-256 under a server key of
 * the onboarding id and the issue's key (the state machine's time of entering IssueAccountLink).
 * A retried issue (its email sent, the answer lost) then emails the very link it emailed before,
 * instead of one that makes the first email's link stop working. As unguessable as a random
 * token without the key; another issue (a resend) gets another link. `expiresAt` is given: a
 * retry keeps the first attempt's.
 */
export function deriveLinkToken(
  onboardingId: string,
  issue: { key: string; issueKey: string; expiresAt: string },
): IssuedLinkToken {
  if (onboardingId.length > MAX_ONBOARDING_ID_LENGTH || !ONBOARDING_ID.test(onboardingId)) {
    throw new RangeError('onboardingId must be 1-128 characters of [A-Za-z0-9_-]');
  }
  const secret = createHmac('sha256', issue.key)
    .update(`account-link\n${onboardingId}\n${issue.issueKey}`)
    .digest()
    .subarray(0, LINK_TOKEN_SECRET_BYTES)
    .toString('base64url');
  const token = `${onboardingId}.${secret}`;
  return { token, tokenHash: hashLinkToken(token), expiresAt: issue.expiresAt };
}

/** Splits a token taken from a request; anything but the exact issued shape is 'malformed'. */
export function parseLinkToken(
  token: unknown,
): Result<{ onboardingId: string; secret: string }, 'malformed'> {
  if (typeof token !== 'string') return { ok: false, reason: 'malformed' };
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
  return { ok: true, onboardingId: match[1], secret: match[2] };
}

/**
 * SHA-256 hex of the whole token (id included, so a secret is bound to its record).
 * A fast hash is enough: the secret is 256 random bits, so guessing is hopeless without a slow
 * hash, unlike passwords, which people choose.
 */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Checks a presented token against the stored record of the onboarding its prefix names.
 * 'used' and 'expired' are only told to whoever holds the right secret, so a guessed id
 * reveals nothing about the record's state. An unreadable expiresAt counts as expired.
 */
export function verifyLinkToken(
  token: unknown,
  stored: StoredLinkToken | undefined,
  now: Date,
): Result<Record<never, never>, LinkTokenRejection> {
  if (typeof token !== 'string' || !parseLinkToken(token).ok) return { ok: false, reason: 'malformed' };
  if (!stored || !SHA256_HEX.test(stored.tokenHash)) return { ok: false, reason: 'unknown' };
  const presented = Buffer.from(hashLinkToken(token), 'hex');
  if (!timingSafeEqual(presented, Buffer.from(stored.tokenHash, 'hex'))) {
    return { ok: false, reason: 'unknown' };
  }
  if (stored.usedAt !== undefined) return { ok: false, reason: 'used' };
  const expiresAt = Date.parse(stored.expiresAt);
  if (Number.isNaN(expiresAt) || now.getTime() >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true };
}
