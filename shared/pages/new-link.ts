import { requestNewLink } from '#shared/use-cases/request-new-link.ts';
import { renderMessagePage } from './html/message-page.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { errorResponse, htmlResponse } from './responses.ts';
import { isCrossSitePost, rejectedLink } from './start-session.ts';
import { pageMessagesFor } from './texts/index.ts';

/**
 * POST /account/new-link (token in the form), the button on an expired link's page once the
 * automatic resends ran out: the workflow emails a new link, which replaces this one.
 */
export async function sendNewLink(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  if (isCrossSitePost(request, deps.settings.publicBaseUrl)) {
    return errorResponse('forbidden', request.language, 'CsrfRejected');
  }
  const now = deps.clock.now();
  const requested = await requestNewLink(deps, request.form.token, now);
  if (!requested.ok) {
    const { link } = requested;
    // A link that still works needs no new one.
    if (link.ok) return errorResponse('forbidden', request.language, 'NewLinkRefused');
    return rejectedLink(deps, request, link, request.form.token);
  }
  const language = request.chosenLanguage ?? requested.language;
  const m = pageMessagesFor(language);
  const body = renderMessagePage(language, m, { title: m.newLink.title, paragraphs: [m.newLink.body] });
  return htmlResponse(200, body, 'NewLinkRequested', {
    onboardingId: requested.onboardingId,
    detail: `resume-${requested.result}`,
  });
}
