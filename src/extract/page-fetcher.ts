// Fetching article pages through the project's fetcher, with a per-URL cache and conditional requests.
import type { PageCache, PageFetch } from './types.ts';
import { ExtractError } from './types.ts';

export interface PageFetcherDeps {
  /** The project's fetcher (limits, retries, proxy), adapted to this one call. */
  fetch: PageFetch;
  cache: PageCache;
  /** Bytes to text: the fetch stage's charset decoding (Content-Type, BOM, <meta charset>). */
  decode: (bytes: Uint8Array, contentType: string | null) => string;
  /** Injected clock; defaults to the system time. */
  now?: () => Date;
  /**
   * A cached page younger than this is used without asking the server at all. 0 (the default) always asks,
   * conditionally, so an edited article is noticed.
   */
  freshForMs?: number;
}

export interface PageResult {
  html: string;
  /** True when the cached copy was used (fresh enough, or the server answered 304 Not Modified). */
  fromCache: boolean;
  /** The page's URL after redirects: resolve its relative links against this. */
  finalUrl: string;
  /** The status of this run's request (304 when the cached copy was revalidated); null when none was made. */
  status: number | null;
  /** The page's ETag (the response's, else the cached copy's). */
  etag: string | null;
}

export interface PageFetcher {
  getPage(url: string): Promise<PageResult>;
}

/** Types an article page may come as. Anything else (a PDF, an image, JSON) is not for Readability. */
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)\b/i;

export function createPageFetcher(deps: PageFetcherDeps): PageFetcher {
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<PageResult>>();

  async function load(url: string): Promise<PageResult> {
    const cached = await deps.cache.get(url);
    if (cached !== null && (deps.freshForMs ?? 0) > 0) {
      const age = now().getTime() - Date.parse(cached.fetchedAt);
      if (age >= 0 && age < (deps.freshForMs ?? 0)) {
        return { html: cached.html, fromCache: true, finalUrl: cached.finalUrl ?? cached.url, status: null, etag: cached.etag };
      }
    }
    // RFC 9110 §13.1: send the validators we have; the fetcher sends nothing for empty ones.
    const res = await deps.fetch(url, cached === null ? {} : { etag: cached.etag, lastModified: cached.lastModified });
    if (res.notModified || res.status === 304) {
      if (cached === null) {
        throw new ExtractError('http-status', url, `extract: 304 Not Modified for ${url} without a cached copy`);
      }
      return { html: cached.html, fromCache: true, finalUrl: cached.finalUrl ?? cached.url, status: 304, etag: res.etag ?? cached.etag };
    }
    if (res.status < 200 || res.status > 299) {
      throw new ExtractError('http-status', url, `extract: page ${url} answered HTTP ${res.status}`);
    }
    if (res.contentType !== null && !HTML_TYPES.test(res.contentType.trim())) {
      throw new ExtractError('not-html', url, `extract: page ${url} is ${res.contentType}, not HTML`);
    }
    const html = deps.decode(res.body, res.contentType);
    await deps.cache.set(url, {
      url,
      etag: res.etag,
      lastModified: res.lastModified,
      html,
      finalUrl: res.finalUrl,
      fetchedAt: now().toISOString(),
    });
    return { html, fromCache: false, finalUrl: res.finalUrl, status: res.status, etag: res.etag };
  }

  return {
    getPage(url) {
      // Two items linking the same page in one run share one request.
      const pending = inFlight.get(url);
      if (pending !== undefined) return pending;
      const p = load(url).finally(() => inFlight.delete(url));
      inFlight.set(url, p);
      return p;
    },
  };
}
