import type { Language } from '#shared/contracts/events/fields.ts';
import { type PageMessages, pagesEn } from './en.ts';
import { pagesEt } from './et.ts';
import { pagesLt } from './lt.ts';
import { pagesLv } from './lv.ts';
import { pagesPl } from './pl.ts';
import { pagesRo } from './ro.ts';
import { pagesSv } from './sv.ts';
import { pagesUk } from './uk.ts';

export type { PageMessages } from './en.ts';

const catalogs: Readonly<Record<Language, PageMessages>> = {
  sv: pagesSv,
  en: pagesEn,
  pl: pagesPl,
  lt: pagesLt,
  lv: pagesLv,
  et: pagesEt,
  ro: pagesRo,
  uk: pagesUk,
};

/** The worker-page texts in one language. Throws on a language without a catalog (the type rules that out). */
export function pageMessagesFor(language: Language): PageMessages {
  if (!Object.hasOwn(catalogs, language)) throw new RangeError('no page catalog for this language');
  return catalogs[language];
}
