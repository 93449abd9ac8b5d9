import type { Language } from '#shared/contracts/events/fields.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderLayout } from './layout.ts';
import { escapeHtml, paragraph } from './parts.ts';

/** "Your account is created", the next step, and the *Sign in to your account* link. */
export function renderCreatedPage(language: Language, m: PageMessages, signInUrl: string): string {
  const content = [
    paragraph(m.created.intro),
    `<h2>${escapeHtml(m.created.nextStepHeading)}</h2>`,
    paragraph(m.created.nextStep),
    `<p><a class="button" href="${escapeHtml(signInUrl)}">${escapeHtml(m.common.signIn)}</a></p>`,
  ].join('\n');
  return renderLayout({ language, m, title: m.created.title, content });
}
