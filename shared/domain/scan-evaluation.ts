/**
 * Whether a Sistec scan lets the onboarding move on: only a GREEN scan of an unexpired
 * passport or national ID card, whose MRZ agrees with the document and whose holder
 * matches the order (docs/architecture.md, the flow).
 */
import { validateMrz } from './mrz.ts';

export type ScanColour = 'GREEN' | 'YELLOW' | 'RED';
export type ScanReason =
  | 'VALID'
  | 'UNKNOWN_FORMAT'
  | 'DIRTY'
  | 'DAMAGED'
  | 'DATA_MISMATCH'
  | 'EXPIRED'
  | 'ALTERED'
  | 'COUNTERFEIT';
export type DocumentKind = 'PASSPORT' | 'NATIONAL_ID_CARD' | 'RESIDENCE_PERMIT' | 'OTHER';

export interface ScanForEvaluation {
  /** When Sistec scanned the document (ISO 8601). */
  scannedAt: string;
  result: { colour: ScanColour; reason: ScanReason };
  document: {
    kind: DocumentKind;
    /** ISO 3166-1 alpha-2. */
    issuingState: string;
    /** ISO 3166-1 alpha-2. */
    nationality: string;
    number: string;
    /** YYYY-MM-DD */
    birthDate: string;
    /** YYYY-MM-DD */
    expiryDate: string;
    mrz?: string[];
  };
  identity: {
    givenNames: string;
    surname: string;
    nationality: string;
    birthDate: string;
    identityNumber: string;
  };
}

export interface OrderForEvaluation {
  givenNames: string;
  surname: string;
  nationality: string;
  birthDate: string;
}

export type ScanRejectionReason =
  | Exclude<ScanReason, 'VALID'>
  /** Sistec sent a colour or reason we do not know, or a reason that belongs to another colour. */
  | 'SCAN_RESULT_INCONSISTENT'
  | 'MRZ_INVALID'
  | 'MRZ_MISMATCH'
  | 'DOCUMENT_KIND_NOT_ACCEPTED'
  | 'DOCUMENT_EXPIRED'
  /** Dates no genuine document of its kind carries (expiry too far ahead, birth in the future). */
  | 'DOCUMENT_DATES_IMPLAUSIBLE'
  /** A scan dated in the future (beyond clock skew) or undated. */
  | 'SCAN_TIME_INVALID'
  | 'ORDER_MISMATCH';

export type ScanEvaluation =
  | { accepted: true }
  | { accepted: false; colour: ScanColour; reason: ScanRejectionReason };

/** What the worker is told to do next; the rejection emails are chosen by it. */
export type RejectionCategory = 'RESCAN' | 'NEW_DOCUMENT' | 'ORDER_CORRECTION' | 'CONTACT_SUPPORT';

const CATEGORIES: Record<ScanRejectionReason, RejectionCategory> = {
  UNKNOWN_FORMAT: 'RESCAN',
  DIRTY: 'RESCAN',
  DAMAGED: 'RESCAN',
  MRZ_INVALID: 'RESCAN',
  EXPIRED: 'NEW_DOCUMENT',
  DOCUMENT_EXPIRED: 'NEW_DOCUMENT',
  DOCUMENT_KIND_NOT_ACCEPTED: 'NEW_DOCUMENT',
  DATA_MISMATCH: 'ORDER_CORRECTION',
  // The MRZ disagrees with the document's own printed fields: a misread, so scan again.
  MRZ_MISMATCH: 'RESCAN',
  ORDER_MISMATCH: 'ORDER_CORRECTION',
  ALTERED: 'CONTACT_SUPPORT',
  COUNTERFEIT: 'CONTACT_SUPPORT',
  // A result we cannot read may repeat on a rescan, so a person looks at it.
  SCAN_RESULT_INCONSISTENT: 'CONTACT_SUPPORT',
  // Impossible dates point at a forged document or a faulty scanner: a person looks at it.
  DOCUMENT_DATES_IMPLAUSIBLE: 'CONTACT_SUPPORT',
  SCAN_TIME_INVALID: 'CONTACT_SUPPORT',
};

export function rejectionCategory(reason: ScanRejectionReason): RejectionCategory {
  return CATEGORIES[reason];
}

const SISTEC_REASONS: Record<ScanColour, readonly string[]> = {
  GREEN: ['VALID'],
  YELLOW: ['UNKNOWN_FORMAT', 'DIRTY', 'DAMAGED'],
  RED: ['DATA_MISMATCH', 'EXPIRED', 'ALTERED', 'COUNTERFEIT'],
};

/** ID06's rule since 28 January 2026: only documents that show citizenship. */
const ACCEPTED_KINDS: ReadonlySet<string> = new Set<DocumentKind>(['PASSPORT', 'NATIONAL_ID_CARD']);

/** Checks run in order and the first failure is the reason. */
export function evaluateScan(
  scan: ScanForEvaluation,
  order: OrderForEvaluation,
  today: Date,
): ScanEvaluation {
  const sistec = sistecRejection(scan.result);
  if (sistec !== undefined) return sistec;
  const reason =
    scanTimeRejection(scan.scannedAt, today) ??
    documentRejection(scan.document, today) ??
    orderRejection(scan, order);
  return reason === undefined ? { accepted: true } : { accepted: false, colour: 'GREEN', reason };
}

function sistecRejection({ colour, reason }: ScanForEvaluation['result']): ScanEvaluation | undefined {
  if (colour === 'GREEN' && reason === 'VALID') return undefined;
  const known = Object.hasOwn(SISTEC_REASONS, colour);
  if (known && reason !== 'VALID' && SISTEC_REASONS[colour].includes(reason)) {
    return { accepted: false, colour, reason };
  }
  // An unknown colour is treated as the most severe one.
  return { accepted: false, colour: known ? colour : 'RED', reason: 'SCAN_RESULT_INCONSISTENT' };
}

