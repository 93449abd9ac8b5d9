import type { Result } from '#shared/domain/result.ts';

/**
 * Why a typed identity number was refused. Machine-readable so the UI can pick a message and
 * metrics can count causes without ever logging the number itself.
 * - `empty`: nothing but whitespace.
 * - `too-long`: over 64 characters raw, or over 32 after whitespace collapse (other nationalities).
 * - `nationality`: not a known ISO 3166-1 alpha-2 code.
 * - `format`: wrong shape: characters, length, separators, century or sex marker.
 * - `date`: the encoded birth date is not a real calendar date.
 * - `county`: Romanian county code not in use.
 * - `individual-number`: the serial part is a value never issued (`000`).
 * - `check-digit`: the control digit does not match.
 */
export type IdentityNumberRejection =
  | 'empty'
  | 'too-long'
  | 'nationality'
  | 'format'
  | 'date'
  | 'county'
  | 'individual-number'
  | 'check-digit';

export type IdentityNumberKind =
  | 'personnummer'
  | 'samordningsnummer'
  | 'pesel'
  | 'isikukood'
  | 'asmens-kodas'
  | 'personas-kods'
  | 'cnp'
  | 'cnp-resident';

export type ParsedIdentityNumber = {
  /** Canonical form used to find duplicates and to key the lookup hash; never shown to people. */
  normalized: string;
  /** Real birth date `YYYY-MM-DD` when the number encodes one. */
  birthDate?: string;
  /** Absent for nationalities that only get a sanity check. */
  kind?: IdentityNumberKind;
};

export type IdentityNumberResult = Result<ParsedIdentityNumber, IdentityNumberRejection>;

export type CountryRule = (trimmed: string, today: Date) => IdentityNumberResult;

export function rejected(reason: IdentityNumberRejection): IdentityNumberResult {
  return { ok: false, reason };
}
