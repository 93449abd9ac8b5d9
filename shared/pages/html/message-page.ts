import type { Language } from '#shared/contracts/events/fields.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderLayout } from './layout.ts';
import { escapeHtml, paragraph } from './parts.ts';

export interface MessagePageInput {
  title: string;
  paragraphs: readonly string[];
  /** A next step shown as a button-styled link. */
  link?: { href: string; label: string };
}

/** A page that only explains: link problems, the lock, errors, redirects. */
export function renderMessagePage(language: Language, m: PageMessages, input: MessagePageInput): string {
  const content = [
    ...input.paragraphs.map((text) => paragraph(text)),
    input.link === undefined
      ? ''
      : `<p><a class="button" href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.label)}</a></p>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return renderLayout({ language, m, title: input.title, content });
}
