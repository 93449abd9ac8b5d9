import { en } from '#shared/email/texts/en.ts';
import { LANGUAGES, type Language, messagesFor } from '#shared/email/texts/index.ts';
import { leaves, shape } from '#test/support/catalog-shape.ts';

const OTHERS = LANGUAGES.filter((language): language is Exclude<Language, 'en'> => language !== 'en');
/** Leaves that are the same word in every language. */
const SAME_EVERYWHERE = new Set(['email.sender']);

describe('message catalogs', () => {
  test('en has only string and function leaves', () => {
    for (const { value } of leaves(en)) expect(['string', 'function']).toContain(typeof value);
  });

  test.each(OTHERS)('%s has exactly the keys of en, with the same kinds and arities', (language) => {
    expect(shape(messagesFor(language))).toEqual(shape(en));
  });

  test.each(LANGUAGES)('%s: every text is non-empty and every function uses its arguments', (language) => {
    for (const { path, value } of leaves(messagesFor(language))) {
      if (typeof value === 'string') {
        expect({ path, empty: value.trim() === '' }).toEqual({ path, empty: false });
      } else if (typeof value === 'function') {
        const args = Array.from({ length: value.length }, (_, i) => `«arg${i}»`);
        const result: unknown = value(...args);
        expect(typeof result).toBe('string');
        for (const arg of args)
          expect({ path, uses: String(result).includes(arg) }).toEqual({ path, uses: true });
      }
    }
  });

  test.each(OTHERS)('%s is translated, not copied from en', (language) => {
    const english = new Map(leaves(en).map(({ path, value }) => [path, value]));
    for (const { path, value } of leaves(messagesFor(language))) {
      if (typeof value !== 'string' || SAME_EVERYWHERE.has(path)) continue;
      expect({ path, copied: value === english.get(path) }).toEqual({ path, copied: false });
    }
  });

  test('messagesFor refuses a language without a catalog', () => {
    expect(() => messagesFor('de' as Language)).toThrow(RangeError);
    expect(() => messagesFor('toString' as Language)).toThrow(RangeError);
  });
});
