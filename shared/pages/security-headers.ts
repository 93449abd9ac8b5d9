import { createHash } from 'node:crypto';
import { SHOW_PASSWORD_SCRIPT_HASH } from './html/show-password.ts';
import { PAGE_CSS } from './html/styles.ts';

// The CSP allows exactly the one inline stylesheet, by hash: computed once, at module load.
const STYLE_HASH = `sha256-${createHash('sha256').update(PAGE_CSS, 'utf8').digest('base64')}`;

/** One hashed script, no images, fonts or frames at all; forms post only back to these pages. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  `script-src '${SHOW_PASSWORD_SCRIPT_HASH}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Sent with every response of the worker pages, redirects and error pages included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // The pages carry the identity number and a CSRF token: no browser or proxy may keep a copy.
  'Cache-Control': 'no-store',
});
