import type { Language } from '#shared/contracts/events/fields.ts';
import { escapeHtml } from '#shared/email/escape-html.ts';
import { LANGUAGES } from '#shared/email/texts/index.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { LANGUAGE_NAMES } from '#shared/pages/texts/language-names.ts';
import { PAGE_CSS } from './styles.ts';

export interface LayoutInput {
  language: Language;
  m: PageMessages;
  /** The page's one <h1>, also the start of <title>. */
  title: string;
  /** Prefixes the title with "Error:" so screen-reader users hear it first. */
  hasErrors?: boolean;
  /** HTML, already escaped, that follows the <h1>. */
  content: string;
  /** The page's enhancement script (a constant the CSP allows by hash), if it has one. */
  script?: string;
  /** Where the language switch leads for a language: by default this page (`?lang=`). */
  languageHref?: (language: Language) => string;
}

/** The whole document around a page: no external resources, one hashed <style>, at most one hashed script. */
export function renderLayout(input: LayoutInput): string {
  const { language, m, title, hasErrors = false, content, script } = input;
  const documentTitle = `${hasErrors ? `${m.common.errorPrefix} ` : ''}${title} – ${m.common.titleSuffix}`;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(documentTitle)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><p class="brand">${escapeHtml(m.common.brand)}</p>${languageSwitch(input)}</header>`,
    '<main id="main">',
    `<h1>${escapeHtml(title)}</h1>`,
    content,
    '</main>',
    ...(script === undefined ? [] : [`<script>${script}</script>`]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Plain links, one per language, each named in its own language; the current one marked. */
function languageSwitch({ language, m, languageHref }: LayoutInput): string {
  const href = languageHref ?? ((other: Language) => `?lang=${other}`);
  const links = LANGUAGES.map((other) => {
    const current = other === language ? ' aria-current="true"' : '';
    return `<li><a href="${escapeHtml(href(other))}" lang="${other}" hreflang="${other}"${current}>${escapeHtml(LANGUAGE_NAMES[other])}</a></li>`;
  });
  return `<nav class="languages" aria-label="${escapeHtml(m.common.language)}"><ul>${links.join('')}</ul></nav>`;
}
