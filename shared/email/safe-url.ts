import { isLinkableUrl } from '#shared/domain/link-url.ts';
import { InvalidEmailDataError } from './errors.ts';

/** A URL that passed `safeUrl`: the only kind of URL an email may link to. */
export type SafeUrl = string & { readonly __brand: 'SafeUrl' };

/**
 * Accepts what `isLinkableUrl` accepts and returns the URL in its canonical form, which is what the
 * email shows and links to. Anything else throws, so a bad config cannot reach a mail.
 */
export function safeUrl(value: string, field: string): SafeUrl {
  if (!isLinkableUrl(value)) {
    throw new InvalidEmailDataError(
      `${field} must be an https URL without credentials (http only on 127.0.0.1 or localhost)`,
    );
  }
  return new URL(value).href as SafeUrl;
}
