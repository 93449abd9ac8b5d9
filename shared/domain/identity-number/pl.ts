import { isoDate } from './calendar.ts';
import { type CountryRule, rejected } from './parsed.ts';
import { weightedSum } from './weighted-sum.ts';

const PATTERN = /^\d{11}$/;
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;
// PESEL puts the century in the month: +0 1900s, +20 2000s, +40 2100s, +60 2200s, +80 1800s.
const CENTURY_BY_MONTH_BLOCK = [1900, 2000, 2100, 2200, 1800] as const;

/** Polish PESEL `YYMMDDZZZXQ`. Normalized form: the 11 digits. */
export const parsePl: CountryRule = (trimmed) => {
  if (!PATTERN.test(trimmed)) return rejected('format');
  const encodedMonth = Number(trimmed.slice(2, 4));
  const block = Math.floor(encodedMonth / 20);
  const century = CENTURY_BY_MONTH_BLOCK[block];
  if (century === undefined) return rejected('date');
  const year = century + Number(trimmed.slice(0, 2));
  const birthDate = isoDate(year, encodedMonth - block * 20, Number(trimmed.slice(4, 6)));
  if (birthDate === undefined) return rejected('date');
  const check = (10 - (weightedSum(trimmed, WEIGHTS) % 10)) % 10;
  if (check !== Number(trimmed.charAt(10))) return rejected('check-digit');
  return { ok: true, normalized: trimmed, birthDate, kind: 'pesel' };
};
