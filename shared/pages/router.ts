import { ROUTE_KEYS, type RouteKey } from '#shared/contracts/worker-routes.ts';
import { isLanguage } from '#shared/email/texts/index.ts';
import { checkIdentity } from './check-identity.ts';
import { createAccount } from './create-account.ts';
import { languageCookie } from './language.ts';
import { sendNewLink } from './new-link.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { limitRequest } from './request-limits.ts';
import { errorResponse } from './responses.ts';
import { usesSecureCookies } from './settings.ts';
import { showAccountCreated } from './show-account-created.ts';
import { showIdentityForm } from './show-identity-form.ts';
import { showStartPage, startSession } from './start-session.ts';

type Page = (deps: PageDependencies, request: PageRequest) => Promise<PageResponse>;

/** The page of every route in the route table; a route without one fails tsc. */
const PAGES: Readonly<Record<RouteKey, Page>> = {
  'GET /account/start': showStartPage,
  'POST /account/start': startSession,
  'GET /account': showIdentityForm,
  // The language switch on a page a POST rendered links to its path: the identity form again.
  'GET /account/identity': showIdentityForm,
  'POST /account/identity': checkIdentity,
  'POST /account': createAccount,
  'GET /account/created': showAccountCreated,
  'POST /account/new-link': sendNewLink,
};

async function routeKnown(deps: PageDependencies, request: PageRequest, page: Page): Promise<PageResponse> {
  const limited = await limitRequest(deps, request, deps.requestLimits);
  return rememberLanguage(deps, request, limited ?? (await page(deps, request)));
}

/** A language picked on the switch (`?lang=`) is remembered for the pages that follow. */
function rememberLanguage(
  deps: PageDependencies,
  request: PageRequest,
  response: PageResponse,
): PageResponse {
  const picked = request.query.lang;
  if (!isLanguage(picked)) return response;
  const cookie = languageCookie(picked, usesSecureCookies(deps.settings));
  return { ...response, cookies: [...(response.cookies ?? []), cookie] };
}

function isRouteKey(key: string): key is RouteKey {
  return (ROUTE_KEYS as readonly string[]).includes(key);
}

function methodsOf(path: string): string[] {
  return ROUTE_KEYS.filter((key) => key.endsWith(` ${path}`)).map((key) => key.split(' ')[0] ?? '');
}

/** The route key to log: only known routes, since an unknown path is whatever a client typed. */
export function routeKey(request: Pick<PageRequest, 'method' | 'path'>): string {
  return methodsOf(request.path).length > 0 ? `${request.method} ${request.path}` : 'unknown';
}

/** Runs the page of the request's route: 404 for an unknown path, 405 for a method it lacks. */
export function routePageRequest(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const key = `${request.method} ${request.path}`;
  if (isRouteKey(key)) return routeKnown(deps, request, PAGES[key]);
  const methods = methodsOf(request.path);
  if (methods.length === 0) return Promise.resolve(errorResponse('notFound', request.language, 'NotFound'));
  return Promise.resolve(
    errorResponse('methodNotAllowed', request.language, 'MethodNotAllowed', {
      headers: { Allow: methods.join(', ') },
    }),
  );
}
