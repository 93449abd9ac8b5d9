import { z } from 'zod';
import { eventBridgeEnvelope } from './envelope.ts';
import { CalendarDate, CountryCode, PersonName, Timestamp } from './fields.ts';
import { SISTEC_SOURCE } from './sources.ts';

/** Sistec's verdict: GREEN valid, YELLOW unreadable, RED invalid. Each colour has its own reasons. */
export const ScanResult = z.discriminatedUnion('colour', [
  z.object({ colour: z.literal('GREEN'), reason: z.literal('VALID') }),
  z.object({ colour: z.literal('YELLOW'), reason: z.enum(['UNKNOWN_FORMAT', 'DIRTY', 'DAMAGED']) }),
  z.object({
    colour: z.literal('RED'),
    reason: z.enum(['DATA_MISMATCH', 'EXPIRED', 'ALTERED', 'COUNTERFEIT']),
  }),
]);
export type ScanResult = z.infer<typeof ScanResult>;

export const DocumentKind = z.enum(['PASSPORT', 'NATIONAL_ID_CARD', 'RESIDENCE_PERMIT', 'OTHER']);

/** A TD3 passport has 2 lines of 44 characters, a TD1 ID card 3 of 30; validateMrz checks the rest. */
const MrzLine = z.string().max(44);

export const ScannedDocument = z.object({
  kind: DocumentKind,
  issuingState: CountryCode,
  nationality: CountryCode,
  number: z.string().trim().min(1).max(20),
  birthDate: CalendarDate,
  expiryDate: CalendarDate,
  mrz: z.array(MrzLine).min(2).max(3).optional(),
});

/** The identity data Sistec read from the document. */
export const ScannedIdentity = z.object({
  givenNames: PersonName,
  surname: PersonName,
  nationality: CountryCode,
  birthDate: CalendarDate,
  /** The national identity number read from the document, used to find the waiting onboarding. */
  identityNumber: z.string().min(1).max(64),
});

export const ScanCompletedDetail = z.object({
  schemaVersion: z.literal(1),
  scanId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'scan id: 1-64 characters of A-Z a-z 0-9 _ -'),
  scannedAt: Timestamp,
  office: z.string().trim().min(1).max(100).optional(),
  result: ScanResult,
  document: ScannedDocument,
  identity: ScannedIdentity,
});
export type ScanCompletedDetail = z.infer<typeof ScanCompletedDetail>;

export const SCAN_COMPLETED = 'ScanCompleted';
export const ScanCompletedEvent = eventBridgeEnvelope(SISTEC_SOURCE, SCAN_COMPLETED, ScanCompletedDetail);
export type ScanCompletedEvent = z.infer<typeof ScanCompletedEvent>;
