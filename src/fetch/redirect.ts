// Following redirects ourselves (RFC 9110 §15.4): a hop limit, loop detection, and which URL a source
// should move to. Only a chain of permanent redirects (301, 308) from the start tells us the feed moved;
// a temporary hop anywhere before it means the old URL is still the one to ask.
import { fetchError } from './errors.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Parse an http(s) URL, or null. Other schemes (file:, ftp:, data:, javascript:) are refused. */
export function parseHttpUrl(input: string, base?: string): URL | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(input) : new URL(input, base);
  } catch {
    // URL throws TypeError on unparseable input; "not a URL" is the answer.
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

export class RedirectChain {
  readonly #requested: string;
  readonly #maxRedirects: number;
  readonly #visited = new Set<string>();
  #hops = 0;
  #allPermanent = true;
  #permanent: string | null = null;

  constructor(requestedUrl: string, maxRedirects: number) {
    this.#requested = requestedUrl;
    this.#maxRedirects = maxRedirects;
    this.#visited.add(requestedUrl);
  }

  /** The last URL reached through permanent redirects only, or null. */
  get permanentRedirect(): string | null {
    return this.#permanent;
  }

  /** Record one redirect response and return the next URL to ask, or throw a FetchError. */
  follow(currentUrl: string, status: number, location: string | null): string {
    if (location === null) {
      throw fetchError('http-status', currentUrl, `redirect ${status} without a Location header from ${currentUrl}`, { status });
    }
    const next = parseHttpUrl(location, currentUrl);
    if (next === null) {
      throw fetchError('invalid-url', currentUrl, `redirect from ${currentUrl} to a non-http(s) URL: ${location}`, { status });
    }
    // Fragments are never sent; a redirect that differs only in its fragment is the same resource.
    next.hash = '';
    const href = next.href;
    if (this.#visited.has(href)) {
      throw fetchError('redirect-loop', this.#requested, `redirect loop: ${currentUrl} sends us back to ${href}`, { status });
    }
    this.#hops += 1;
    if (this.#hops > this.#maxRedirects) {
      throw fetchError('too-many-redirects', this.#requested, `more than ${this.#maxRedirects} redirects from ${this.#requested}`, { status });
    }
    this.#visited.add(href);
    if (this.#allPermanent && PERMANENT_STATUSES.has(status)) this.#permanent = href;
    else this.#allPermanent = false;
    return href;
  }
}
