import { createHash } from 'node:crypto';
import { parseLinkToken } from '#shared/domain/link-token.ts';
import type { PageDependencies, PageRequest, PageResponse } from './page.ts';
import { errorResponse } from './responses.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/**
 * POSTs per client address and per link, in 5-minute windows. A client may be a whole site office
 * behind one address, so its limit is generous; one link is one worker, who needs a dozen POSTs
 * at most. Identity tries have their own, stricter limit (domain/identity-lock.ts).
 */
export const REQUEST_LIMITS = {
  client: { limit: 300, windowSeconds: 300 },
  link: { limit: 30, windowSeconds: 300 },
} as const;
export type RequestLimits = { [K in keyof typeof REQUEST_LIMITS]: { limit: number; windowSeconds: number } };

/** The 429 page when a POST goes over a limit; undefined when it may go on. GETs write nothing. */
export async function limitRequest(
  deps: PageDependencies,
  request: PageRequest,
  limits: RequestLimits = REQUEST_LIMITS,
): Promise<PageResponse | undefined> {
  if (request.method !== 'POST') return undefined;
  const now = deps.clock.now();
  const keys: [string, { limit: number; windowSeconds: number }][] = [];
  // Only a hash of the address is stored, and only for two windows (TTL).
  if (request.sourceIp) keys.push([`client#${sha256(request.sourceIp)}`, limits.client]);
  const token = request.form.token ?? request.cookies[SESSION_COOKIE];
  const link = parseLinkToken(token);
  if (link.ok) keys.push([`link#${link.onboardingId}`, limits.link]);
  for (const [key, { limit, windowSeconds }] of keys) {
    if (!(await deps.rateLimiter.take(key, limit, windowSeconds, now))) {
      const retryAfter = String(windowSeconds - (Math.floor(now.getTime() / 1000) % windowSeconds));
      return errorResponse('tooManyRequests', request.chosenLanguage ?? request.language, 'TooManyRequests', {
        detail: key.split('#')[0],
        headers: { 'Retry-After': retryAfter },
      });
    }
  }
  return undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
