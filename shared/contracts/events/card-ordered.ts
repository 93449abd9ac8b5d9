import { z } from 'zod';
import { eventBridgeEnvelope } from './envelope.ts';
import {
  CalendarDate,
  CountryCode,
  Email,
  Language,
  MobileNumber,
  OrderId,
  OrganisationName,
  PersonName,
  Timestamp,
} from './fields.ts';
import { CARD_ORDERING_SOURCE } from './sources.ts';

/** The worker the card is for, as the orderer typed it (names exactly as in the passport). */
export const Cardholder = z.object({
  givenNames: PersonName,
  surname: PersonName,
  nationality: CountryCode,
  /** Exactly as typed by the orderer; the worker must type the same string. Checked by parseIdentityNumber. */
  identityNumber: z.string().min(1).max(64),
  birthDate: CalendarDate,
  email: Email,
  mobileNumber: MobileNumber,
  preferredLanguage: Language,
});
export type Cardholder = z.infer<typeof Cardholder>;

export const Employer = z.object({
  /** Swedish organisationsnummer or the foreign company's registration number. */
  organisationNumber: z.string().trim().min(1).max(32),
  name: OrganisationName,
});

export const Orderer = z.object({
  name: PersonName,
  email: Email,
});

export const CardOrderedDetail = z.object({
  schemaVersion: z.literal(1),
  orderId: OrderId,
  orderedAt: Timestamp,
  cardholder: Cardholder,
  employer: Employer,
  orderer: Orderer,
});
export type CardOrderedDetail = z.infer<typeof CardOrderedDetail>;

export const CARD_ORDERED = 'CardOrdered';
export const CardOrderedEvent = eventBridgeEnvelope(CARD_ORDERING_SOURCE, CARD_ORDERED, CardOrderedDetail);
export type CardOrderedEvent = z.infer<typeof CardOrderedEvent>;
