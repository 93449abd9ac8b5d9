import type { Language } from '#shared/contracts/events/fields.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import type { LinkRejection } from '#shared/use-cases/check-link.ts';
import { renderMessagePage } from './message-page.ts';

/** Why a link or session cannot be used. 'malformed' and 'unknown' read the same on purpose. */
/** A link the use case refused, or no session cookie at all. */
export type LinkProblem = LinkRejection | 'no-session';

export function renderLinkProblemPage(
  language: Language,
  m: PageMessages,
  problem: LinkProblem,
  signInUrl: string,
): string {
  const texts = {
    malformed: m.link.invalid,
    unknown: m.link.invalid,
    expired: m.link.expired,
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
