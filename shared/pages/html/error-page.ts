import type { Language } from '#shared/contracts/events/fields.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderMessagePage } from './message-page.ts';

export type ErrorPageKind = keyof PageMessages['errors'];

/** The page for a request the pages cannot serve (403, 404, 405, 413, 400, 500). */
export function renderErrorPage(language: Language, m: PageMessages, kind: ErrorPageKind): string {
  const texts = m.errors[kind];
  return renderMessagePage(language, m, { title: texts.title, paragraphs: [texts.body] });
}
