// The store's boundary: what the cycle, the writers and the reader may ask of any Store implementation.

export type ArticleStatus = 'live' | 'removed';
export type SeenWhere = 'feed' | 'page' | 'import' | 'recheck';

/** Files in the compatible layout count down from 0xFFFFF; the first article of a source is 1048574. */
export const FIRST_ARTICLE_NUMBER = 0xfffff - 1;

export interface SourceRecord {
  id: string;
  name: string;
  url: string;
}

/** Per-source fetch state and health, kept between runs. */
export interface FetchState {
  sourceId: string;
  /** The URL to fetch: the configured one, or where a permanent redirect moved it. */
  url: string;
  /** The configured URL that `url` was derived from; a changed config URL resets the redirect. */
  configuredUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  lastAttemptMs: number | null;
  lastSuccessMs: number | null;
  lastNewItemMs: number | null;
  consecutiveFailures: number;
  lastError: string | null;
}

export interface Article {
  id: number;
  sourceId: string;
  /** The file number in `articles/<source>/<number>.md`. */
  number: number;
  /** The file's own name when it is not `<number>.md` (the old archive's `<number>_<title>.md`). */
  fileName?: string | null;
  key: string;
  url: string | null;
  title: string;
  author: string | null;
  publishedMs: number;
  firstSeenMs: number;
  status: ArticleStatus;
  statusChangedMs: number | null;
  revisionId: number;
  revisionCount: number;
  /** Archival HTML of the current revision. */
  content: string;
  sha256: string;
  fingerprint: string;
  /** Where the current revision was seen: the feed, the article page, an import or a re-check. */
  seenWhere: SeenWhere;
}

export interface Revision {
  id: number;
  articleId: number;
  /** 1 for the first revision. */
  seq: number;
  title: string;
  url: string | null;
  content: string;
  sha256: string;
  /** Hash of the content after the normalisations that make two versions "the same". */
  fingerprint: string;
  seenMs: number;
  seenWhere: SeenWhere;
  /** The URL (after redirects) of the HTTP response that carried this revision's text; null for an import. */
  fetchedUrl: string | null;
  /** That response's status (200; 304 when a cached page was revalidated); null when no request was made. */
  httpStatus: number | null;
  /** That response's ETag, when it sent one. */
  etag: string | null;
}

/** Where a revision's text came from (Revision.fetchedUrl, httpStatus, etag). */
export type RevisionFetch = Pick<Revision, 'fetchedUrl' | 'httpStatus' | 'etag'>;

export interface NewArticle {
  sourceId: string;
  key: string;
  url: string | null;
  title: string;
  author: string | null;
  publishedMs: number;
  content: string;
  sha256: string;
  fingerprint: string;
  seenMs: number;
  seenWhere: SeenWhere;
  /** Import keeps the file number it found; otherwise the store assigns the next one. */
  number?: number;
  /** The feed (of the source's primary and fallbacks) the article came through, when it came from one. */
  feedUrl?: string | null;
  /** Import keeps the file name it found when it is not `<number>.md`. */
  fileName?: string | null;
  /** Where the first revision's text came from (Revision); null when not given. */
  fetchedUrl?: string | null;
  httpStatus?: number | null;
  etag?: string | null;
}

export interface LinkedArticle {
  article: Article;
  /** The feed the article was first archived from (NewArticle.feedUrl), or null when unknown. */
  feedUrl: string | null;
}

export interface NewRevision {
  title: string;
  url: string | null;
  content: string;
  sha256: string;
  fingerprint: string;
  seenMs: number;
  seenWhere: SeenWhere;
  /** Where the text came from (Revision); null when not given. */
  fetchedUrl?: string | null;
  httpStatus?: number | null;
  etag?: string | null;
}

/** What one re-check of an article's URL found (recheck/classify.ts says how each is decided). */
export type CheckOutcome = 'alive' | 'changed' | 'gone' | 'redirected-away' | 'blocked' | 'error';

export interface NewCheck {
  articleId: number;
  checkedMs: number;
  outcome: CheckOutcome;
  /** The final HTTP status, or null when no response came (network error, timeout). */
  httpStatus: number | null;
  /** Where redirects ended, when a response came. */
  finalUrl: string | null;
  detail: string | null;
}

export interface Check extends NewCheck {
  id: number;
}

