import { createAccount } from '#shared/use-cases/create-account.ts';
import { checkIdentity } from './check-identity.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { PATHS } from './paths.ts';
import { errorResponse } from './responses.ts';
import { showAccountCreated } from './show-account-created.ts';
import { showIdentityForm } from './show-identity-form.ts';
import { startSession } from './start-session.ts';

type UseCase = (deps: PageDependencies, request: PageRequest) => Promise<PageResponse>;

/** The routes of HTTP_ROUTES in infra/catalog.ts, by path and method. */
const ROUTES: Readonly<Record<string, Readonly<Record<string, UseCase>>>> = {
  [PATHS.start]: { GET: startSession },
  [PATHS.account]: { GET: showIdentityForm, POST: createAccount },
  [PATHS.identity]: { POST: checkIdentity },
  [PATHS.created]: { GET: showAccountCreated },
};

/** The route key to log: only known routes, since an unknown path is whatever a client typed. */
export function routeKey(request: Pick<PageRequest, 'method' | 'path'>): string {
  return Object.hasOwn(ROUTES, request.path) ? `${request.method} ${request.path}` : 'unknown';
}

/** Runs the use case of the request's route: 404 for an unknown path, 405 for a method it lacks. */
export function routePageRequest(deps: PageDependencies, request: PageRequest): Promise<PageResponse> {
  const methods = Object.hasOwn(ROUTES, request.path) ? ROUTES[request.path] : undefined;
  if (methods === undefined) return Promise.resolve(errorResponse('notFound', request.language, 'NotFound'));
  const useCase = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  if (useCase === undefined) {
    return Promise.resolve(
      errorResponse('methodNotAllowed', request.language, 'MethodNotAllowed', {
        headers: { Allow: Object.keys(methods).join(', ') },
      }),
    );
  }
  return useCase(deps, request);
}
