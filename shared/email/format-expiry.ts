import { stockholmDateAndTime as formatInstant } from '#shared/domain/stockholm-time.ts';
import { InvalidEmailDataError } from './errors.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant (as stored) as a date and a time in Swedish time; anything else throws. */
export function stockholmDateAndTime(iso: string, locale: string): { date: string; time: string } {
  const instant = ISO_INSTANT.test(iso) ? new Date(iso) : undefined;
  if (instant === undefined || Number.isNaN(instant.getTime())) {
    throw new InvalidEmailDataError('expiresAt must be an ISO 8601 date-time with a time zone');
  }
  return formatInstant(instant, locale);
}
