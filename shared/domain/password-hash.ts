import { randomBytes, type ScryptOptions, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify<string, Buffer, number, ScryptOptions, Buffer>(scrypt);

/**
 * Production cost: OWASP's scrypt minimum, N = 2^17 (ln is log2 N), r = 8, p = 1. It needs
 * 128 * N * r = 128 MiB per hash (size the Lambda at 512 MB or more) and took ~340 ms per hash
 * on this machine (Node 24, 2-core AMD EPYC); N = 2^14 took ~35 ms.
 */
export const SCRYPT_PARAMS = { ln: 17, r: 8, p: 1 } as const;
export const SCRYPT_SALT_BYTES = 16;
export const SCRYPT_KEY_BYTES = 32;

// Bounds for the cost, so a mistaken setting cannot allocate gigabytes or run for minutes. They
// leave room to raise the cost to N = 2^19 (memory) or 8 times today's work (CPU).
const MAX_MEMORY_BYTES = 512 * 1024 * 1024;
const MAX_WORK = 8 * 2 ** SCRYPT_PARAMS.ln * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p;

type ScryptCost = { ln: number; r: number; p: number };

/**
 * Hashes a password for storage as `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`; the parameters travel
 * with the hash so the cost can be raised later without breaking stored ones. The password is
 * NFC-normalised first, as password-policy.ts counts it, so the same text typed on another device
 * still matches. `cost` defaults to SCRYPT_PARAMS; lower it only in tests.
 */
export async function hashPassword(password: string, cost: Partial<ScryptCost> = {}): Promise<string> {
  const { ln, r, p } = { ...SCRYPT_PARAMS, ...cost };
  if (!isAllowedCost({ ln, r, p })) throw new RangeError('scrypt cost out of bounds');
  const salt = randomBytes(SCRYPT_SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_KEY_BYTES, { ln, r, p });
  return `$scrypt$ln=${ln},r=${r},p=${p}$${toB64(salt)}$${toB64(key)}`;
}

function derive(password: string, salt: Buffer, keyBytes: number, { ln, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** ln;
  // Node's default maxmem (32 MiB) is below what N = 2^17, r = 8 needs; allow exactly this cost.
  const maxmem = 128 * N * r + 128 * r * p + 1024 * 1024;
  return scryptAsync(password.normalize('NFC'), salt, keyBytes, { N, r, p, maxmem });
}

function isAllowedCost({ ln, r, p }: ScryptCost): boolean {
  return (
    Number.isInteger(ln) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    ln >= 1 &&
    r >= 1 &&
    p >= 1 &&
    128 * 2 ** ln * r <= MAX_MEMORY_BYTES &&
    2 ** ln * r * p <= MAX_WORK
  );
}

function toB64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
