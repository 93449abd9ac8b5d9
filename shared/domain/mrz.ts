/**
 * ICAO Doc 9303 machine-readable zones: TD1 (ID cards, 3 × 30) and TD3 (passports, 2 × 44).
 * Input comes from a scanner, so every malformation is a result, never an exception.
 */

export type MrzFormat = 'TD1' | 'TD3';

/** `<` (unspecified) is reported as `X`, the spelling the 8th edition of Doc 9303 prefers. */
export type MrzSex = 'M' | 'F' | 'X';

export interface MrzFields {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nationality: string;
  /** `YYMMDD` as printed; the century is not in the MRZ (see `expandBirthDate`). */
  birthDate: string;
  sex: MrzSex;
  /** `YYMMDD` as printed (see `expandExpiryDate`). */
  expiryDate: string;
  /** TD3: personal number; TD1: optional data of line 1 (after any document-number overflow). */
  optionalData: string;
  /** TD1 only: optional data of line 2; empty for TD3. */
  optionalData2: string;
  surname: string;
  givenNames: string;
}

export type MrzCheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData';

export type MrzFailure =
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'check-digit'; field: MrzCheckedField }
  | { ok: false; reason: 'composite'; field: 'composite' };

export type MrzValidation = { ok: true; format: MrzFormat; fields: MrzFields } | MrzFailure;

const MRZ_CHARS = /^[A-Z0-9<]*$/;
const WEIGHTS = [7, 3, 1] as const;

/** Doc 9303 part 3: digits keep their value, A–Z are 10–35, `<` is 0; weights 7, 3, 1. */
export function mrzCheckDigit(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    sum += charValue(s.charCodeAt(i)) * (WEIGHTS[i % 3] ?? 0);
  }
  return sum % 10;
}

function charValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code === 60) return 0;
  throw new RangeError(`not an MRZ character: ${String.fromCharCode(code)}`);
}

export function validateMrz(lines: readonly string[]): MrzValidation {
  if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string')) return FORMAT;
  const trimmed = lines.map((line: string) => line.trim());
  if (!trimmed.every((line) => MRZ_CHARS.test(line))) return FORMAT;
  const [l1, l2, l3] = trimmed;
  if (trimmed.length === 2 && l1?.length === 44 && l2?.length === 44) return validateTd3(l1, l2);
  if (trimmed.length === 3 && l1?.length === 30 && l2?.length === 30 && l3?.length === 30) {
    return validateTd1(l1, l2, l3);
  }
  return FORMAT;
}

const FORMAT: MrzFailure = { ok: false, reason: 'format' };

function validateTd3(l1: string, l2: string): MrzValidation {
  // A 2 × 44 zone starting with V is a visa (MRV-A), which has another layout and no composite.
  if (!l1.startsWith('P')) return FORMAT;
  const number = l2.slice(0, 9);
  const birth = l2.slice(13, 19);
  const expiry = l2.slice(21, 27);
  const optional = l2.slice(28, 42);
  const sex = parseSex(l2.charAt(20));
  const name = parseName(l1.slice(5));
  if (
    sex === undefined ||
    name === undefined ||
    !isCode(l1.slice(2, 5)) ||
    !isCode(l2.slice(10, 13)) ||
    !isDate(birth) ||
    !isDate(expiry)
  ) {
    return FORMAT;
  }
  if (!checks(number, l2.charAt(9))) return checkDigitFailure('documentNumber');
  if (!checks(birth, l2.charAt(19))) return checkDigitFailure('birthDate');
  if (!checks(expiry, l2.charAt(27))) return checkDigitFailure('expiryDate');
  // An unused personal-number field may carry `<` instead of 0 as its check digit.
  const optionalUnused = /^<*$/.test(optional) && l2.charAt(42) === '<';
  if (!optionalUnused && !checks(optional, l2.charAt(42))) return checkDigitFailure('optionalData');
  const composite = l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43);
  if (!checks(composite, l2.charAt(43))) return COMPOSITE;
  return {
    ok: true,
    format: 'TD3',
    fields: {
      documentCode: stripFiller(l1.slice(0, 2)),
      issuingState: stripFiller(l1.slice(2, 5)),
      documentNumber: stripFiller(number),
      nationality: stripFiller(l2.slice(10, 13)),
      birthDate: birth,
      sex,
      expiryDate: expiry,
      optionalData: stripFiller(optional),
      optionalData2: '',
      ...name,
    },
  };
}

