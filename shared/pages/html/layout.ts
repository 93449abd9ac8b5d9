import type { Language } from '#shared/contracts/events/fields.ts';
import { escapeHtml } from '#shared/email/escape-html.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
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
}

/** The whole document around a page: no scripts, no external resources, one hashed <style>. */
export function renderLayout({
  language,
  m,
  title,
  hasErrors = false,
  content,
  script,
}: LayoutInput): string {
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
    `<header><p class="brand">${escapeHtml(m.common.brand)}</p></header>`,
    '<main id="main">',
    `<h1>${escapeHtml(title)}</h1>`,
    content,
    '</main>',
    script === undefined ? '' : `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, index, lines) => line !== '' || index === lines.length - 1)
    .join('\n');
}
