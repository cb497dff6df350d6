// The extract stage's boundary: how to get an article's full text and what comes back.

/** Where the full text comes from: the feed as sent, always the page, or the page only when the feed is short. */
export type FullTextMode = 'feed' | 'page' | 'auto';

/** CSS selectors that help Readability on one outlet's article template. */
export interface SourceSelectors {
  /** When any of these match, their elements (in document order) are the article instead of Readability's pick. */
  keep?: string[];
  /** Removed from the page before anything else looks at it: ads, share bars, embeds' consent banners. */
  drop?: string[];
}

export interface ExtractOptions {
  /** The page's URL after redirects: relative href/src resolve against it (or the page's own <base href>). */
  url: string;
  selectors?: SourceSelectors;
}

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** Article HTML: images (with real src), captions, links and headings kept; URLs absolute; tracking params gone. */
  content: string;
  /** Plain text of `content`, one block (paragraph, heading, caption, list item) per line. */
  text: string;
  /** The page's declared language (`<html lang>`), as written. */
  lang: string | null;
  /** Recovered problems, e.g. an invalid selector or Readability finding nothing. */
  warnings: string[];
  /**
   * Whether the per-source keep selectors matched ('missed': none did, Readability was used instead — the
   * outlet's template has probably changed); null when the source has none.
   */
  keepSelectors: 'matched' | 'missed' | null;
  /**
   * Where the text came from: the page's own data (BBC's __NEXT_DATA__, JSON-LD articleBody), its markup, or
   * (when the page could not be read as a DOM at all) its visible text with the page's chrome (plain-text.ts).
   */
  from: 'next-data' | 'json-ld' | 'selectors' | 'readability' | 'plain-text';
  /** 'listing': the page is a list of other articles (page-kind.ts); its text is not this item's article. */
  kind: 'article' | 'listing';
}

/** One page as the cache keeps it: enough to send a conditional request next time (RFC 9110 §13.1). */
export interface CachedPage {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Decoded HTML. */
  html: string;
  /** Final URL after redirects, for resolving relative links on a cache hit. */
  finalUrl?: string;
  /** ISO 8601 UTC. */
  fetchedAt: string;
}

/** Where fetched pages are kept between runs. A file store ships here; the store may later back it by SQLite. */
export interface PageCache {
  get(url: string): Promise<CachedPage | null> | CachedPage | null;
  set(url: string, page: CachedPage): void | Promise<void>;
}

/** What the page fetcher needs from the project's fetcher (src/fetch), adapted by the caller. */
export interface PageFetchResponse {
  status: number;
  notModified: boolean;
  body: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string;
}

export type PageFetch = (
  url: string,
  conditional: { etag?: string | null; lastModified?: string | null },
) => Promise<PageFetchResponse>;

export type ExtractErrorKind = 'http-status' | 'not-html';

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  readonly kind: ExtractErrorKind;
  readonly url: string;
  constructor(kind: ExtractErrorKind, url: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.url = url;
  }
}