function validateTd1(l1: string, l2: string, l3: string): MrzValidation {
  if (!/^[ACI]/.test(l1)) return FORMAT;
  const birth = l2.slice(0, 6);
  const expiry = l2.slice(8, 14);
  const sex = parseSex(l2.charAt(7));
  const name = parseName(l3);
  if (
    sex === undefined ||
    name === undefined ||
    !isCode(l1.slice(2, 5)) ||
    !isCode(l2.slice(15, 18)) ||
    !isDate(birth) ||
    !isDate(expiry)
  ) {
    return FORMAT;
  }
  const document = readTd1DocumentNumber(l1);
  if (document === undefined) return checkDigitFailure('documentNumber');
  if (!checks(birth, l2.charAt(6))) return checkDigitFailure('birthDate');
  if (!checks(expiry, l2.charAt(14))) return checkDigitFailure('expiryDate');
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  if (!checks(composite, l2.charAt(29))) return COMPOSITE;
  return {
    ok: true,
    format: 'TD1',
    fields: {
      documentCode: stripFiller(l1.slice(0, 2)),
      issuingState: stripFiller(l1.slice(2, 5)),
      documentNumber: document.number,
      nationality: stripFiller(l2.slice(15, 18)),
      birthDate: birth,
      sex,
      expiryDate: expiry,
      optionalData: document.optionalData,
      optionalData2: stripFiller(l2.slice(18, 29)),
      ...name,
    },
  };
}

/**
 * Doc 9303 part 5: a document number longer than 9 characters puts `<` in the check-digit
 * position and continues in the optional data, followed by its check digit and a filler.
 * Returns undefined when the check digit is missing or wrong.
 */
function readTd1DocumentNumber(l1: string): { number: string; optionalData: string } | undefined {
  const principal = l1.slice(5, 14);
  const check = l1.charAt(14);
  if (check !== '<') {
    return checks(principal, check)
      ? { number: stripFiller(principal), optionalData: stripFiller(l1.slice(15)) }
      : undefined;
  }
  const overflow = /^[A-Z0-9]+/.exec(l1.slice(15))?.[0] ?? '';
  if (overflow.length < 2) return undefined;
  const number = principal + overflow.slice(0, -1);
  if (!checks(number, overflow.slice(-1))) return undefined;
  return { number, optionalData: stripFiller(l1.slice(15 + overflow.length)) };
}

function checks(field: string, check: string): boolean {
  return /^[0-9]$/.test(check) && mrzCheckDigit(field) === Number(check);
}

function checkDigitFailure(field: MrzCheckedField): MrzFailure {
  return { ok: false, reason: 'check-digit', field };
}

const COMPOSITE: MrzFailure = { ok: false, reason: 'composite', field: 'composite' };

/** State and nationality codes are letters padded with `<` (e.g. `D<<` for Germany). */
function isCode(s: string): boolean {
  return /^[A-Z]+<*$/.test(s);
}

function isDate(s: string): boolean {
  return /^[0-9]{6}$/.test(s);
}

function parseSex(c: string): MrzSex | undefined {
  if (c === 'M' || c === 'F' || c === 'X') return c;
  if (c === '<') return 'X';
  return undefined;
}

/** Primary identifier, `<<`, secondary identifier; `<` separates name parts. */
function parseName(field: string): { surname: string; givenNames: string } | undefined {
  if (!/^[A-Z<]*$/.test(field)) return undefined;
  const split = field.indexOf('<<');
  const surname = split === -1 ? field : field.slice(0, split);
  const givenNames = split === -1 ? '' : field.slice(split + 2);
  return { surname: fillerToSpace(surname), givenNames: fillerToSpace(givenNames) };
}

function fillerToSpace(s: string): string {
  return s.split('<').filter(Boolean).join(' ');
}

function stripFiller(s: string): string {
  return s.replace(/^<+|<+$/g, '');
}
