import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isLanguage } from '#shared/email/texts/index.ts';
import { LANGUAGE_COOKIE, negotiateLanguage } from './language.ts';
import type { PageRequest, PageResponse } from './page.ts';
import { errorResponse } from './responses.ts';

/** The parts of an API Gateway HTTP API event (payload format 2.0) that the pages read. */
export interface HttpApiEvent {
  rawPath: string;
  rawQueryString: string;
  cookies?: string[] | undefined;
  headers: Readonly<Record<string, string | undefined>>;
  body?: string | undefined;
  isBase64Encoded: boolean;
  requestContext: { http: { method: string; sourceIp?: string | undefined } };
}

/** The forms are a few short fields; anything bigger is refused before it is decoded or parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

export type ReadPageRequest = { ok: true; request: PageRequest } | { ok: false; response: PageResponse };

/** Turns the event into a PageRequest; a body over MAX_BODY_BYTES gives the 413 page instead. */
export function readPageRequest(event: HttpApiEvent): ReadPageRequest {
  const language = negotiateLanguage(header(event.headers, 'accept-language'));
  const body = event.body ?? '';
  // byteLength of base64 text is the decoded size, computed without decoding.
  const size = Buffer.byteLength(body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (size > MAX_BODY_BYTES) {
    return { ok: false, response: errorResponse('tooLarge', language, 'BodyTooLarge') };
  }
  const text = event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  const contentType = header(event.headers, 'content-type') ?? '';
  const query = firstValues(new URLSearchParams(event.rawQueryString));
  const cookies = readCookies(event);
  // Any other body is ignored: the POST then lacks its CSRF field and gets the 403 page.
  const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType);
  return {
    ok: true,
    request: {
      method: event.requestContext.http.method.toUpperCase(),
      path: event.rawPath,
      query,
      cookies,
      form: isForm ? firstValues(new URLSearchParams(text)) : {},
      language,
      ...chosenLanguage(query, cookies),
      ...optional('sourceIp', event.requestContext.http.sourceIp),
      ...optional('fetchSite', header(event.headers, 'sec-fetch-site')),
      ...optional('origin', header(event.headers, 'origin')),
    },
  };
}

/** The API Gateway v2 result: Set-Cookie values go in `cookies`, one per cookie. */
export function toHttpResult(response: PageResponse): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: response.status,
    headers: response.headers,
    ...(response.cookies === undefined ? {} : { cookies: response.cookies }),
    body: response.body,
    isBase64Encoded: false,
  };
}

/** `?lang=` from the language switch, else the language it remembered; only languages there are. */
function chosenLanguage(query: Record<string, string>, cookies: Record<string, string>) {
  const chosen = [query.lang, cookies[LANGUAGE_COOKIE]].find(isLanguage);
  return chosen === undefined ? {} : { chosenLanguage: chosen };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function header(headers: HttpApiEvent['headers'], name: string): string | undefined {
  // HTTP APIs lower-case header names; other senders (the local stack, tests) may not.
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

// Payload 2.0 moves cookies out of the headers into `cookies`; fall back to the header for senders
// that do not.
function readCookies(event: HttpApiEvent): Record<string, string> {
  const pairs = event.cookies ?? (header(event.headers, 'cookie') ?? '').split(';');
  const entries: [string, string][] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at > 0) entries.push([pair.slice(0, at).trim(), pair.slice(at + 1).trim()]);
  }
  return firstValues(entries);
}

/** The first value of each name. Object.fromEntries defines own properties, so `__proto__` stays plain data. */
function firstValues(entries: Iterable<[string, string]>): Record<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of entries) if (!values.has(name)) values.set(name, value);
  return Object.fromEntries(values);
}
