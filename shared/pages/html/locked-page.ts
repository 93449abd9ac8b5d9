import type { Language } from '#shared/contracts/events/fields.ts';
import { stockholmDateAndTime } from '#shared/domain/stockholm-time.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderMessagePage } from './message-page.ts';

/** Shown instead of the identity form while identity entry is locked. */
export function renderLockedPage(language: Language, m: PageMessages, lockedUntil: Date): string {
  const { date, time } = stockholmDateAndTime(lockedUntil, m.locale);
  return renderMessagePage(language, m, {
    title: m.locked.title,
    paragraphs: [m.locked.body, m.locked.retryAt(date, time), m.locked.help],
  });
}

/** Shown instead of the identity form once the wrong tries reached the onboarding's cap. */
export function renderBlockedPage(language: Language, m: PageMessages): string {
  return renderMessagePage(language, m, {
    title: m.blocked.title,
    paragraphs: [m.blocked.body, m.blocked.help],
  });
}
