// The parse stage's boundary: one shape for every feed format, values as the document sent them.
// Normalisation (identity, plain-text titles, UTC dates, absolute URLs) happens in normalize/.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface RawEnclosure {
  url: string;
  type: string | null;
  length: number | null;
}

/** One entry as the document sent it. Strings are trimmed but otherwise untouched. */
export interface RawItem {
  /** guid / atom:id / JSON id, as sent. */
  id: string | null;
  /** RSS guid isPermaLink="true" (or absent attribute): the id is also a URL. */
  idIsPermalink: boolean;
  link: string | null;
  /** xml:base in scope for this item, if any. */
  base: string | null;
  /** Title as sent; may hold HTML (Atom type="html", RSS often). */
  title: string | null;
  titleIsHtml: boolean;
  author: string | null;
  /** Date strings exactly as sent. */
  published: string | null;
  updated: string | null;
  summary: string | null;
  content: string | null;
  enclosures: RawEnclosure[];
  categories: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  /** "2.0", "0.91", "1.0", "0.3", "https://jsonfeed.org/version/1.1", … */
  version: string;
  /** The charset actually used to decode, lower-case ("utf-8", "gb18030", "big5"). */
  encoding: string;
  title: string | null;
  link: string | null;
  language: string | null;
  /** Feed-level xml:base, if any. */
  base: string | null;
  items: RawItem[];
  /** Every recovered problem, in order; empty when the document was clean. */
  warnings: string[];
}

export type ParseErrorKind = 'not-a-feed' | 'malformed' | 'empty' | 'decode';

export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly kind: ParseErrorKind;
  constructor(kind: ParseErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
  }
}
