// The search module's boundary: documents in, queries in, results out. Errors are values with a kind.

export type DocStatus = 'live' | 'removed';

/** One article as the index sees it: plain text (see htmlToText), published in epoch milliseconds. */
export interface SearchDocument {
  /** The store's article id; the index's primary key. */
  id: number;
  source: string;
  title: string;
  text: string;
  published: number;
  status: DocStatus;
}

export type SearchErrorKind =
  | 'empty' // nothing to search for: blank, or only punctuation
  | 'too-long' // the query text is over MAX_QUERY_CHARS
  | 'too-many-terms' // over MAX_TERMS words/phrases or MAX_SOURCES sources
  | 'too-short' // a single Chinese character, which the bigram index cannot answer cheaply
  | 'bad-date' // from:/to: not a real calendar date, or from after to
  | 'bad-filter' // source:/status: with an unusable value
  | 'bad-param'; // limit/offset/order/timeLimitMs out of range

/** An error a user can act on. Returned, not thrown. */
export class SearchError extends Error {
  override readonly name = 'SearchError';
  readonly kind: SearchErrorKind;

  constructor(kind: SearchErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
  }
}

/** A word or "quoted phrase" from the query. */
export interface QueryTerm {
  /** As typed (after NFKC), for display. */
  text: string;
  /** fold(text): what highlighting looks for. */
  folded: string;
  /** Index tokens that must appear consecutively (an FTS5 phrase). Never empty. */
  tokens: string[];
  quoted: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  excluded: QueryTerm[];
  /** Lower-case source ids; a hit matches any of them. Empty: every source. */
  sources: string[];
  excludedSources: string[];
  /** Inclusive lower bound, epoch ms (start of the day in UTC+8). */
  from: number | null;
  /** Exclusive upper bound, epoch ms (end of the day in UTC+8). */
  to: number | null;
  /** null: live and removed articles alike. */
  status: DocStatus | null;
}

export type SearchOrder = 'newest' | 'relevance';

export interface SearchOptions {
  /** Hits per page, 1..100 (default 20). */
  limit?: number;
  /** Hits to skip, 0..10,000 (default 0). */
  offset?: number;
  order?: SearchOrder;
  /** Work stops at this budget; the result says truncated. Default 1,000 ms, at most 10,000. */
  timeLimitMs?: number;
  /** Monotonic clock in ms, injectable for tests (default performance.now). */
  clock?: () => number;
}

export interface SearchHit {
  id: number;
  source: string;
  title: string;
  published: number;
  status: DocStatus;
  /** HTML-escaped title with <mark> around matches. */
  titleHtml: string;
  /** HTML-escaped text, about 120 characters around the first match, with <mark>…</mark> around matches. */
  snippet: string;
}

export interface SearchResult {
  /**
   * Matches in all, when counting finished: at most COUNT_CAP (10,000) for queries the index decides alone,
   * CONFIRMED_COUNT_CAP (300) when candidates are confirmed against their text, RELEVANCE_WINDOW (300)
   * for relevance order. null when there are more (or the time limit stopped the count): see totalAtLeast.
   */
  total: number | null;
  /** Matches found before counting stopped: show "300+" when total is null. */
  totalAtLeast: number;
  hits: SearchHit[];
  tookMs: number;
  /** True when the time limit cut the work short: the page or the total may be incomplete. */
  truncated: boolean;
}

/** Whether an index must be built again (SearchIndex.prepare). */
export interface SearchIndexState {
  /** True when the index was just created, or was built by another version and emptied: run reindexAll. */
  needsReindex: boolean;
}

export interface ReindexProgress {
  /** Documents per transaction. */
  batchSize?: number;
  onProgress?: (indexed: number) => void;
}

/**
 * The search index beside the Store: one per store, in the same database. SQLite's (store/sqlite/search-index.ts)
 * and PostgreSQL's (store/postgres/search-index.ts) answer the same queries with the same results.
 */
export interface SearchIndex {
  /** Creates the index if missing; empties one built by another SCHEMA_VERSION. Idempotent. */
  prepare(): Promise<SearchIndexState>;
  /** Adds or replaces documents in one transaction. Returns how many changed. */
  index(docs: readonly SearchDocument[]): Promise<number>;
  /** Removes a document (not the same as status 'removed', which keeps it searchable). False when not indexed. */
  removeDocument(id: number): Promise<boolean>;
  /** Marks a document live or removed. False when the id is not indexed. */
  setStatus(id: number, status: DocStatus): Promise<boolean>;
  /** Documents indexed. */
  count(): Promise<number>;
  /** Empties the index and builds it from `docs`. Returns the number indexed. */
  reindexAll(docs: Iterable<SearchDocument> | AsyncIterable<SearchDocument>, options?: ReindexProgress): Promise<number>;
  /** Returns a SearchError (never throws one) for a bad query or bad options. */
  search(query: string | ParsedQuery, options?: SearchOptions): Promise<SearchResult | SearchError>;
}
