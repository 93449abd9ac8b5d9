import type { Language } from '#shared/contracts/events/fields.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderMessagePage } from './message-page.ts';

/** The body of a 303, for the rare client that shows it instead of following Location. */
export function renderRedirectPage(language: Language, m: PageMessages, location: string): string {
  return renderMessagePage(language, m, {
    title: m.common.continue,
    paragraphs: [],
    link: { href: location, label: m.common.continue },
  });
}
