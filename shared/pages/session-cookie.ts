import { PATHS } from '#shared/contracts/worker-routes.ts';

/**
 * Holds the link token between the pages, so it leaves the URL after the first request.
 * Not `__Host-` prefixed: that prefix requires Path=/, and the cookie is kept to /account.
 */
export const SESSION_COOKIE = 'id06_session';

// HttpOnly: no script may read it; SameSite=Strict: no other site can make the browser send it.
function attributes(secure: boolean): string {
  return `Path=${PATHS.account}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie for a new session that lives as long as the link does. */
export function sessionCookie(linkToken: string, expiresAt: string, now: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000));
  return `${SESSION_COOKIE}=${linkToken}; Max-Age=${maxAge}; ${attributes(secure)}`;
}

/** Set-Cookie that makes the browser drop the session. */
export function expiredSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${attributes(secure)}`;
}
