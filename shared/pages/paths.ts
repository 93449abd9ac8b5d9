/** The worker pages' paths (see HTTP_ROUTES in infra/catalog.ts). The session cookie is scoped to /account. */
export const PATHS = {
  start: '/account/start',
  account: '/account',
  identity: '/account/identity',
  created: '/account/created',
} as const;
