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

/**
 * What the store knows of a feed item, looked up in the cycle's order (Store.findKnownArticle): by its key; else
 * by its link in canonical form; else by its URL exactly. A later lookup is made only when the earlier ones found
 * nothing, so at most one of the three is set.
 */
export interface KnownArticle {
  byKey: Article | null;
  linked: LinkedArticle | null;
  byUrl: Article | null;
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

/** An article in a batch of writes: by id, or by its place in the archive (one the same batch may insert). */
export type ArticleRef = number | ArticlePlace;

export interface ArticlePlace {
  sourceId: string;
  number: number;
}

/**
 * One write of Store.writeArchive's batch. A batch is one transaction: all of it is kept, or none.
 * 'article' inserts (NewArticle.number when given, else the next free number); 'revision' records a new
 * current revision; 'reserve' keeps a file number from new articles (reserveNumber); 'status' is setStatus's
 * rule (the status it already has does nothing); 'check', 'health' and 'next-check' as recordCheck,
 * recordHealthEvent and setNextChecks.
 */
export type ArchiveWrite =
  | { kind: 'article'; article: NewArticle }
  | { kind: 'revision'; article: ArticleRef; revision: NewRevision }
  | { kind: 'reserve'; sourceId: string; number: number }
  | { kind: 'status'; article: ArticleRef; status: ArticleStatus; atMs: number }
  | { kind: 'check'; article: ArticleRef; check: Omit<NewCheck, 'articleId'> }
  | { kind: 'health'; event: NewHealthEvent }
  | { kind: 'next-check'; article: ArticleRef; atMs: number | null };

export interface ArchiveWritten {
  /** The articles the batch inserted, in the order of their writes. */
  articles: Article[];
  /** The revisions the batch added (not the first revisions of inserted articles), in the order of their writes. */
  revisions: Revision[];
}

/** What one re-check decided, kept in one transaction (recheck/run-rechecks.ts). */
export interface CheckVerdict {
  check: NewCheck;
  /** The status the evidence rule moved the article to, or null; setStatus's rule applies. */
  status: { status: ArticleStatus; atMs: number } | null;
  /** The article's next check time (null: unscheduled). */
  nextCheckMs: number | null;
}

/** A source's state after one run of it, kept in one transaction (cycle/process-source.ts). */
export interface ManifestRowIds {
  revision: number;
  status: number;
  check: number;
  health: number;
}

export interface SourceStateWrite {
  fetchState: FetchState;
  health: SourceHealth;
  events: readonly NewHealthEvent[];
  /** The state of each feed read in the run (saveFeedState), in the same transaction. */
  feeds?: readonly FeedState[];
}

export interface NextCheck {
  articleId: number;
  atMs: number | null;
}

/** The columns a list line needs; no content. */
export interface ArticleSummary {
  id: number;
  sourceId: string;
  number: number;
  title: string;
  url: string | null;
  author: string | null;
  publishedMs: number;
  status: ArticleStatus;
  statusChangedMs: number | null;
  revisionCount: number;
  /** When the current revision was seen. */
  revisedMs: number;
}

/**
 * How far a build (the static site) has got: the newest revision it rendered (with its hash, so a rebuilt
 * database, whose ids start again, is noticed) and the newest status change.
 */
export interface BuildMark {
  revisionId: number;
  revisionSha256: string;
  statusChangedMs: number;
}

export interface DayCount {
  /** `YYYY-MM-DD` in UTC+8. */
  day: string;
  count: number;
}

/**
 * The only door to the archive's database. Every method is asynchronous, so a networked database can
 * implement it; every write method is one transaction.
 */
export interface Store {
  /** Adds sources it has not seen and updates names/URLs of known ones. */
  syncSources(sources: readonly SourceRecord[]): Promise<void>;
  listSources(): Promise<SourceRecord[]>;

  getFetchState(sourceId: string): Promise<FetchState | null>;
  saveFetchState(state: FetchState): Promise<void>;
  /** The fetch state, the source's health and its new health events, in one transaction. */
  saveSourceState(write: SourceStateWrite): Promise<void>;

