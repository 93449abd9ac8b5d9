import { InvalidEmailDataError } from './errors.ts';

const TIME_ZONE = 'Europe/Stockholm';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as a date and a time in Swedish time, written the way `locale` writes them. */
export function stockholmDateAndTime(iso: string, locale: string): { date: string; time: string } {
  const instant = ISO_INSTANT.test(iso) ? new Date(iso) : undefined;
  if (instant === undefined || Number.isNaN(instant.getTime())) {
    throw new InvalidEmailDataError('expiresAt must be an ISO 8601 date-time with a time zone');
  }
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(instant),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: TIME_ZONE }).format(instant),
  };
}
