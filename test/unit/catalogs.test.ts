import { stockholmDateAndTime } from '#shared/domain/stockholm-time.ts';
import { en } from '#shared/email/texts/en.ts';
import { LANGUAGES, messagesFor } from '#shared/email/texts/index.ts';
import { negotiateLanguage } from '#shared/pages/language.ts';
import { pagesEn } from '#shared/pages/texts/en.ts';
import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import { leaves, shape } from '#test/support/catalog-shape.ts';

/** Functions whose one argument is a count: called with counts that need every plural form. */
const COUNT_FUNCTIONS = new Set(['identity.errors.triesLeft']);
const COUNTS = [0, 1, 2, 5, 11, 21, 22];

const CATALOGS = [
  { name: 'emails', english: en, of: messagesFor },
  { name: 'pages', english: pagesEn, of: pageMessagesFor },
] as const;

const CASES = CATALOGS.flatMap((catalog) =>
  LANGUAGES.map((language) => [catalog.name, language, catalog] as const),
);

describe('every catalog in every language', () => {
  test('lists the eight languages in a fixed order', () => {
    expect(LANGUAGES).toEqual(['sv', 'en', 'pl', 'lt', 'lv', 'et', 'ro', 'uk']);
  });

  test.each(CASES)('%s, %s: exactly the keys of English at every depth', (_, language, catalog) => {
    expect(shape(catalog.of(language))).toEqual(shape(catalog.english));
  });

  test.each(CASES)('%s, %s: no empty text', (_, language, catalog) => {
    for (const { path, value } of leaves(catalog.of(language))) {
      if (typeof value === 'string') {
        expect({ path, empty: value.trim() === '' }).toEqual({ path, empty: false });
      }
    }
  });

  test.each(CASES)('%s, %s: every function builds a non-empty text', (_, language, catalog) => {
    for (const { path, value } of leaves(catalog.of(language))) {
      if (typeof value !== 'function') continue;
      const samples: unknown[][] = COUNT_FUNCTIONS.has(path)
        ? COUNTS.map((count) => [count])
        : [Array.from({ length: value.length }, (_, i) => `«arg${i}»`)];
      for (const args of samples) {
        const result: unknown = value(...args);
        expect({ path, args, type: typeof result }).toEqual({ path, args, type: 'string' });
        expect({ path, args, empty: String(result).trim() === '' }).toEqual({ path, args, empty: false });
        for (const arg of args) {
          expect({ path, args, uses: String(result).includes(String(arg)) }).toEqual({
            path,
            args,
            uses: true,
          });
        }
      }
    }
  });

  test.each(LANGUAGES)('%s: emails and pages use the same locale, and Intl knows it', (language) => {
    const { locale } = messagesFor(language);
    expect(pageMessagesFor(language).locale).toBe(locale);
    expect(locale.split('-')[0]).toBe(language);
    expect(Intl.DateTimeFormat.supportedLocalesOf([locale])).toEqual([locale]);
    expect(Intl.PluralRules.supportedLocalesOf([locale])).toEqual([locale]);
  });
});

describe('dates in the new languages', () => {
  /** 23:30 in Stockholm (CET, UTC+1). */
  const at = new Date('2026-11-20T22:30:00.000Z');

  test.each([
    ['lt', '2026 m. lapkričio 20 d.'],
    ['lv', '2026. gada 20. novembris'],
    ['et', '20. november 2026'],
    ['ro', '20 noiembrie 2026'],
    ['uk', '20 листопада 2026 р.'],
  ] as const)('%s writes the date its own way, in Swedish time', (language, date) => {
    expect(stockholmDateAndTime(at, pageMessagesFor(language).locale)).toEqual({ date, time: '23:30' });
  });
});

describe('plural forms of the tries left', () => {
  test.each([
    ['lt', 0, 'Jums liko 0 bandymų.'],
    ['lt', 1, 'Jums liko 1 bandymas.'],
    ['lt', 2, 'Jums liko 2 bandymai.'],
    ['lt', 5, 'Jums liko 5 bandymai.'],
    ['lt', 11, 'Jums liko 11 bandymų.'],
    ['lt', 21, 'Jums liko 21 bandymas.'],
    ['lt', 22, 'Jums liko 22 bandymai.'],
    ['lv', 0, 'Jums ir atlikuši 0 mēģinājumi.'],
    ['lv', 1, 'Jums ir atlicis 1 mēģinājums.'],
    ['lv', 2, 'Jums ir atlikuši 2 mēģinājumi.'],
    ['lv', 11, 'Jums ir atlikuši 11 mēģinājumi.'],
    ['lv', 21, 'Jums ir atlicis 21 mēģinājums.'],
    ['et', 1, 'Teil on jäänud 1 katse.'],
    ['et', 2, 'Teil on jäänud 2 katset.'],
    ['et', 21, 'Teil on jäänud 21 katset.'],
    ['ro', 0, 'Mai aveți 0 încercări.'],
    ['ro', 1, 'Mai aveți 1 încercare.'],
    ['ro', 2, 'Mai aveți 2 încercări.'],
    ['ro', 19, 'Mai aveți 19 încercări.'],
    ['ro', 20, 'Mai aveți 20 de încercări.'],
    ['ro', 21, 'Mai aveți 21 de încercări.'],
    ['uk', 0, 'У Вас залишилося 0 спроб.'],
    ['uk', 1, 'У Вас залишилася 1 спроба.'],
    ['uk', 2, 'У Вас залишилося 2 спроби.'],
    ['uk', 5, 'У Вас залишилося 5 спроб.'],
    ['uk', 11, 'У Вас залишилося 11 спроб.'],
    ['uk', 21, 'У Вас залишилася 21 спроба.'],
    ['uk', 22, 'У Вас залишилося 22 спроби.'],
  ] as const)('%s, %i', (language, count, text) => {
    expect(pageMessagesFor(language).identity.errors.triesLeft(count)).toBe(text);
  });
});

describe('Accept-Language', () => {
  test.each([
    ['lt', 'lt'],
    ['lt-LT,lt;q=0.9,en;q=0.8', 'lt'],
    ['lv-LV', 'lv'],
    ['ET-ee, en;q=0.5', 'et'],
    ['de-DE,ro;q=0.8,en;q=0.5', 'ro'],
    ['ru-RU,uk;q=0.9,en;q=0.8', 'uk'],
    ['en;q=0.5,uk-UA', 'uk'],
    ['uk;q=0,lv;q=0.2', 'lv'],
    ['ru-RU', 'en'],
  ] as const)('%j picks %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  test.each(LANGUAGES)('%s is picked from its own tag', (language) => {
    expect(negotiateLanguage(`${language}-XX;q=0.9,zz;q=1`)).toBe(language);
  });
});
