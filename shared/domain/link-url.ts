const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Whether a URL may be put in front of a worker (an email link, a page's sign-in link, the base of
 * the account links): https, or http on the local stack only (127.0.0.1, localhost), and no
 * user:password. Rules out javascript:, data: and plain-http links from a bad configuration.
 */
export function isLinkableUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}
