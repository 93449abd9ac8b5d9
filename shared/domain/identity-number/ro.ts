import { isoDate, latestYearEndingIn } from './calendar.ts';
import { type CountryRule, rejected } from './parsed.ts';
import { weightedSum } from './weighted-sum.ts';

const PATTERN = /^\d{13}$/;
const WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9] as const;
// S = 1/2 1900s, 3/4 1800s, 5/6 2000s; 7/8/9 (residents, foreigners) say nothing about the century.
const CENTURY_BY_S = [undefined, 1900, 1900, 1800, 1800, 2000, 2000] as const;
const RESIDENT = /^[789]/;
// 01-46 counties and Bucharest sectors 1-6, 47-48 former Bucharest sectors 7-8, 51-52 Călărași
// and Giurgiu, plus 70 and 80-83 (the county codes the CNP rules list).
const COUNTIES = new Set([
  ...Array.from({ length: 48 }, (_, index) => String(index + 1).padStart(2, '0')),
  '51',
  '52',
  '70',
  '80',
  '81',
  '82',
  '83',
]);

function birthYear(cnp: string, resident: boolean, today: Date): number | undefined {
  const yy = Number(cnp.slice(1, 3));
  if (resident) return latestYearEndingIn(yy, today.getUTCFullYear());
  const century = CENTURY_BY_S[Number(cnp.charAt(0))];
  return century === undefined ? undefined : century + yy;
}

/**
 * Romanian CNP `SYYMMDDJJNNNC`. Normalized form: the 13 digits.
 * For S = 7/8/9 the century is inferred like a Swedish 10-digit number: the latest year ending in
 * YY that is not after this year (a resident is never born in the future); kind `cnp-resident`
 * tells callers the birth year was inferred.
 */
export const parseRo: CountryRule = (trimmed, today) => {
  if (!PATTERN.test(trimmed)) return rejected('format');
  const resident = RESIDENT.test(trimmed);
  const year = birthYear(trimmed, resident, today);
  if (year === undefined) return rejected('format');
  const birthDate = isoDate(year, Number(trimmed.slice(3, 5)), Number(trimmed.slice(5, 7)));
  if (birthDate === undefined) return rejected('date');
  if (!COUNTIES.has(trimmed.slice(7, 9))) return rejected('county');
  if (trimmed.slice(9, 12) === '000') return rejected('individual-number');
  const remainder = weightedSum(trimmed, WEIGHTS) % 11;
  if ((remainder === 10 ? 1 : remainder) !== Number(trimmed.charAt(12))) return rejected('check-digit');
  return { ok: true, normalized: trimmed, birthDate, kind: resident ? 'cnp-resident' : 'cnp' };
};