  findArticleByKey(sourceId: string, key: string): Promise<Article | null>;
  findArticleByUrl(sourceId: string, url: string): Promise<Article | null>;
  /**
   * An article of the source whose link (any revision's, or the feed's when first seen) is `url` in
   * canonical form (normalize/identity.ts canonicalLink): the same article reached through another feed.
   */
  findArticleByLink(sourceId: string, url: string): Promise<LinkedArticle | null>;
  /**
   * findArticleByKey, then findArticleByLink, then findArticleByUrl (with a URL), each only when the one before found
   * nothing: what the cycle asks of every feed item, in one round trip on a networked database.
   */
  findKnownArticle(sourceId: string, key: string, url: string | null): Promise<KnownArticle>;
  getArticle(id: number): Promise<Article | null>;
  getArticleByNumber(sourceId: string, number: number): Promise<Article | null>;
  insertArticle(article: NewArticle): Promise<Article>;
  /** Never give this file number to a new article: an archive file the import could not read holds it. */
  reserveNumber(sourceId: string, number: number): Promise<void>;
  /** Records a new current revision of an existing article. */
  addRevision(articleId: number, revision: NewRevision): Promise<Revision>;
  /** A batch of archive writes (ArchiveWrite) in one transaction: the cycle's, the import's, the rebuild's. */
  writeArchive(writes: readonly ArchiveWrite[]): Promise<ArchiveWritten>;
  listRevisions(articleId: number): Promise<Revision[]>;
  /**
   * Changes an article's status and records a StatusEvent ('removed', or 'restored' when a removed article
   * becomes live again). Setting the status it already has does nothing.
   */
  setStatus(articleId: number, status: ArticleStatus, atMs: number): Promise<void>;
  listStatusEvents(articleId: number): Promise<StatusEvent[]>;
  /** Every removed article, most recently removed first. */
  listRemoved(limit?: number): Promise<Article[]>;

  // re-checks (recheck/)
  recordCheck(check: NewCheck): Promise<Check>;
  /** The check, the status change it decided and the next check time, in one transaction. */
  recordCheckVerdict(verdict: CheckVerdict): Promise<Check>;
  /** Newest first. */
  listChecks(articleId: number, limit?: number): Promise<Check[]>;
  /** Articles with a URL that have no next check time yet, oldest id first. */
  listUnscheduled(limit: number): Promise<CheckTarget[]>;
  /** Next check times, in one transaction. */
  setNextChecks(entries: readonly NextCheck[]): Promise<void>;
  /**
   * First check times, in one transaction, for the articles still without one: an article another process
   * scheduled (or already re-checked) since this one listed it keeps its time, so a re-check is never undone.
   */
  scheduleFirstChecks(entries: readonly NextCheck[]): Promise<void>;
  /**
   * Articles due at `nowMs` (next check time ≤ nowMs), most overdue first. With `sourceIds`, only those sources'
   * articles (several processes on one store each re-check the sources they fetched: cycle/recheck-phase.ts).
   */
  listDueChecks(nowMs: number, limit: number, sourceIds?: readonly string[]): Promise<CheckTarget[]>;
  countDueChecks(nowMs: number, sourceIds?: readonly string[]): Promise<number>;
  /**
   * Re-check leases, for several processes re-checking one store at once (`newsvault check` on two machines, or
   * beside a run's re-check phase): true when `holder` now holds the article's re-check for `ttlMs`. False while
   * another holder's lease on it is live, or when the article was re-checked since it was listed: its next check
   * time is no longer `listedNextCheckMs` (recording a check moves it), so a process that listed it before another
   * re-checked it does not re-check it again. A lease never released (a killed process) lapses after `ttlMs`.
   * Not a source lease (store/lease.ts): it says nothing about fetching the source's feed.
   */
  claimRecheck(articleId: number, listedNextCheckMs: number | null, holder: string, ttlMs: number): Promise<boolean>;
  /** Ends the holder's re-check lease on the article; does nothing when the lease is not the holder's. */
  releaseRecheck(articleId: number, holder: string): Promise<void>;

  /** Newest first by publication time. */
  listLatest(sourceId: string, limit: number): Promise<Article[]>;
  listLatestAll(limit: number): Promise<Article[]>;
  countArticles(sourceId?: string): Promise<number>;

