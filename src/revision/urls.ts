// URLs inside article HTML, reduced to what identifies the resource, for the fingerprint only:
//   - the scheme is dropped (http → https, or a protocol-relative `//host`, is not an edit);
//   - click-tracking parameters (utm_*, fbclid, …) are dropped, using the extract stage's table so there
//     is one list of tracking names in the project;
//   - an image routed through a known proxy is reduced to the image it proxies, so a changed proxy host
//     (images.weserv.nl → wsrv.nl), a proxy added or removed, or changed resize parameters are not edits.
// The stored content keeps every URL exactly as it came.
import { decodeHTML } from 'entities';
import { stripTrackingParams } from '../extract/tracking.ts';
import { HtmlEditor, HtmlTokens, isSpace } from '../markup/html-editor.ts';

export interface ImageProxy {
  host: string;
  /** `query`: the image is a query parameter (`?url=`); `path`: the image is the path (`/host/path.jpg`). */
  style: 'query' | 'path';
  param?: string;
  note: string;
}

/** Sorted by host. */
export const IMAGE_PROXIES: readonly ImageProxy[] = [
  { host: 'i0.wp.com', style: 'path', note: 'Jetpack Photon (WordPress sites such as China Digital Times)' },
  { host: 'i1.wp.com', style: 'path', note: 'Jetpack Photon' },
  { host: 'i2.wp.com', style: 'path', note: 'Jetpack Photon' },
  { host: 'i3.wp.com', style: 'path', note: 'Jetpack Photon' },
  { host: 'images.weserv.nl', style: 'query', param: 'url', note: 'weserv; feedx.net and newsvault route images through it' },
  { host: 'wsrv.nl', style: 'query', param: 'url', note: 'weserv under its newer host name' },
];

/** Attributes whose value is a URL (or, for *srcset, a list of URLs). */
const URL_ATTRIBUTE = /^(?:src|href|poster|srcset|data-original|data-(?:lazy-)?src(?:set)?)$/;

export interface UrlOptions {
  /**
   * Image proxy templates in the config's form (`https://proxy.example/?url={url}`, `{rawurl}` unencoded),
   * unwrapped in addition to IMAGE_PROXIES.
   */
  proxyTemplates?: readonly string[];
}

/**
 * The HTML with every URL-valued attribute replaced by its canonical form (`name="canonical"`, always
 * double-quoted, the value not re-escaped). Every element's content is read as markup, raw-text ones too
 * (<style> in SVG holds markup, and cleaned HTML has no <script>), and so is commented-out markup
 * (`<!-- <img src=…> -->`): this is how the fingerprint read URLs when it matched them with a pattern.
 */
export function canonicalizeUrlsInHtml(html: string, options: UrlOptions = {}): string {
  const edit = new HtmlEditor(html);
  const tokens = new HtmlTokens(html);
  for (let tok = tokens.next(); tok !== null; tok = tokens.next()) {
    if (tok.kind === 'comment' && tok.terminated) {
      const inner = html.slice(tok.innerStart, tok.innerEnd);
      const canonical = canonicalizeUrlsInHtml(inner, options);
      if (canonical !== inner) edit.replace(tok.innerStart, tok.innerEnd, canonical);
      continue;
    }
    if ((tok.kind !== 'startTag' && tok.kind !== 'endTag') || !tok.terminated) continue;
    for (const attr of tok.attrs) {
      // An attribute with a value, written after whitespace (`<img a="x"src=y>` is left as it is).
      if (attr.quote === null || (attr.quote === '' && attr.rawValue === '')) continue;
      if (!URL_ATTRIBUTE.test(attr.name) || !isSpace(html[attr.start - 1])) continue;
      const value = decodeHTML(attr.rawValue);
      const canonical = attr.name.endsWith('srcset') ? canonicalSrcset(value, options) : canonicalUrl(value, options);
      edit.replace(attr.start, attr.end, `${attr.name}="${canonical}"`);
    }
  }
  return edit.result();
}

function canonicalSrcset(value: string, options: UrlOptions): string {
  return value
    .split(/,\s+/)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [canonicalUrl(url, options), ...descriptor].join(' ');
    })
    .join(', ');
}

/** One URL reduced to `host/path?query` without scheme, tracking parameters or image proxy. */
export function canonicalUrl(raw: string, options: UrlOptions = {}): string {
  let url = raw.trim();
  // Unwrap repeatedly: an image can pass through two proxies.
  for (let depth = 0; depth < 4; depth++) {
    const inner = unwrapProxy(url, options);
    if (inner === null) break;
    url = inner;
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : url.startsWith('//') ? `https:${url}` : null;
  if (withScheme === null) return url; // relative or odd: nothing to canonicalize reliably
  const stripped = /^https?:/i.test(withScheme) ? stripTrackingParams(withScheme) : withScheme;
  return stripped.replace(/^https?:\/\//i, '').replace(/^[^/?#]+/, (host) => host.toLowerCase());
}

function unwrapProxy(url: string, options: UrlOptions): string | null {
  for (const template of options.proxyTemplates ?? []) {
    const inner = unwrapTemplate(url, template);
    if (inner !== null) return inner;
  }
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    return null; // not absolute: cannot be a proxy URL
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const proxy = IMAGE_PROXIES.find((entry) => entry.host === parsed.hostname.toLowerCase());
  if (!proxy) return null;
  const inner =
    proxy.style === 'query'
      ? parsed.searchParams.get(proxy.param ?? 'url')
      : decodeURIComponent(parsed.pathname.slice(1)) || null;
  return inner === null ? null : withDefaultScheme(inner);
}

/** weserv accepts `ssl:host/path` and a bare `host/path`; both name an http(s) origin. */
function withDefaultScheme(inner: string): string {
  if (/^ssl:/i.test(inner)) return `https://${inner.slice(4).replace(/^\/\//, '')}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(inner) || inner.startsWith('//')) return inner;
  return `https://${inner}`;
}

function unwrapTemplate(url: string, template: string): string | null {
  const marker = template.includes('{rawurl}') ? '{rawurl}' : '{url}';
  const at = template.indexOf(marker);
  if (at < 0) return null;
  const prefix = template.slice(0, at).replace(/^https?:/i, '');
  const body = url.replace(/^https?:/i, '');
  if (!prefix || !body.startsWith(prefix)) return null;
  const suffix = template.slice(at + marker.length);
  let rest = body.slice(prefix.length);
  if (suffix && rest.endsWith(suffix)) rest = rest.slice(0, -suffix.length);
  if (marker === '{rawurl}') return withDefaultScheme(rest);
  try {
    return withDefaultScheme(decodeURIComponent(rest.split('&')[0] ?? ''));
  } catch {
    return null; // malformed escape: leave the URL as it is
  }
}
