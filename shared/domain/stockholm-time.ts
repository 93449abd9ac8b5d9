const TIME_ZONE = 'Europe/Stockholm';

/** An instant as a date and a time in Swedish time (emails and pages say so), as `locale` writes them. */
export function stockholmDateAndTime(at: Date, locale: string): { date: string; time: string } {
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(at),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: TIME_ZONE }).format(at),
  };
}
