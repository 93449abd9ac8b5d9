import { InvalidEmailDataError } from './errors.ts';

/** A URL that passed `safeUrl`: the only kind of URL an email may link to. */
export type SafeUrl = string & { readonly __brand: 'SafeUrl' };

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Accepts https URLs, and http only on the local stack (127.0.0.1, localhost); returns the URL in
 * its canonical form, which is what the email shows and links to. Anything else (javascript:,
 * data:, plain http, user:password@, unparsable text) throws, so a bad config cannot reach a mail.
 */
export function safeUrl(value: string, field: string): SafeUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidEmailDataError(`${field} is not a URL`);
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  if (!allowed) {
    throw new InvalidEmailDataError(`${field} must be an https URL (http only on 127.0.0.1 or localhost)`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidEmailDataError(`${field} must not carry user credentials`);
  }
  return url.href as SafeUrl;
}