function documentRejection(
  document: ScanForEvaluation['document'],
  today: Date,
): ScanRejectionReason | undefined {
  if (document.mrz !== undefined) {
    const mrz = validateMrz(document.mrz);
    if (!mrz.ok) return 'MRZ_INVALID';
    const agrees =
      documentNumberKey(mrz.fields.documentNumber) === documentNumberKey(document.number) &&
      mrz.fields.birthDate === toYymmdd(document.birthDate) &&
      mrz.fields.expiryDate === toYymmdd(document.expiryDate);
    if (!agrees) return 'MRZ_MISMATCH';
  }
  if (!ACCEPTED_KINDS.has(document.kind)) return 'DOCUMENT_KIND_NOT_ACCEPTED';
  // An unreadable expiry date cannot show the document is valid, so it counts as expired.
  if (!isIsoDate(document.expiryDate) || document.expiryDate < utcDate(today)) return 'DOCUMENT_EXPIRED';
  const latestExpiry = addYears(today, MAX_VALIDITY_YEARS[document.kind] ?? 0);
  if (document.expiryDate > latestExpiry) return 'DOCUMENT_DATES_IMPLAUSIBLE';
  if (!isIsoDate(document.birthDate) || document.birthDate > utcDate(today))
    return 'DOCUMENT_DATES_IMPLAUSIBLE';
  return undefined;
}

/**
 * How far ahead a genuine document's expiry can lie: passports are issued for at most 10 years
 * (a year more where the old one's remaining time is added), national ID cards for at most 15.
 */
const MAX_VALIDITY_YEARS: Readonly<Partial<Record<DocumentKind, number>>> = {
  PASSPORT: 11,
  NATIONAL_ID_CARD: 15,
};

/** Sistec's and our clocks may differ a little; a scan from further in the future is not genuine. */
export const SCAN_CLOCK_SKEW_SECONDS = 300;

function scanTimeRejection(scannedAt: string, today: Date): ScanRejectionReason | undefined {
  const at = Date.parse(scannedAt);
  if (Number.isNaN(at) || at > today.getTime() + SCAN_CLOCK_SKEW_SECONDS * 1000) return 'SCAN_TIME_INVALID';
  return undefined;
}

function addYears(today: Date, years: number): string {
  const date = new Date(utcDate(today));
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/** The holder's data and the document's own printed fields must both agree with the order. */
function orderRejection(
  { identity, document }: ScanForEvaluation,
  order: OrderForEvaluation,
): ScanRejectionReason | undefined {
  const sameCountry = (a: string) => a.trim().toUpperCase() === order.nationality.trim().toUpperCase();
  const matches =
    namesMatch(identity.surname, order.surname) &&
    namesMatch(identity.givenNames, order.givenNames) &&
    sameCountry(identity.nationality) &&
    sameCountry(document.nationality) &&
    identity.birthDate.trim() === order.birthDate.trim() &&
    document.birthDate.trim() === order.birthDate.trim();
  return matches ? undefined : 'ORDER_MISMATCH';
}

/** The MRZ drops spaces and separators that the printed number may carry. */
function documentNumberKey(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The MRZ holds no century, so dates are compared as YYMMDD. */
function toYymmdd(isoDate: string): string | undefined {
  return isIsoDate(isoDate) ? isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10) : undefined;
}

function isIsoDate(s: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return false;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

/** Date-only in UTC: a document that expires today is still valid today. */
function utcDate(today: Date): string {
  if (Number.isNaN(today.getTime())) throw new RangeError('today is not a valid date');
  return today.toISOString().slice(0, 10);
}

/**
 * Letters that NFKD does not decompose. The first table gives the plain Latin letter; the
 * ICAO 9303 table gives the spelling many MRZs use (`MÜLLER` → `MUELLER`). Keys are upper case.
 */
const PLAIN: Readonly<Record<string, string>> = {
  Ł: 'L',
  Ø: 'O',
  Æ: 'AE',
  Œ: 'OE',
  ẞ: 'SS',
  Đ: 'D',
  Ð: 'D',
  Þ: 'TH',
  Ħ: 'H',
  Ŧ: 'T',
  Ŋ: 'N',
};
const ICAO: Readonly<Record<string, string>> = { ...PLAIN, Ä: 'AE', Ö: 'OE', Ü: 'UE', Å: 'AA', Ø: 'OE' };

const APOSTROPHES = /['`´‘’ʹʼ]/g;
const SEPARATORS = /[\s\-‐‑‒–—―−<]+/g;

/**
 * Names match when they agree after transliteration, dropping diacritics and apostrophes,
 * upper-casing and treating runs of spaces and hyphens as one space (`Łukasz` = `LUKASZ`,
 * `Anna-Maria` = `ANNA MARIA`, `O'Brien` = `OBRIEN`, `Müller` = `MUELLER` = `MULLER`).
 */
export function namesMatch(a: string, b: string): boolean {
  const keysOfB = nameKeys(b);
  return nameKeys(a).some((key) => keysOfB.includes(key));
}

function nameKeys(name: string): string[] {
  // NFC first so that a decomposed Ä still meets the ICAO table; toUpperCase turns ß into SS.
  // Apostrophes go before NFKD, which would turn ´ into a space and a combining accent.
  const upper = name.normalize('NFC').toUpperCase().replace(APOSTROPHES, '');
  return [PLAIN, ICAO].map((table) =>
    [...upper]
      .map((c) => table[c] ?? c)
      .join('')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .replace(SEPARATORS, ' ')
      .trim(),
  );
}
