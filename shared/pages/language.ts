import type { Language } from '#shared/contracts/events/fields.ts';
import { isLanguage } from '#shared/email/texts/index.ts';

/** Most workers on these pages do not read Swedish, so English is the fallback. */
export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * The best page language from an Accept-Language header (e.g. `pl-PL,pl;q=0.9,en;q=0.8`), for
 * pages shown before the onboarding and so the worker's own language is known.
 */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (acceptLanguage === undefined) return FALLBACK_LANGUAGE;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params
        .map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1])
        .find((value) => value !== undefined);
      return {
        primary: tag.trim().split('-')[0]?.toLowerCase() ?? '',
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map(({ primary }) => primary).find(isLanguage) ?? FALLBACK_LANGUAGE;
}

/** Remembers the language switch's choice for the pages (not personal data). */
export const LANGUAGE_COOKIE = 'id06_lang';

/** Set-Cookie for the language switch's choice: a year, the pages only, readable by no script. */
export function languageCookie(language: Language, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Max-Age=31536000; Path=/account; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
