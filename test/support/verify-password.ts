import { scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Checks a stored `$scrypt$ln=…,r=…,p=…$<salt>$<hash>` the way a sign-in service reading the
 * record would, written apart from the hashing code so a test of one is not a test of itself.
 */
export function verifyPassword(password: string, stored: string): boolean {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, hash] = match;
  const expected = Buffer.from(hash ?? '', 'base64');
  const N = 2 ** Number(ln);
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt ?? '', 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return timingSafeEqual(actual, expected);
}
