// Own leap-year arithmetic instead of Date: Date.UTC maps years 0-99 to 1900-1999 and rolls
// 30 February over into March, both of which would hide bad input.
const EARLIEST_YEAR = 1800;
const LATEST_YEAR = 2299;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DD` when the parts form a real date, else undefined. The year range covers every
 * century the supported schemes can encode (PESEL reaches 1800-2299).
 */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The latest year not after `notAfter` whose last two digits are `yy`. */
export function latestYearEndingIn(yy: number, notAfter: number): number {
  return notAfter - ((((notAfter - yy) % 100) + 100) % 100);
}
