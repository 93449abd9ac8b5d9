import { isoDate } from './calendar.ts';
import { type CountryRule, rejected } from './parsed.ts';
import { weightedSum } from './weighted-sum.ts';

const PATTERN = /^(\d{6})-?(\d{5})$/;
// Codes issued since July 2017 carry no date: `3` then 2-9 (no day of month starts that way).
const DATELESS = /^3[2-9]/;
const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURY_BY_MARKER = [1800, 1900, 2000] as const;

/**
 * Latvian personas kods: `DDMMYY-CNNNN` (C = century 0/1/2) or the dateless `3X....-.....` form,
 * hyphen optional; both carry the same check digit. Normalized form: the 11 digits.
 */
export const parseLv: CountryRule = (trimmed) => {
  const match = PATTERN.exec(trimmed);
  if (match === null) return rejected('format');
  const digits = `${match[1]}${match[2]}`;
  let birthDate: string | undefined;
  if (!DATELESS.test(digits)) {
    const century = CENTURY_BY_MARKER[Number(digits.charAt(6))];
    if (century === undefined) return rejected('format');
    const year = century + Number(digits.slice(4, 6));
    birthDate = isoDate(year, Number(digits.slice(2, 4)), Number(digits.slice(0, 2)));
    if (birthDate === undefined) return rejected('date');
  }
  // A remainder of 10 matches no digit, so such a code can never be valid.
  const check = (1101 - weightedSum(digits, WEIGHTS)) % 11;
  if (check !== Number(digits.charAt(10))) return rejected('check-digit');
  return birthDate === undefined
    ? { ok: true, normalized: digits, kind: 'personas-kods' }
    : { ok: true, normalized: digits, birthDate, kind: 'personas-kods' };
};
