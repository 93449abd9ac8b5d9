/**
 * The worker pages' addresses: the one table the router, the function catalog (API Gateway routes
 * on AWS, the HTTP API locally) and the emailed links are built from. The session cookie is scoped
 * to /account. Links already emailed use these paths, so a change here breaks them.
 */
export const PATHS = {
  start: '/account/start',
  account: '/account',
  identity: '/account/identity',
  created: '/account/created',
  newLink: '/account/new-link',
} as const;

export const WORKER_ROUTES = [
  { method: 'GET', path: PATHS.start },
  { method: 'POST', path: PATHS.start },
  { method: 'GET', path: PATHS.account },
  { method: 'GET', path: PATHS.identity },
  { method: 'POST', path: PATHS.identity },
  { method: 'POST', path: PATHS.account },
  { method: 'GET', path: PATHS.created },
  { method: 'POST', path: PATHS.newLink },
] as const;

type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;
/** API Gateway's route key: 'GET /account/start'. */
export type RouteKey = KeyOf<(typeof WORKER_ROUTES)[number]>;

export const ROUTE_KEYS: readonly RouteKey[] = WORKER_ROUTES.map(
  ({ method, path }) => `${method} ${path}` as RouteKey,
);

/** The *Create user account* link: the start page with the link token in the query. */
export function accountLinkUrl(publicBaseUrl: string, token: string): string {
  const url = new URL(PATHS.start, publicBaseUrl);
  url.searchParams.set('token', token);
  return url.toString();
}