/** A change of an article's status: removed at the source, or restored after a removal. */
export interface StatusEvent {
  id: number;
  articleId: number;
  atMs: number;
  kind: 'removed' | 'restored';
}

/** An article with its place in the re-check schedule. */
export interface CheckTarget extends Article {
  /** When the article is next due for a re-check; null when not yet scheduled. */
  nextCheckMs: number | null;
}

/** A revision with what the archive's manifest says about its article (publish/manifest/). */
export interface RevisionRecord extends Omit<Revision, 'content'> {
  sourceId: string;
  number: number;
  fileName: string | null;
  key: string;
  author: string | null;
  publishedMs: number;
}

/** A check with its article's place in the archive (publish/manifest/). */
export interface CheckRecord extends Check {
  sourceId: string;
  number: number;
  fileName: string | null;
  /** The article's URL as it was at the check (its latest revision seen at or before it): what was requested. */
  articleUrl: string | null;
}

/** A status event with its article's place in the archive. */
export interface StatusEventRecord extends StatusEvent {
  sourceId: string;
  number: number;
  fileName: string | null;
}

export interface PublishedArticle {
  id: number;
  /** git's blob id of the file's bytes (sha1 of "blob <length>\0" + bytes). */
  fileBlob: string;
}

export interface PublishedBlob {
  id: number;
  sourceId: string;
  number: number;
  fileName: string | null;
  /** Null for an article published before blob ids were kept, or imported (its file was not written). */
  fileBlob: string | null;
}

export interface SourceRunResult {
  sourceId: string;
  outcome: 'ok' | 'not-modified' | 'failed' | 'skipped';
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  errorKind: string | null;
  errorMessage: string | null;
}

export interface RunRecord {
  id: number;
  startedMs: number;
  endedMs: number | null;
  sources: SourceRunResult[];
}

/**
 * What was last seen of one feed URL of a source (the primary or a fallback). Conditional-request validators
 * are kept per URL: a fallback's ETag must never be sent to the primary. The primary's validators live in
 * FetchState (and the archive's fetch-state file); this record holds the fallbacks' and every feed's items.
 */
export interface FeedState {
  sourceId: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastAttemptMs: number | null;
  lastSuccessMs: number | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** The newest dated item of the last feed document read, and the median interval between its items. */
  newestItemMs: number | null;
  medianIntervalMs: number | null;
}

/** A source's health as the last run left it (cycle/source-health.ts decides it). */
export interface SourceHealth {
  sourceId: string;
  /** The feed the last run took its items from (the primary or a fallback); null when none answered. */
  activeUrl: string | null;
  /** Set while the source's freshest feed is stale: the time of its newest item. */
  staleSinceMs: number | null;
  /** Set while every feed fails: the time of the first failed run. */
  failingSinceMs: number | null;
  /** Pages on which the source's keep selectors matched nothing, since they last matched. */
  selectorMisses: number;
  selectorsMissingSinceMs: number | null;
}

export type HealthEventKind = 'stale' | 'failing' | 'recovered' | 'fallback' | 'selectors';

export interface NewHealthEvent {
  sourceId: string;
  atMs: number;
  kind: HealthEventKind;
  /** The feed the event is about, when it is about one. */
  feedUrl: string | null;
  /** One line for the operator. */
  detail: string;
}

export interface HealthEvent extends NewHealthEvent {
  id: number;
}

export interface Store {
  /** Adds sources it has not seen and updates names/URLs of known ones. */
  syncSources(sources: readonly SourceRecord[]): void;
  listSources(): SourceRecord[];

  getFetchState(sourceId: string): FetchState | null;
  saveFetchState(state: FetchState): void;

  findArticleByKey(sourceId: string, key: string): Article | null;
  findArticleByUrl(sourceId: string, url: string): Article | null;
  /**
   * An article of the source whose link (any revision's, or the feed's when first seen) is `url` in
   * canonical form (normalize/identity.ts canonicalLink): the same article reached through another feed.
   */
  findArticleByLink(sourceId: string, url: string): LinkedArticle | null;
  getArticle(id: number): Article | null;
  getArticleByNumber(sourceId: string, number: number): Article | null;
  insertArticle(article: NewArticle): Article;
  /** Never give this file number to a new article: an archive file the import could not read holds it. */
  reserveNumber(sourceId: string, number: number): void;
  /** Records a new current revision of an existing article. */
  addRevision(articleId: number, revision: NewRevision): Revision;
  listRevisions(articleId: number): Revision[];
  /**
   * Changes an article's status and records a StatusEvent ('removed', or 'restored' when a removed article
   * becomes live again). Setting the status it already has does nothing.
   */
  setStatus(articleId: number, status: ArticleStatus, atMs: number): void;
  listStatusEvents(articleId: number): StatusEvent[];
  /** Every removed article, most recently removed first. */
  listRemoved(limit?: number): Article[];

