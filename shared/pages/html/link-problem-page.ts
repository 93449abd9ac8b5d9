import type { Language } from '#shared/contracts/events/fields.ts';
import { PATHS } from '#shared/contracts/worker-routes.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import type { LinkRejection } from '#shared/use-cases/check-link.ts';
import { renderLayout } from './layout.ts';
import { renderMessagePage } from './message-page.ts';
import { escapeHtml, hiddenInput, paragraph } from './parts.ts';

/** A link the use case refused, or no session cookie at all. */
export type LinkProblem = LinkRejection | 'no-session';

/**
 * `linkToken` is the refused link's own token, known once the secret was proven: with it, a
 * renewable link's page offers *Send me a new link* (a POST of the token, like the start page).
 */
export function renderLinkProblemPage(
  language: Language,
  m: PageMessages,
  problem: LinkProblem,
  signInUrl: string,
  linkToken?: string,
): string {
  if (problem === 'renewable' && linkToken !== undefined) {
    const r = m.link.renewable;
    const content = [
      paragraph(r.body),
      paragraph(r.action),
      `<form method="post" action="${PATHS.newLink}">`,
      hiddenInput('token', linkToken),
      `<button type="submit">${escapeHtml(r.submit)}</button>`,
      '</form>',
    ].join('\n');
    return renderLayout({ language, m, title: r.title, content });
  }
  const texts = {
    malformed: m.link.invalid,
    unknown: m.link.invalid,
    expired: m.link.expired,
    renewable: m.link.expired,
    used: m.link.used,
    closed: m.link.closed,
    'no-session': m.link.noSession,
  }[problem];
  return renderMessagePage(language, m, {
    title: texts.title,
    paragraphs: [texts.body, texts.action],
    ...(problem === 'used' ? { link: { href: signInUrl, label: m.common.signIn } } : {}),
  });
}
