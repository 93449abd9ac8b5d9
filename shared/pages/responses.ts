import type { Language } from '#shared/contracts/events/fields.ts';
import { pageMessagesFor } from '#shared/pages/texts/index.ts';
import { type ErrorPageKind, renderErrorPage } from './html/error-page.ts';
import { type LinkProblem, renderLinkProblemPage } from './html/link-problem-page.ts';
import { renderBlockedPage, renderLockedPage } from './html/locked-page.ts';
import { renderRedirectPage } from './html/redirect-page.ts';
import type { Outcome, PageLog, PageResponse } from './page.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface ResponseExtras extends Omit<PageLog, 'outcome'> {
  headers?: Record<string, string>;
  cookies?: string[];
}

/** Every response goes through here, so none can miss the security headers. */
export function htmlResponse(
  status: number,
  body: string,
  outcome: Outcome,
  { headers, cookies, ...log }: ResponseExtras = {},
): PageResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, ...headers },
    ...(cookies === undefined ? {} : { cookies }),
    body,
    log: { outcome, ...log },
  };
}

/** 303 See Other: the browser follows with a GET, so a reload never re-posts a form. */
export function redirectResponse(
  language: Language,
  location: string,
  outcome: Outcome,
  extras: ResponseExtras = {},
): PageResponse {
  const body = renderRedirectPage(language, pageMessagesFor(language), location);
  return htmlResponse(303, body, outcome, { ...extras, headers: { ...extras.headers, Location: location } });
}

const ERROR_STATUS: Readonly<Record<ErrorPageKind, number>> = {
  badRequest: 400,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  tooLarge: 413,
  tooManyRequests: 429,
  unexpected: 500,
};

export function errorResponse(
  kind: ErrorPageKind,
  language: Language,
  outcome: Outcome,
  extras: ResponseExtras = {},
): PageResponse {
  return htmlResponse(
    ERROR_STATUS[kind],
    renderErrorPage(language, pageMessagesFor(language), kind),
    outcome,
    extras,
  );
}

// 410 Gone for a link that worked once but never will again; 404 for one that never matched, so
// a guessed id and a wrong secret look the same.
const LINK_PROBLEM_STATUS: Readonly<Record<LinkProblem, number>> = {
  malformed: 400,
  'no-session': 400,
  unknown: 404,
  expired: 410,
  renewable: 410,
  used: 410,
  closed: 410,
};

export function linkProblemResponse(
  problem: LinkProblem,
  language: Language,
  signInUrl: string,
  outcome: Outcome,
  { linkToken, ...extras }: ResponseExtras & { linkToken?: string } = {},
): PageResponse {
  const body = renderLinkProblemPage(language, pageMessagesFor(language), problem, signInUrl, linkToken);
  return htmlResponse(LINK_PROBLEM_STATUS[problem], body, outcome, { detail: problem, ...extras });
}

/** 403: identity entry is locked until an operator unlocks it; waiting does not help. */
export function blockedResponse(language: Language, extras: ResponseExtras = {}): PageResponse {
  return htmlResponse(403, renderBlockedPage(language, pageMessagesFor(language)), 'IdentityBlocked', extras);
}

/** 429 with Retry-After: identity entry is locked until `lockedUntil`. */
export function lockedResponse(
  language: Language,
  lockedUntil: Date,
  now: Date,
  extras: ResponseExtras = {},
): PageResponse {
  const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const body = renderLockedPage(language, pageMessagesFor(language), lockedUntil);
  return htmlResponse(429, body, 'IdentityLocked', {
    ...extras,
    headers: { ...extras.headers, 'Retry-After': String(retryAfter) },
  });
}