  // re-checks (recheck/)
  recordCheck(check: NewCheck): Check;
  /** Newest first. */
  listChecks(articleId: number, limit?: number): Check[];
  /** Articles with a URL that have no next check time yet, oldest id first. */
  listUnscheduled(limit: number): CheckTarget[];
  setNextCheck(articleId: number, atMs: number | null): void;
  /** Articles due at `nowMs` (next check time ≤ nowMs), most overdue first. */
  listDueChecks(nowMs: number, limit: number): CheckTarget[];
  countDueChecks(nowMs: number): number;

  /** Newest first by publication time. */
  listLatest(sourceId: string, limit: number): Article[];
  listLatestAll(limit: number): Article[];
  countArticles(sourceId?: string): number;

  /** Articles whose current revision has not been written to the Markdown archive yet. */
  /** In id order, `limit` at a time after `afterId`, so a large first publish never holds them all. */
  pendingPublish(limit: number, afterId?: number): Article[];
  /** Marks every pending article published without reading them (an import of files already on disk). */
  markAllPublished(): void;
  markPublished(articleIds: readonly number[]): void;
  /** Marks articles published and records the git blob id of the file written for each. */
  recordPublished(entries: readonly PublishedArticle[]): void;
  /** Published articles with the blob id last written, `limit` at a time after `afterId`, in id order. */
  listPublishedBlobs(limit: number, afterId?: number): PublishedBlob[];
  /** Marks articles to be written again (the checkout lacks or differs from what was written). */
  markUnpublished(articleIds: readonly number[]): void;
  /** Revisions seen in [fromMs, toMs), oldest first (then by id): one month of the archive's manifest. */
  listRevisionsBetween(fromMs: number, toMs: number): RevisionRecord[];
  /** Status events in [fromMs, toMs), oldest first (then by id). */
  listStatusEventsBetween(fromMs: number, toMs: number): StatusEventRecord[];
  /** Checks made in [fromMs, toMs), oldest first (then by id). */
  listChecksBetween(fromMs: number, toMs: number): CheckRecord[];
  /** Health events in [fromMs, toMs), oldest first (then by id). */
  listHealthEventsBetween(fromMs: number, toMs: number): HealthEvent[];
  /** The seen time of the oldest revision, or null for an empty store. */
  firstRevisionMs(): number | null;
  /** Blob ids of the other Markdown files written (lists), by path in the archive. */
  publishedFiles(): Map<string, string>;
  recordPublishedFiles(files: ReadonlyMap<string, string>): void;

  // per-feed state and source health (cycle/feed-fallback.ts, cycle/source-health.ts)
  getFeedState(sourceId: string, url: string): FeedState | null;
  saveFeedState(state: FeedState): void;
  getSourceHealth(sourceId: string): SourceHealth | null;
  saveSourceHealth(health: SourceHealth): void;
  recordHealthEvent(event: NewHealthEvent): HealthEvent;
  /** Newest first; of one source when `sourceId` is given. */
  listHealthEvents(limit: number, sourceId?: string): HealthEvent[];

  startRun(startedMs: number): number;
  finishRun(runId: number, endedMs: number, results: readonly SourceRunResult[]): void;
  lastRuns(limit: number): RunRecord[];

  transaction<T>(fn: () => T): T;
  close(): void;

  // reader queries (read-only; used by `newsvault serve` and `newsvault reindex`)
  /** One page of a source's articles, newest first by publication time (same order as listLatest). */
  listLatestPage(sourceId: string, limit: number, offset: number): Article[];
  /** Articles published in [fromMs, toMs) across all sources, newest first. */
  listPublishedBetween(fromMs: number, toMs: number, limit: number, offset: number): Article[];
  /** Up to `limit` articles with id > afterId in id order: walks the whole store in bounded batches. */
  listArticlesAfter(afterId: number, limit: number): Article[];
}
