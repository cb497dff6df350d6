// Stable identity within a source: the id the feed sends, else the canonical URL, else a hash of what
// the item says. Two fetches of the same article must give the same key, so nothing time-dependent
// or order-dependent goes into it.
import { createHash } from 'node:crypto';

export function itemKey(id: string | null, url: string | null, title: string, body: string | null): string {
  if (id !== null) return `guid:${id}`;
  if (url !== null) return `url:${url}`;
  return `hash:${createHash('sha256').update(`${title}\n${body ?? ''}`).digest('hex')}`;
}

// Query parameters that only say how a reader arrived (BBC's official feed adds at_medium/at_campaign,
// feedburner adds utm_*): two links differing only in these are the same article. The extract stage keeps
// its own, larger list for rewriting links inside articles; this one decides identity, so it stays short.
const TRACKING_PREFIXES = ['at_', 'mtm_', 'pk_', 'utm_'];
const TRACKING_NAMES = new Set(['cmpid', 'fbclid', 'gclid', 'ocid', 'spm']);

/**
 * The form of an article link used to recognise one article reached through two feeds of a source (feedx's
 * copy and the outlet's own item carry different GUIDs but the same link): https, host without `www.`, no
 * fragment, no tracking parameters, the rest sorted, no trailing slash, percent-escapes in upper case.
 * Only for comparison; the archive keeps the URL as the feed sent it.
 */
export function canonicalLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  const params = [...parsed.searchParams]
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return !TRACKING_NAMES.has(lower) && !TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const host = parsed.host.replace(/^www\./, '');
  const path = parsed.pathname.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase()).replace(/(.)\/+$/, '$1');
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${path === '/' ? '' : path}${query}`;
}
