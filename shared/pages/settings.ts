import { ConfigurationError } from '#shared/domain/errors.ts';
import { isLinkableUrl } from '#shared/domain/link-url.ts';
import type { PageSettings } from './page.ts';

/**
 * Refuses settings the pages cannot serve safely, at cold start: the URLs must be https, or http on
 * the local stack only (a javascript: or plain-http sign-in link would otherwise reach a worker).
 */
export function checkPageSettings(settings: PageSettings): PageSettings {
  for (const [name, value] of [
    ['PUBLIC_BASE_URL', settings.publicBaseUrl],
    ['SIGN_IN_URL', settings.signInUrl],
  ] as const) {
    if (!isLinkableUrl(value)) {
      throw new ConfigurationError(`${name} must be an https URL (http only on 127.0.0.1 or localhost)`);
    }
  }
  if (settings.termsVersion.trim() === '') throw new ConfigurationError('TERMS_VERSION must not be empty');
  return settings;
}

/** Secure cookies need https; the local stack serves plain http on 127.0.0.1, where browsers would drop them. */
export function usesSecureCookies(settings: PageSettings): boolean {
  return new URL(settings.publicBaseUrl).protocol === 'https:';
}
