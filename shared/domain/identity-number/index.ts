import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parseEe, parseLt } from './baltic.ts';
import { countryCode } from './countries.ts';
import { parseLv } from './lv.ts';
import { parseOther } from './other.ts';
import { type CountryRule, type IdentityNumberResult, rejected } from './parsed.ts';
import { parsePl } from './pl.ts';
import { parseRo } from './ro.ts';
import { parseSe } from './se.ts';

export type {
  IdentityNumberKind,
  IdentityNumberRejection,
  IdentityNumberResult,
  ParsedIdentityNumber,
} from './parsed.ts';

// Refused before trimming or matching so pasted garbage costs nothing.
const MAX_INPUT_LENGTH = 64;

const RULES = new Map<string, CountryRule>([
  ['SE', parseSe],
  ['PL', parsePl],
  ['EE', parseEe],
  ['LT', parseLt],
  ['LV', parseLv],
  ['RO', parseRo],
]);

/**
 * Validates an identity number in the format of the holder's nationality (ISO 3166-1 alpha-2,
 * any case). `today` only decides centuries that the number leaves open (Swedish 10-digit forms,
 * Romanian residents) and is read in UTC. Birth dates are not compared with `today`: age rules
 * belong to the caller. Never throws.
 */
export function parseIdentityNumber(
  nationality: string,
  input: string,
  today: Date = new Date(),
): IdentityNumberResult {
  if (typeof input === 'string' && input.length > MAX_INPUT_LENGTH) return rejected('too-long');
  const country = typeof nationality === 'string' ? countryCode(nationality) : undefined;
  if (country === undefined) return rejected('nationality');
  if (typeof input !== 'string') return rejected('format');
  const trimmed = input.trim();
  if (trimmed === '') return rejected('empty');
  const rule = RULES.get(country) ?? parseOther;
  return rule(trimmed, today instanceof Date && !Number.isNaN(today.getTime()) ? today : new Date());
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether the identity number on a document or form is exactly what the orderer typed: both
 * sides trimmed, nothing else forgiven, so a number that only matches after normalising still
 * sends the worker back to the orderer. Compares SHA-256 digests so neither timing nor length
 * leaks. An empty value never matches.
 */
export function matchesTypedIdentityNumber(typed: string, entered: string): boolean {
  if (typeof typed !== 'string' || typeof entered !== 'string') return false;
  const left = typed.trim();
  const right = entered.trim();
  if (left === '' || right === '') return false;
  return timingSafeEqual(sha256(left), sha256(right));
}

/**
 * Keyed lookup hash for the DynamoDB index: HMAC-SHA256 over `${NATIONALITY}:${normalized}`,
 * nationality trimmed and uppercased, output lowercase hex (64 characters). Keyed because the
 * number space is small enough to hash in full. Throws on an empty secret, a configuration bug.
 */
export function hashIdentityNumber(
  nationality: string,
  normalized: string,
  secret: string | Uint8Array,
): string {
  if (secret.length === 0) throw new TypeError('hashIdentityNumber needs a non-empty secret');
  return createHmac('sha256', secret)
    .update(`${nationality.trim().toUpperCase()}:${normalized}`, 'utf8')
    .digest('hex');
}
