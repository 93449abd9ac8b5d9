import { isoDate } from './calendar.ts';
import { type CountryRule, type IdentityNumberKind, rejected } from './parsed.ts';
import { weightedSum } from './weighted-sum.ts';

const PATTERN = /^\d{11}$/;
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3] as const;
// G = 1/2 1800s, 3/4 1900s, 5/6 2000s (odd for men); index by G.
const CENTURY_BY_G = [undefined, 1800, 1800, 1900, 1900, 2000, 2000] as const;
// Lithuania issues codes starting with 9 to people whose birth date is not known.
const LT_NO_DATE_MARKER = '9';

function checkDigit(digits: string): number {
  const first = weightedSum(digits, FIRST_WEIGHTS) % 11;
  if (first !== 10) return first;
  const second = weightedSum(digits, SECOND_WEIGHTS) % 11;
  return second === 10 ? 0 : second;
}

function parseGyymmdd(kind: IdentityNumberKind, allowNoDate: boolean): CountryRule {
  return (trimmed) => {
    if (!PATTERN.test(trimmed)) return rejected('format');
    let birthDate: string | undefined;
    if (!(allowNoDate && trimmed.startsWith(LT_NO_DATE_MARKER))) {
      const century = CENTURY_BY_G[Number(trimmed.charAt(0))];
      if (century === undefined) return rejected('format');
      const year = century + Number(trimmed.slice(1, 3));
      birthDate = isoDate(year, Number(trimmed.slice(3, 5)), Number(trimmed.slice(5, 7)));
      if (birthDate === undefined) return rejected('date');
    }
    if (checkDigit(trimmed) !== Number(trimmed.charAt(10))) return rejected('check-digit');
    return birthDate === undefined
      ? { ok: true, normalized: trimmed, kind }
      : { ok: true, normalized: trimmed, birthDate, kind };
  };
}

/** Estonian isikukood `GYYMMDDSSSC`. Normalized form: the 11 digits. */
export const parseEe = parseGyymmdd('isikukood', false);

/** Lithuanian asmens kodas `GYYMMDDSSSC`, or a dateless code starting with 9. Normalized: 11 digits. */
export const parseLt = parseGyymmdd('asmens-kodas', true);
