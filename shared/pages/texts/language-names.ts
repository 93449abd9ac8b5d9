import type { Language } from '#shared/contracts/events/fields.ts';

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  sv: 'Svenska',
  en: 'English',
  pl: 'Polski',
  lt: 'Lietuvių',
  lv: 'Latviešu',
  et: 'Eesti',
  ro: 'Română',
  uk: 'Українська',
};
