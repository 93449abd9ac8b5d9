import type { Language } from '#shared/contracts/events/fields.ts';
import { PATHS } from '#shared/contracts/worker-routes.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderLayout } from './layout.ts';
import { escapeHtml, hiddenInput, paragraph } from './parts.ts';

/**
 * *Create user account*, the page the emailed link opens: one action, *Sign in after manual ID
 * verification*, a form that posts the link token back. That POST comes from this site, so the
 * session cookie it sets is sent on every navigation after it, whichever mail client or in-app
 * browser opened the link (a SameSite=Strict cookie set while following a link from another
 * site is not sent on the redirect after it).
 */
export function renderStartPage(language: Language, m: PageMessages, linkToken: string): string {
  const content = [
    paragraph(m.start.intro),
    `<form method="post" action="${PATHS.start}">`,
    hiddenInput('token', linkToken),
    `<button type="submit">${escapeHtml(m.start.submit)}</button>`,
    '</form>',
  ].join('\n');
  // The switch keeps the token: this page needs it, and it is in the address bar already.
  const languageHref = (other: Language) => `?token=${encodeURIComponent(linkToken)}&lang=${other}`;
  return renderLayout({ language, m, title: m.start.title, content, languageHref });
}
