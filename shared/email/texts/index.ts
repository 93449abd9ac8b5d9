import { Language } from '#shared/contracts/events/fields.ts';
import { en, type Messages } from './en.ts';
import { et } from './et.ts';
import { lt } from './lt.ts';
import { lv } from './lv.ts';
import { pl } from './pl.ts';
import { ro } from './ro.ts';
import { sv } from './sv.ts';
import { uk } from './uk.ts';

export type { Language } from '#shared/contracts/events/fields.ts';
export type { Messages } from './en.ts';

const catalogs: Readonly<Record<Language, Messages>> = { sv, en, pl, lt, lv, et, ro, uk };

/** The languages there is a catalog for, in a fixed order. */
export const LANGUAGES: readonly Language[] = Language.options;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(catalogs, value);
}

/** The user texts in one language. Throws on a language without a catalog (the type rules that out). */
export function messagesFor(language: Language): Messages {
  if (!isLanguage(language)) {
    throw new RangeError('no message catalog for this language');
  }
  return catalogs[language];
}