  /** Articles whose current revision has not been written to the Markdown archive yet. */
  /** In id order, `limit` at a time after `afterId`, so a large first publish never holds them all. */
  pendingPublish(limit: number, afterId?: number): Promise<Article[]>;
  /** Marks every pending article published without reading them (an import of files already on disk). */
  markAllPublished(): Promise<void>;
  markPublished(articleIds: readonly number[]): Promise<void>;
  /** Marks articles published and records the git blob id of the file written for each. */
  recordPublished(entries: readonly PublishedArticle[]): Promise<void>;
  /** Published articles with the blob id last written, `limit` at a time after `afterId`, in id order. */
  listPublishedBlobs(limit: number, afterId?: number): Promise<PublishedBlob[]>;
  /** Marks articles to be written again (the checkout lacks or differs from what was written). */
  markUnpublished(articleIds: readonly number[]): Promise<void>;
  /** Revisions seen in [fromMs, toMs), oldest first (then by id): one month of the archive's manifest. */
  listRevisionsBetween(fromMs: number, toMs: number): Promise<RevisionRecord[]>;
  /** Status events in [fromMs, toMs), oldest first (then by id). */
  listStatusEventsBetween(fromMs: number, toMs: number): Promise<StatusEventRecord[]>;
  /** Checks made in [fromMs, toMs), oldest first (then by id). */
  listChecksBetween(fromMs: number, toMs: number): Promise<CheckRecord[]>;
  /** Health events in [fromMs, toMs), oldest first (then by id). */
  listHealthEventsBetween(fromMs: number, toMs: number): Promise<HealthEvent[]>;
  /** The seen time of the oldest revision, or null for an empty store. */
  firstRevisionMs(): Promise<number | null>;
  /**
   * The newest row id of each kind of manifest line (0 when none). These rows are only ever added, never changed
   * or deleted, so the same ids mean the store holds no manifest line it did not hold then (publish/manifest/coverage.ts).
   */
  manifestRowIds(): Promise<ManifestRowIds>;
  /** Blob ids of the other Markdown files written (lists), by path in the archive. */
  publishedFiles(): Promise<Map<string, string>>;
  recordPublishedFiles(files: ReadonlyMap<string, string>): Promise<void>;

  // per-feed state and source health (cycle/feed-fallback.ts, cycle/source-health.ts)
  getFeedState(sourceId: string, url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  getSourceHealth(sourceId: string): Promise<SourceHealth | null>;
  saveSourceHealth(health: SourceHealth): Promise<void>;
  recordHealthEvent(event: NewHealthEvent): Promise<HealthEvent>;
  /** Newest first; of one source when `sourceId` is given. */
  listHealthEvents(limit: number, sourceId?: string): Promise<HealthEvent[]>;

  startRun(startedMs: number): Promise<number>;
  finishRun(runId: number, endedMs: number, results: readonly SourceRunResult[]): Promise<void>;
  lastRuns(limit: number): Promise<RunRecord[]>;

  close(): Promise<void>;

  // reader queries (read-only; used by `newsvault serve` and `newsvault reindex`)
  /** One page of a source's articles, newest first by publication time (same order as listLatest). */
  listLatestPage(sourceId: string, limit: number, offset: number): Promise<Article[]>;
  /** Articles published in [fromMs, toMs) across all sources, newest first. */
  listPublishedBetween(fromMs: number, toMs: number, limit: number, offset: number): Promise<Article[]>;
  /** Up to `limit` articles with id > afterId in id order: walks the whole store in bounded batches. */
  listArticlesAfter(afterId: number, limit: number): Promise<Article[]>;

  // list lines (ArticleSummary, no content) for the static site, Atom feeds and the reader
  /** The mark for everything in the store now. */
  currentBuildMark(): Promise<BuildMark>;
  /** False when the mark's revision is not in this store (a rebuilt database): build everything. */
  buildMarkIsValid(mark: BuildMark): Promise<boolean>;
  /** Articles with a revision newer than the mark or a status change at or after it, in id order. */
  listChangedSince(mark: BuildMark): Promise<ArticleSummary[]>;
  /** Every article in id order, `limit` at a time after `afterId`. */
  listSummariesAfter(afterId: number, limit: number): Promise<ArticleSummary[]>;
  /** Position of an article in its source counted from the oldest (0 = oldest), in archive (file number) order. */
  rankInSource(sourceId: string, number: number): Promise<number>;
  /** `limit` articles of a source starting `offset` from the oldest, oldest first (highest file number first). */
  listSourceSlice(sourceId: string, offset: number, limit: number): Promise<ArticleSummary[]>;
  /** Articles published in [startMs, endMs), newest first (then by id, highest first). */
  listSummariesPublishedBetween(startMs: number, endMs: number): Promise<ArticleSummary[]>;
  /** Articles per publication day in UTC+8, newest day first. */
  countByDay(): Promise<DayCount[]>;
  /** Newest first by publication time (then by id, highest first), of one source or of all. */
  listLatestSummaries(limit: number, sourceId?: string): Promise<ArticleSummary[]>;
  /** Removed at the source, most recently removed first. */
  listRemovedSummaries(limit: number): Promise<ArticleSummary[]>;
  /** Articles with more than one revision, most recently revised first. */
  listChangedSummaries(limit: number): Promise<ArticleSummary[]>;
}
