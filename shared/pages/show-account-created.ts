import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import { renderCreatedPage } from './html/created-page.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { htmlResponse } from './responses.ts';

/**
 * GET /account/created: "Your account is created" and the sign-in link. The session is gone by
 * now, so the language travels in the URL (a language code is not personal data).
 */
export async function showAccountCreated(
  deps: PageDependencies,
  request: PageRequest,
): Promise<PageResponse> {
  const language = request.chosenLanguage ?? request.language;
  const body = renderCreatedPage(language, pageMessagesFor(language), deps.settings.signInUrl);
  return htmlResponse(200, body, 'CreatedPageShown');
}
