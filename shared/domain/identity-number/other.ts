import { type CountryRule, rejected } from './parsed.ts';

const MAX_LENGTH = 32;
// ASCII only: uppercasing other scripts can change length or fold distinct letters together
// (`ß` → `SS`, `ı` → `I`), which would make duplicates appear or disappear.
const ALLOWED = /^[A-Za-z0-9\-/ .]+$/;
const SEPARATORS = /[-/ .]/g;

/**
 * Nationalities without a known scheme: accepted as typed after a sanity check.
 * Normalized form: uppercase letters and digits with `-`, `/`, `.` and spaces removed.
 */
export const parseOther: CountryRule = (trimmed) => {
  const collapsed = trimmed.replace(/\s+/g, ' ');
  if (collapsed.length > MAX_LENGTH) return rejected('too-long');
  if (!ALLOWED.test(collapsed) || !/\d/.test(collapsed)) return rejected('format');
  return { ok: true, normalized: collapsed.replace(SEPARATORS, '').toUpperCase() };
};
