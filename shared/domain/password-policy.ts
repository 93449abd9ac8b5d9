import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { Result } from './result.ts';

/** Lengths count Unicode code points after NFC, so 'ż' is one character however it was typed. */
export const MIN_PASSWORD_LENGTH = 8;
/** Room for long passphrases; the cap bounds the work done per request. */
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn score (0-4) a password needs; 3 means about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

// zxcvbn's matching grows faster than linearly, worst on digit runs (its date and sequence
// matchers): 64 digits took ~65 ms here, 128 ~110 ms, 256 up to 0.6 s. It reads only this prefix
// (worst case ~25-40 ms, `npm run bench`); ignoring the tail can only underestimate strength, so a
// password is never accepted because of text it did not read.
const ZXCVBN_MAX_LENGTH = 32;

// Tabs, line breaks and other C0/C1 controls: nobody types them into a password field on purpose,
// and some sign-in forms cannot take them back.
const CONTROL_CHARACTER = /\p{Cc}/u;

// Personal text shorter than this is too common a substring to refuse (e.g. a 3-letter local part).
const MIN_PERSONAL_LENGTH = 4;

// The v4 package names its lists 'passwords-common' (about 49,000 of the most common and breached
// passwords) and 'diceware-common' (so diceware passphrases are not overrated).
const COMMON_PASSWORDS = 'passwords-common';

export type PasswordContext = {
  email: string;
  identityNumber: string;
  givenNames?: string;
  surname?: string;
};

export type PasswordRejection =
  | 'too-short'
  | 'too-long'
  | 'control-characters'
  | 'common'
  | 'weak'
  | 'personal';

type Checker = { zxcvbn: ZxcvbnFactory; commonPasswords: ReadonlySet<string> };

// Built on first use, not at import. Measured on this machine (Node 24, 2-core EPYC): importing the
// two packages ~35-40 ms (the word lists decompress on import), building the factory and the
// common-password set ~35-45 ms, first check ~10 ms, later checks ~5 ms. Lazy building keeps
// the ~40 ms off the cold start of handlers and routes that import this but never check.
let checker: Checker | undefined;

function getChecker(): Checker {
  checker ??= {
    zxcvbn: new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: ZXCVBN_MAX_LENGTH }),
    commonPasswords: new Set(dictionary[COMMON_PASSWORDS]),
  };
  return checker;
}

/**
 * Decides whether a new password may be used. The password is never trimmed; it is NFC-normalised
 * for the checks only (hash the same form: see password-hash.ts). Checks run cheapest first:
 * length, personal data, then zxcvbn.
 */
export function checkPassword(
  password: string,
  context: PasswordContext,
): Result<Record<never, never>, PasswordRejection> {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'too-short' };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, reason: 'too-long' };
  if (CONTROL_CHARACTER.test(normalised)) return { ok: false, reason: 'control-characters' };

  const lower = normalised.toLowerCase();
  if (containsPersonalData(lower, context)) return { ok: false, reason: 'personal' };

  const { zxcvbn, commonPasswords } = getChecker();
  if (commonPasswords.has(lower)) return { ok: false, reason: 'common' };
  const result = zxcvbn.check(normalised, userInputs(context));
  if (result.score <= 1 && hasCommonPasswordMatch(result)) return { ok: false, reason: 'common' };
  if (result.score < MIN_PASSWORD_SCORE) return { ok: false, reason: 'weak' };
  return { ok: true };
}

// A weak score built on a listed password is reported as 'common' (e.g. 'Password123!',
// 'P@ssw0rd2024'), so the page can say why rather than just "too weak".
function hasCommonPasswordMatch(result: ZxcvbnResult): boolean {
  return result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === COMMON_PASSWORDS,
  );
}

function containsPersonalData(lowerPassword: string, context: PasswordContext): boolean {
  const compactPassword = compact(lowerPassword);
  const email = context.email.trim().toLowerCase();
  const localPart = email.split('@')[0] ?? '';
  return (
    [email, localPart].some(
      (needle) => needle.length >= MIN_PERSONAL_LENGTH && lowerPassword.includes(needle),
    ) ||
    identityNumberForms(context.identityNumber).some(
      (needle) => needle.length >= MIN_PERSONAL_LENGTH && compactPassword.includes(needle),
    )
  );
}

/** The identity number without separators, plus the 10-digit form of a 12-digit Swedish number. */
function identityNumberForms(identityNumber: string): string[] {
  const digits = compact(identityNumber.toLowerCase());
  return /^(18|19|20)\d{10}$/.test(digits) ? [digits, digits.slice(2)] : [digits];
}

/** Drops separators and spaces (anything not a letter or digit): '880320-0016' → '8803200016'. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

// zxcvbn lowercases these and rates passwords built from them as easy to guess.
function userInputs(context: PasswordContext): string[] {
  const email = context.email.trim();
  const localPart = email.split('@')[0] ?? '';
  const inputs = [email, localPart, ...localPart.split(/[._+-]/), context.identityNumber.trim()];
  inputs.push(...identityNumberForms(context.identityNumber));
  for (const name of [context.givenNames, context.surname]) {
    if (name) inputs.push(...name.trim().split(/[\s-]+/));
  }
  return inputs.filter((input) => input.length > 0);
}
