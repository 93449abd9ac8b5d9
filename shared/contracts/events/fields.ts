import { z } from 'zod';

/** Shared field shapes of the event contracts. Limits keep a hostile producer from sending megabytes. */

/** Order ids become Step Functions execution names: at most 80 characters of [A-Za-z0-9-_]. */
export const OrderId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'order id: 1-64 characters of A-Z a-z 0-9 _ -');

/** ISO 3166-1 alpha-2, upper case, as printed in the passport (converted from ICAO alpha-3 by Sistec). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, upper case');

/** A calendar date without time zone, YYYY-MM-DD. */
export const CalendarDate = z.iso.date();

export const Timestamp = z.iso.datetime({ offset: true });

/**
 * A person's names as on the passport: letters, combining marks, spaces, hyphens, apostrophes and
 * periods only, at most 60 characters (what a card can print). Anything else (a line break, a
 * colon, a slash: the makings of a sentence with a link in an email) is refused, never rendered.
 */
export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(
    /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u,
    'letters, marks, spaces, hyphens, apostrophes and periods only',
  );

/** An organisation's name: as a person's, plus digits, & and commas ("Bygg & Co 2 AB"), at most 100. */
export const OrganisationName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(
    /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} '’.,&-]*$/u,
    "letters, digits, marks, spaces and - ' . , & only",
  );

export const Email = z.email().max(254);

/** E.164, e.g. +46701234567. */
export const MobileNumber = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'mobile number in E.164 form, e.g. +46701234567');

/** Languages the emails and worker pages are written in. */
export const Language = z.enum(['sv', 'en', 'pl', 'lt', 'lv', 'et', 'ro', 'uk']);
export type Language = z.infer<typeof Language>;

/** Opaque id of an onboarding: the only handle the workflow passes around (never personal data). */
export const OnboardingId = z.string().regex(/^onb_[a-z0-9]{26}$/, 'onboarding id');
