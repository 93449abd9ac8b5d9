import { createHash } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * The onboarding id of an order: derived, not random, so a repeated CardOrdered maps to the same
 * record and a single conditional put makes creation idempotent (dynalite has no transactions).
 * 26 base32 characters = 130 bits of a SHA-256: opaque, no personal data.
 */
export function onboardingIdFor(orderId: string): string {
  const digest = createHash('sha256').update(`id06-onboarding:${orderId}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `onb_${out}`;
}
