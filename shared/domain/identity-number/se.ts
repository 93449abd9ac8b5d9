import { isoDate, latestYearEndingIn } from './calendar.ts';
import { type CountryRule, rejected } from './parsed.ts';

// Optional century, YYMMDD, optional `-`/`+`, NNNC. Nothing else: spaces or dots are refused
// rather than guessed at.
const PATTERN = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;
const COORDINATION_DAY_OFFSET = 60;

/** Luhn over the nine digits YYMMDDNNN; the century never takes part. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (const [index, char] of [...nineDigits].entries()) {
    const product = Number(char) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Swedish personnummer and samordningsnummer, 10 or 12 digits.
 * Normalized form: 12 digits `YYYYMMDDNNNC` with no separator; the day stays as written (+60 for
 * a samordningsnummer) because that is the number, while `birthDate` carries the real day.
 * A 10-digit form gets the latest year ending in YY that is not after this year (minus 100 with
 * `+`, which marks people who have turned 100). A 12-digit form with `+` must then be 100 or older.
 */
export const parseSe: CountryRule = (trimmed, today) => {
  const match = PATTERN.exec(trimmed);
  if (match === null) return rejected('format');
  const [, century, short = '', separator, serial = ''] = match;
  const thisYear = today.getUTCFullYear();
  const yy = Number(short.slice(0, 2));
  const year =
    century === undefined
      ? latestYearEndingIn(yy, separator === '+' ? thisYear - 100 : thisYear)
      : Number(century) * 100 + yy;
  if (century !== undefined && separator === '+' && year > thisYear - 100) return rejected('format');

  const writtenDay = Number(short.slice(4, 6));
  const coordination = writtenDay > COORDINATION_DAY_OFFSET;
  const day = coordination ? writtenDay - COORDINATION_DAY_OFFSET : writtenDay;
  const birthDate = isoDate(year, Number(short.slice(2, 4)), day);
  if (birthDate === undefined) return rejected('date');
  if (serial.startsWith('000')) return rejected('individual-number');
  if (luhnCheckDigit(short + serial.slice(0, 3)) !== Number(serial.charAt(3))) return rejected('check-digit');

  return {
    ok: true,
    normalized: `${year}${short.slice(2)}${serial}`,
    birthDate,
    kind: coordination ? 'samordningsnummer' : 'personnummer',
  };
};
