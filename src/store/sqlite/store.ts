// The SQLite Store. Statements are prepared once; every multi-row change runs in a transaction.
import type {
  Article,
  ArticleStatus,
  FetchState,
  NewArticle,
  NewRevision,
  PublishedArticle,
  PublishedBlob,
  RevisionRecord,
  StatusEventRecord,
  CheckRecord,
  Revision,
  RunRecord,
  SourceRecord,
  SourceRunResult,
  Store,
  Check,
  CheckTarget,
  NewCheck,
  StatusEvent,
  FeedState,
  ManifestRowIds,
  SourceHealth,
  HealthEvent,
  NewHealthEvent,
  LinkedArticle,
  KnownArticle,
  ArchiveWrite,
  ArchiveWritten,
  ArticleRef,
  CheckVerdict,
  NextCheck,
  SourceStateWrite,
  ArticleSummary,
  BuildMark,
  DayCount,
} from '../types.ts';
import { canonicalLink } from '../../normalize/identity.ts';
import { insertedArticle, revisionRow } from '../inserted-article.ts';
import { FIRST_ARTICLE_NUMBER } from '../types.ts';
import { openDatabase, StoreError, type SqliteDatabase } from './open.ts';
import { SqliteSummaries } from './summaries.ts';
import { SqliteRecheckLeases } from './recheck-leases.ts';

interface ArticleRow {
  id: number;
  source_id: string;
  number: number;
  file_name: string | null;
  key: string;
  url: string | null;
  title: string;
  author: string | null;
  published_ms: number;
  first_seen_ms: number;
  status: ArticleStatus;
  status_changed_ms: number | null;
  revision_id: number;
  revision_count: number;
  content: string;
  sha256: string;
  fingerprint: string;
  seen_where: Revision['seenWhere'];
}

interface RevisionRow {
  id: number;
  article_id: number;
  seq: number;
  title: string;
  url: string | null;
  content: string;
  sha256: string;
  fingerprint: string;
  seen_ms: number;
  seen_where: Revision['seenWhere'];
  fetched_url: string | null;
  http_status: number | null;
  etag: string | null;
}

const ARTICLE_COLUMNS = `a.id, a.source_id, a.number, a.file_name, a.key, a.url, a.title, a.author, a.published_ms, a.first_seen_ms,
  a.status, a.status_changed_ms, a.revision_id, a.revision_count, r.content, r.sha256, r.fingerprint, r.seen_where`;
const ARTICLE_FROM = `articles a JOIN revisions r ON r.id = a.revision_id`;

function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    sourceId: row.source_id,
    number: row.number,
    fileName: row.file_name,
    key: row.key,
    url: row.url,
    title: row.title,
    author: row.author,
    publishedMs: row.published_ms,
    firstSeenMs: row.first_seen_ms,
    status: row.status,
    statusChangedMs: row.status_changed_ms,
    revisionId: row.revision_id,
    revisionCount: row.revision_count,
    content: row.content,
    sha256: row.sha256,
    fingerprint: row.fingerprint,
    seenWhere: row.seen_where,
  };
}

function toCheckTarget(row: ArticleRow & { next_check_ms: number | null }): CheckTarget {
  return { ...toArticle(row), nextCheckMs: row.next_check_ms };
}

function toRevision(row: RevisionRow): Revision {
  return {
    id: row.id,
    articleId: row.article_id,
    seq: row.seq,
    title: row.title,
    url: row.url,
    content: row.content,
    sha256: row.sha256,
    fingerprint: row.fingerprint,
    seenMs: row.seen_ms,
    seenWhere: row.seen_where,
    fetchedUrl: row.fetched_url,
    httpStatus: row.http_status,
    etag: row.etag,
  };
}

export class SqliteStore implements Store {
  /** The better-sqlite3 handle: private to store/sqlite/ (sqliteHandle gives it to the search index and the table copy). */
  private readonly db: SqliteDatabase;
  private readonly statements;
  #recheckLeases: SqliteRecheckLeases | null = null;
  /** Made once: better-sqlite3 builds four wrapper functions for every db.transaction() call. */
  private readonly inTransaction: (body: () => unknown) => unknown;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.inTransaction = db.transaction((body: () => unknown) => body());
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      insertSource: prepare(`INSERT INTO sources (id, name, url, next_number) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name`),
      listSources: prepare(`SELECT id, name, url FROM sources ORDER BY id`),
      getFetchState: prepare(`SELECT id, url, configured_url, etag, last_modified, last_attempt_ms, last_success_ms, last_new_item_ms,
        consecutive_failures, last_error FROM sources WHERE id = ?`),
      saveFetchState: prepare(`UPDATE sources SET url = @url, configured_url = @configuredUrl, etag = @etag, last_modified = @lastModified,
        last_attempt_ms = @lastAttemptMs, last_success_ms = @lastSuccessMs, last_new_item_ms = @lastNewItemMs,
        consecutive_failures = @consecutiveFailures, last_error = @lastError WHERE id = @sourceId`),
      byKey: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = ? AND a.key = ?`),
      byUrl: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = ? AND a.url = ? LIMIT 1`),
      byLink: prepare(`SELECT ${ARTICLE_COLUMNS}, l.feed_url FROM article_links l JOIN articles a ON a.id = l.article_id
        JOIN revisions r ON r.id = a.revision_id WHERE l.source_id = ? AND l.link = ?`),
      addLinkOf: prepare(`INSERT OR IGNORE INTO article_links (source_id, link, article_id)
        SELECT source_id, ?, id FROM articles WHERE id = ?`),
      addLink: prepare(`INSERT OR IGNORE INTO article_links (source_id, link, article_id, feed_url) VALUES (?, ?, ?, ?)`),
      getFeedState: prepare(`SELECT source_id AS sourceId, url, etag, last_modified AS lastModified, last_attempt_ms AS lastAttemptMs,
        last_success_ms AS lastSuccessMs, consecutive_failures AS consecutiveFailures, last_error AS lastError,
        newest_item_ms AS newestItemMs, median_interval_ms AS medianIntervalMs FROM feed_states WHERE source_id = ? AND url = ?`),
      saveFeedState: prepare(`INSERT OR REPLACE INTO feed_states (source_id, url, etag, last_modified, last_attempt_ms, last_success_ms,
        consecutive_failures, last_error, newest_item_ms, median_interval_ms) VALUES (@sourceId, @url, @etag, @lastModified,
        @lastAttemptMs, @lastSuccessMs, @consecutiveFailures, @lastError, @newestItemMs, @medianIntervalMs)`),
      getSourceHealth: prepare(`SELECT source_id AS sourceId, active_url AS activeUrl, stale_since_ms AS staleSinceMs,
        failing_since_ms AS failingSinceMs, selector_misses AS selectorMisses, selectors_missing_since_ms AS selectorsMissingSinceMs
        FROM source_health WHERE source_id = ?`),
      saveSourceHealth: prepare(`INSERT OR REPLACE INTO source_health (source_id, active_url, stale_since_ms, failing_since_ms,
        selector_misses, selectors_missing_since_ms) VALUES (@sourceId, @activeUrl, @staleSinceMs, @failingSinceMs, @selectorMisses,
        @selectorsMissingSinceMs)`),
      insertHealthEvent: prepare(`INSERT INTO health_events (source_id, at_ms, kind, feed_url, detail)
        VALUES (@sourceId, @atMs, @kind, @feedUrl, @detail)`),
      listHealthEvents: prepare(`SELECT id, source_id AS sourceId, at_ms AS atMs, kind, feed_url AS feedUrl, detail FROM health_events
        ORDER BY at_ms DESC, id DESC LIMIT ?`),
      listSourceHealthEvents: prepare(`SELECT id, source_id AS sourceId, at_ms AS atMs, kind, feed_url AS feedUrl, detail FROM health_events
        WHERE source_id = ? ORDER BY at_ms DESC, id DESC LIMIT ?`),
      byId: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = ?`),
      byNumber: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = ? AND a.number = ?`),
      idByNumber: prepare(`SELECT id FROM articles WHERE source_id = ? AND number = ?`),
      nextNumber: prepare(`SELECT next_number FROM sources WHERE id = ?`),
      setNextNumber: prepare(`UPDATE sources SET next_number = ? WHERE id = ?`),
      numberTaken: prepare(`SELECT 1 FROM articles WHERE source_id = ? AND number = ?`),
      insertArticle: prepare(`INSERT INTO articles (source_id, number, file_name, key, url, title, author, published_ms, first_seen_ms)
        VALUES (@sourceId, @number, @fileName, @key, @url, @title, @author, @publishedMs, @seenMs)`),
      insertRevision: prepare(`INSERT INTO revisions (article_id, seq, title, url, content, sha256, fingerprint, seen_ms, seen_where,
        fetched_url, http_status, etag)
        VALUES (@articleId, @seq, @title, @url, @content, @sha256, @fingerprint, @seenMs, @seenWhere, @fetchedUrl, @httpStatus, @etag)`),
      setCurrentRevision: prepare(`UPDATE articles SET revision_id = ?, revision_count = revision_count + 1,
        title = ?, url = ?, needs_publish = 1 WHERE id = ?`),
      revisionCount: prepare(`SELECT COALESCE(MAX(seq), 0) AS seq FROM revisions WHERE article_id = ?`),
      listRevisions: prepare(`SELECT * FROM revisions WHERE article_id = ? ORDER BY seq`),
      setStatus: prepare(`UPDATE articles SET status = ?, status_changed_ms = ?, needs_publish = 1 WHERE id = ? AND status != ?`),
      insertStatusEvent: prepare(`INSERT INTO status_events (article_id, at_ms, kind) VALUES (?, ?, ?)`),
      listStatusEvents: prepare(`SELECT id, article_id AS articleId, at_ms AS atMs, kind FROM status_events
        WHERE article_id = ? ORDER BY at_ms, id`),
      listRemoved: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.status = 'removed'
        ORDER BY a.status_changed_ms DESC, a.id DESC LIMIT ?`),
      insertCheck: prepare(`INSERT INTO checks (article_id, checked_ms, outcome, http_status, final_url, detail)
        VALUES (@articleId, @checkedMs, @outcome, @httpStatus, @finalUrl, @detail)`),
      listChecks: prepare(`SELECT id, article_id AS articleId, checked_ms AS checkedMs, outcome, http_status AS httpStatus,
        final_url AS finalUrl, detail FROM checks WHERE article_id = ? ORDER BY checked_ms DESC, id DESC LIMIT ?`),
      listUnscheduled: prepare(`SELECT ${ARTICLE_COLUMNS}, a.next_check_ms FROM ${ARTICLE_FROM}
        WHERE a.next_check_ms IS NULL AND a.url IS NOT NULL ORDER BY a.id LIMIT ?`),
      countDue: prepare(`SELECT COUNT(*) AS n FROM articles WHERE next_check_ms IS NOT NULL AND next_check_ms <= ?`),
      setNextCheck: prepare(`UPDATE articles SET next_check_ms = ? WHERE id = ?`),
      scheduleFirstCheck: prepare(`UPDATE articles SET next_check_ms = ? WHERE id = ? AND next_check_ms IS NULL`),
      listDue: prepare(`SELECT ${ARTICLE_COLUMNS}, a.next_check_ms FROM ${ARTICLE_FROM}
        WHERE a.next_check_ms IS NOT NULL AND a.next_check_ms <= ? ORDER BY a.next_check_ms, a.id LIMIT ?`),
      // The sources as one JSON array parameter: one statement for any number of them.
      countDueIn: prepare(`SELECT COUNT(*) AS n FROM articles WHERE next_check_ms IS NOT NULL AND next_check_ms <= ?
        AND source_id IN (SELECT value FROM json_each(?))`),
      listDueIn: prepare(`SELECT ${ARTICLE_COLUMNS}, a.next_check_ms FROM ${ARTICLE_FROM}
        WHERE a.next_check_ms IS NOT NULL AND a.next_check_ms <= ? AND a.source_id IN (SELECT value FROM json_each(?))
        ORDER BY a.next_check_ms, a.id LIMIT ?`),
      latest: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = ?
        ORDER BY a.published_ms DESC, a.number ASC LIMIT ?`),
      latestAll: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM}
        ORDER BY a.published_ms DESC, a.id DESC LIMIT ?`),
      count: prepare(`SELECT COUNT(*) AS n FROM articles`),
      countSource: prepare(`SELECT COUNT(*) AS n FROM articles WHERE source_id = ?`),
      pending: prepare(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.needs_publish = 1 AND a.id > ? ORDER BY a.id LIMIT ?`),
      markAllPublished: prepare(`UPDATE articles SET needs_publish = 0 WHERE needs_publish = 1`),
      markPublished: prepare(`UPDATE articles SET needs_publish = 0 WHERE id = ?`),
      recordPublished: prepare(`UPDATE articles SET needs_publish = 0, file_blob = ? WHERE id = ?`),
      markUnpublished: prepare(`UPDATE articles SET needs_publish = 1 WHERE id = ?`),
      listPublishedBlobs: prepare(`SELECT id, source_id, number, file_name, file_blob FROM articles
        WHERE id > ? AND needs_publish = 0 ORDER BY id LIMIT ?`),
      publishedFiles: prepare(`SELECT path, blob FROM published_files`),
      // Without the content: a month of a busy archive is thousands of revisions, read every run.
      revisionsBetween: prepare(`SELECT r.id, r.article_id, r.seq, r.title, r.url, r.sha256, r.fingerprint, r.seen_ms, r.seen_where,
        r.fetched_url, r.http_status, r.etag, a.source_id, a.number, a.file_name, a.key, a.author, a.published_ms
        FROM revisions r JOIN articles a ON a.id = r.article_id WHERE r.seen_ms >= ? AND r.seen_ms < ? ORDER BY r.seen_ms, r.id`),
      statusEventsBetween: prepare(`SELECT e.id, e.article_id, e.at_ms, e.kind, a.source_id, a.number, a.file_name
        FROM status_events e JOIN articles a ON a.id = e.article_id WHERE e.at_ms >= ? AND e.at_ms < ? ORDER BY e.at_ms, e.id`),
      checksBetween: prepare(`SELECT c.id, c.article_id, c.checked_ms, c.outcome, c.http_status, c.final_url, c.detail,
        a.source_id, a.number, a.file_name,
        (SELECT r.url FROM revisions r WHERE r.article_id = c.article_id AND r.seen_ms <= c.checked_ms ORDER BY r.seq DESC LIMIT 1) AS article_url
        FROM checks c JOIN articles a ON a.id = c.article_id WHERE c.checked_ms >= ? AND c.checked_ms < ? ORDER BY c.checked_ms, c.id`),
      healthEventsBetween: prepare(`SELECT id, source_id AS sourceId, at_ms AS atMs, kind, feed_url AS feedUrl, detail FROM health_events
        WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id`),
      firstRevisionMs: prepare(`SELECT MIN(seen_ms) AS ms FROM revisions`),
      manifestRowIds: prepare(`SELECT (SELECT IFNULL(MAX(id), 0) FROM revisions) AS revision, (SELECT IFNULL(MAX(id), 0) FROM status_events) AS status,
        (SELECT IFNULL(MAX(id), 0) FROM checks) AS "check", (SELECT IFNULL(MAX(id), 0) FROM health_events) AS health`),
      recordPublishedFile: prepare(`INSERT INTO published_files (path, blob) VALUES (?, ?)
        ON CONFLICT (path) DO UPDATE SET blob = excluded.blob`),
      startRun: prepare(`INSERT INTO runs (started_ms) VALUES (?)`),
      finishRun: prepare(`UPDATE runs SET ended_ms = ? WHERE id = ?`),
      insertRunSource: prepare(`INSERT OR REPLACE INTO run_sources (run_id, source_id, outcome, new_count, changed_count,
        unchanged_count, error_kind, error_message) VALUES (@runId, @sourceId, @outcome, @newCount, @changedCount,
        @unchangedCount, @errorKind, @errorMessage)`),
      lastRuns: prepare(`SELECT id, started_ms, ended_ms FROM runs ORDER BY id DESC LIMIT ?`),
      runSources: prepare(`SELECT * FROM run_sources WHERE run_id = ? ORDER BY source_id`),
    };
  }

  /** Opens (and migrates) a SQLite file; `readonly` opens an existing file for reading only (a reader beside a running cycle). */
  static open(file: string, options: { readonly?: boolean } = {}): SqliteStore {
    return new SqliteStore(openDatabase(file, options));
  }

  async syncSources(sources: readonly SourceRecord[]): Promise<void> {
    this.atomic(() => {
      for (const source of sources) {
        this.statements.insertSource.run(source.id, source.name, source.url, FIRST_ARTICLE_NUMBER);
      }
    });
  }

  async listSources(): Promise<SourceRecord[]> {
    return this.statements.listSources.all() as SourceRecord[];
  }

  async getFetchState(sourceId: string): Promise<FetchState | null> {
    const row = this.statements.getFetchState.get(sourceId) as
      | {
          id: string;
          url: string;
          configured_url: string | null;
          etag: string | null;
          last_modified: string | null;
          last_attempt_ms: number | null;
          last_success_ms: number | null;
          last_new_item_ms: number | null;
          consecutive_failures: number;
          last_error: string | null;
        }
      | undefined;
    if (!row) return null;
    return {
      sourceId: row.id,
      url: row.url,
      configuredUrl: row.configured_url,
      etag: row.etag,
      lastModified: row.last_modified,
      lastAttemptMs: row.last_attempt_ms,
      lastSuccessMs: row.last_success_ms,
      lastNewItemMs: row.last_new_item_ms,
      consecutiveFailures: row.consecutive_failures,
      lastError: row.last_error,
    };
  }

  private saveFetchStateNow(state: FetchState): void {
    const result = this.statements.saveFetchState.run(state);
    if (result.changes === 0) throw new StoreError('constraint', `store: saving fetch state: unknown source "${state.sourceId}"`);
  }

  async findArticleByKey(sourceId: string, key: string): Promise<Article | null> {
    const row = this.statements.byKey.get(sourceId, key) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async findArticleByUrl(sourceId: string, url: string): Promise<Article | null> {
    const row = this.statements.byUrl.get(sourceId, url) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async findArticleByLink(sourceId: string, url: string): Promise<LinkedArticle | null> {
    const row = this.statements.byLink.get(sourceId, canonicalLink(url)) as (ArticleRow & { feed_url: string | null }) | undefined;
    return row ? { article: toArticle(row), feedUrl: row.feed_url } : null;
  }

  async findKnownArticle(sourceId: string, key: string, url: string | null): Promise<KnownArticle> {
    // In process, three statements cost what one would.
    const byKey = await this.findArticleByKey(sourceId, key);
    const linked = byKey === null && url !== null ? await this.findArticleByLink(sourceId, url) : null;
    const byUrl = byKey === null && linked === null && url !== null ? await this.findArticleByUrl(sourceId, url) : null;
    return { byKey, linked, byUrl };
  }

  async getFeedState(sourceId: string, url: string): Promise<FeedState | null> {
    return (this.statements.getFeedState.get(sourceId, url) as FeedState | undefined) ?? null;
  }

  async saveFeedState(state: FeedState): Promise<void> {
    this.saveFeedStateNow(state);
  }

  private saveFeedStateNow(state: FeedState): void {
    try {
      this.statements.saveFeedState.run(state);
    } catch (cause) {
      throw new StoreError('constraint', `store: saving feed state of ${state.sourceId} ${state.url}: ${(cause as Error).message}`, { cause });
    }
  }

  async getSourceHealth(sourceId: string): Promise<SourceHealth | null> {
    return (this.statements.getSourceHealth.get(sourceId) as SourceHealth | undefined) ?? null;
  }

  private saveSourceHealthNow(health: SourceHealth): void {
    try {
      this.statements.saveSourceHealth.run(health);
    } catch (cause) {
      throw new StoreError('constraint', `store: saving health of ${health.sourceId}: ${(cause as Error).message}`, { cause });
    }
  }

  private recordHealthEventNow(event: NewHealthEvent): HealthEvent {
    try {
      return { id: Number(this.statements.insertHealthEvent.run(event).lastInsertRowid), ...event };
    } catch (cause) {
      throw new StoreError('constraint', `store: recording a ${event.kind} event of ${event.sourceId}: ${(cause as Error).message}`, { cause });
    }
  }

  async listHealthEvents(limit: number, sourceId?: string): Promise<HealthEvent[]> {
    return (
      sourceId === undefined ? this.statements.listHealthEvents.all(limit) : this.statements.listSourceHealthEvents.all(sourceId, limit)
    ) as HealthEvent[];
  }

  async getArticle(id: number): Promise<Article | null> {
    const row = this.statements.byId.get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async getArticleByNumber(sourceId: string, number: number): Promise<Article | null> {
    const row = this.statements.byNumber.get(sourceId, number) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  private insertArticleNow(article: NewArticle): Article {
    return this.atomic(() => {
      const number = article.number ?? this.takeNumber(article.sourceId);
      if (article.number !== undefined) this.lowerNextNumber(article.sourceId, article.number);
      let id: number;
      try {
        id = Number(this.statements.insertArticle.run({ ...article, number, fileName: article.fileName ?? null }).lastInsertRowid);
      } catch (cause) {
        throw new StoreError(
          'constraint',
          `store: adding article ${article.key} to ${article.sourceId} (number ${number}): ${(cause as Error).message}`,
          { cause },
        );
      }
      const revision = this.addRevisionNow(id, article);
      if (article.url !== null) this.statements.addLink.run(article.sourceId, canonicalLink(article.url), id, article.feedUrl ?? null);
      return insertedArticle(article, id, number, revision.id);
    });
  }

  private reserveNumberNow(sourceId: string, number: number): void {
    this.lowerNextNumber(sourceId, number);
  }

  private addRevisionNow(articleId: number, revision: NewRevision): Revision {
    return this.atomic(() => {
      const { seq } = this.statements.revisionCount.get(articleId) as { seq: number };
      const row = revisionRow(articleId, seq + 1, revision);
      const id = Number(this.statements.insertRevision.run(row).lastInsertRowid);
      this.statements.setCurrentRevision.run(id, revision.title, revision.url, articleId);
      if (revision.url !== null && seq > 0) this.statements.addLinkOf.run(canonicalLink(revision.url), articleId);
      return { id, ...row };
    });
  }

  async listRevisions(articleId: number): Promise<Revision[]> {
    return (this.statements.listRevisions.all(articleId) as RevisionRow[]).map(toRevision);
  }

  private setStatusNow(articleId: number, status: ArticleStatus, atMs: number): void {
    this.atomic(() => {
      if (this.statements.setStatus.run(status, atMs, articleId, status).changes === 0) return;
      this.statements.insertStatusEvent.run(articleId, atMs, status === 'removed' ? 'removed' : 'restored');
    });
  }

  async listStatusEvents(articleId: number): Promise<StatusEvent[]> {
    return this.statements.listStatusEvents.all(articleId) as StatusEvent[];
  }

  async listRemoved(limit = -1): Promise<Article[]> {
    return (this.statements.listRemoved.all(limit) as ArticleRow[]).map(toArticle);
  }

  private recordCheckNow(check: NewCheck): Check {
    const id = Number(this.statements.insertCheck.run(check).lastInsertRowid);
    return { id, ...check };
  }

  async listChecks(articleId: number, limit = -1): Promise<Check[]> {
    return this.statements.listChecks.all(articleId, limit) as Check[];
  }

  async listUnscheduled(limit: number): Promise<CheckTarget[]> {
    return (this.statements.listUnscheduled.all(limit) as (ArticleRow & { next_check_ms: number | null })[]).map(toCheckTarget);
  }

  async setNextChecks(entries: readonly NextCheck[]): Promise<void> {
    this.atomic(() => {
      for (const entry of entries) this.statements.setNextCheck.run(entry.atMs, entry.articleId);
    });
  }

  async claimRecheck(articleId: number, listedNextCheckMs: number | null, holder: string, ttlMs: number): Promise<boolean> {
    return this.recheckLeases().claim(articleId, listedNextCheckMs, holder, ttlMs);
  }

  async releaseRecheck(articleId: number, holder: string): Promise<void> {
    this.recheckLeases().release(articleId, holder);
  }

  /** Prepared on first use: a read-only store (the reader) never needs its write statements. */
  private recheckLeases(): SqliteRecheckLeases {
    this.#recheckLeases ??= new SqliteRecheckLeases(this.db);
    return this.#recheckLeases;
  }

  async scheduleFirstChecks(entries: readonly NextCheck[]): Promise<void> {
    this.atomic(() => {
      for (const entry of entries) this.statements.scheduleFirstCheck.run(entry.atMs, entry.articleId);
    });
  }

  async countDueChecks(nowMs: number, sourceIds?: readonly string[]): Promise<number> {
    const row = sourceIds === undefined ? this.statements.countDue.get(nowMs) : this.statements.countDueIn.get(nowMs, JSON.stringify(sourceIds));
    return (row as { n: number }).n;
  }

  async listDueChecks(nowMs: number, limit: number, sourceIds?: readonly string[]): Promise<CheckTarget[]> {
    const due = sourceIds === undefined ? this.statements.listDue.all(nowMs, limit) : this.statements.listDueIn.all(nowMs, JSON.stringify(sourceIds), limit);
    return (due as (ArticleRow & { next_check_ms: number | null })[]).map(toCheckTarget);
  }

  async listLatest(sourceId: string, limit: number): Promise<Article[]> {
    return (this.statements.latest.all(sourceId, limit) as ArticleRow[]).map(toArticle);
  }

  async listLatestAll(limit: number): Promise<Article[]> {
    return (this.statements.latestAll.all(limit) as ArticleRow[]).map(toArticle);
  }

  async countArticles(sourceId?: string): Promise<number> {
    const row = (sourceId === undefined ? this.statements.count.get() : this.statements.countSource.get(sourceId)) as {
      n: number;
    };
    return row.n;
  }

  async pendingPublish(limit: number, afterId = 0): Promise<Article[]> {
    return (this.statements.pending.all(afterId, limit) as ArticleRow[]).map(toArticle);
  }

  async markAllPublished(): Promise<void> {
    this.statements.markAllPublished.run();
  }

  async markPublished(articleIds: readonly number[]): Promise<void> {
    this.atomic(() => {
      for (const id of articleIds) this.statements.markPublished.run(id);
    });
  }

  async recordPublished(entries: readonly PublishedArticle[]): Promise<void> {
    this.atomic(() => {
      for (const entry of entries) this.statements.recordPublished.run(entry.fileBlob, entry.id);
    });
  }

  async listPublishedBlobs(limit: number, afterId = 0): Promise<PublishedBlob[]> {
    const rows = this.statements.listPublishedBlobs.all(afterId, limit) as {
      id: number;
      source_id: string;
      number: number;
      file_name: string | null;
      file_blob: string | null;
    }[];
    return rows.map((row) => ({ id: row.id, sourceId: row.source_id, number: row.number, fileName: row.file_name, fileBlob: row.file_blob }));
  }

  async markUnpublished(articleIds: readonly number[]): Promise<void> {
    this.atomic(() => {
      for (const id of articleIds) this.statements.markUnpublished.run(id);
    });
  }

  async listRevisionsBetween(fromMs: number, toMs: number): Promise<RevisionRecord[]> {
    const rows = this.statements.revisionsBetween.all(fromMs, toMs) as (Omit<RevisionRow, 'content'> & {
      source_id: string;
      number: number;
      file_name: string | null;
      key: string;
      author: string | null;
      published_ms: number;
    })[];
    return rows.map((row) => ({
      id: row.id,
      articleId: row.article_id,
      seq: row.seq,
      title: row.title,
      url: row.url,
      sha256: row.sha256,
      fingerprint: row.fingerprint,
      seenMs: row.seen_ms,
      seenWhere: row.seen_where,
      fetchedUrl: row.fetched_url,
      httpStatus: row.http_status,
      etag: row.etag,
      sourceId: row.source_id,
      number: row.number,
      fileName: row.file_name,
      key: row.key,
      author: row.author,
      publishedMs: row.published_ms,
    }));
  }

  async listStatusEventsBetween(fromMs: number, toMs: number): Promise<StatusEventRecord[]> {
    const rows = this.statements.statusEventsBetween.all(fromMs, toMs) as {
      id: number;
      article_id: number;
      at_ms: number;
      kind: StatusEvent['kind'];
      source_id: string;
      number: number;
      file_name: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      articleId: row.article_id,
      atMs: row.at_ms,
      kind: row.kind,
      sourceId: row.source_id,
      number: row.number,
      fileName: row.file_name,
    }));
  }

  async listChecksBetween(fromMs: number, toMs: number): Promise<CheckRecord[]> {
    const rows = this.statements.checksBetween.all(fromMs, toMs) as {
      id: number;
      article_id: number;
      checked_ms: number;
      outcome: CheckRecord['outcome'];
      http_status: number | null;
      final_url: string | null;
      detail: string | null;
      source_id: string;
      number: number;
      file_name: string | null;
      article_url: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      articleId: row.article_id,
      checkedMs: row.checked_ms,
      outcome: row.outcome,
      httpStatus: row.http_status,
      finalUrl: row.final_url,
      detail: row.detail,
      sourceId: row.source_id,
      number: row.number,
      fileName: row.file_name,
      articleUrl: row.article_url,
    }));
  }

  async listHealthEventsBetween(fromMs: number, toMs: number): Promise<HealthEvent[]> {
    return this.statements.healthEventsBetween.all(fromMs, toMs) as HealthEvent[];
  }

  async firstRevisionMs(): Promise<number | null> {
    return (this.statements.firstRevisionMs.get() as { ms: number | null }).ms;
  }

  async manifestRowIds(): Promise<ManifestRowIds> {
    return { ...(this.statements.manifestRowIds.get() as ManifestRowIds) };
  }

  async publishedFiles(): Promise<Map<string, string>> {
    const rows = this.statements.publishedFiles.all() as { path: string; blob: string }[];
    return new Map(rows.map((row) => [row.path, row.blob]));
  }

  async recordPublishedFiles(files: ReadonlyMap<string, string>): Promise<void> {
    this.atomic(() => {
      for (const [path, blob] of files) this.statements.recordPublishedFile.run(path, blob);
    });
  }

  async startRun(startedMs: number): Promise<number> {
    return Number(this.statements.startRun.run(startedMs).lastInsertRowid);
  }

  async finishRun(runId: number, endedMs: number, results: readonly SourceRunResult[]): Promise<void> {
    this.atomic(() => {
      for (const result of results) this.statements.insertRunSource.run({ ...result, runId });
      this.statements.finishRun.run(endedMs, runId);
    });
  }

  async lastRuns(limit: number): Promise<RunRecord[]> {
    const runs = this.statements.lastRuns.all(limit) as { id: number; started_ms: number; ended_ms: number | null }[];
    return runs.map((run) => ({
      id: run.id,
      startedMs: run.started_ms,
      endedMs: run.ended_ms,
      sources: (this.statements.runSources.all(run.id) as Record<string, unknown>[]).map((row) => ({
        sourceId: row['source_id'] as string,
        outcome: row['outcome'] as SourceRunResult['outcome'],
        newCount: row['new_count'] as number,
        changedCount: row['changed_count'] as number,
        unchangedCount: row['unchanged_count'] as number,
        errorKind: row['error_kind'] as string | null,
        errorMessage: row['error_message'] as string | null,
      })),
    }));
  }

  async saveFetchState(state: FetchState): Promise<void> {
    return this.saveFetchStateNow(state);
  }

  async saveSourceHealth(health: SourceHealth): Promise<void> {
    return this.saveSourceHealthNow(health);
  }

  async recordHealthEvent(event: NewHealthEvent): Promise<HealthEvent> {
    return this.recordHealthEventNow(event);
  }

  async insertArticle(article: NewArticle): Promise<Article> {
    return this.insertArticleNow(article);
  }

  async reserveNumber(sourceId: string, number: number): Promise<void> {
    return this.reserveNumberNow(sourceId, number);
  }

  async addRevision(articleId: number, revision: NewRevision): Promise<Revision> {
    return this.addRevisionNow(articleId, revision);
  }

  async setStatus(articleId: number, status: ArticleStatus, atMs: number): Promise<void> {
    return this.setStatusNow(articleId, status, atMs);
  }

  async recordCheck(check: NewCheck): Promise<Check> {
    return this.recordCheckNow(check);
  }

  // Group commit: the source states saved in one turn of the event loop (a cycle's sources finish side by side, and
  // in an hourly cycle nearly every one is a 304 whose only write is this) are committed together, at the end of the
  // turn. Each call still resolves only once its own write is committed, so a caller sees what it would have seen
  // with a transaction of its own; a killed run loses at most writes whose callers were still waiting.
  async saveSourceState(write: SourceStateWrite): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pendingSourceStates.push({ write, resolve, reject });
      if (this.pendingSourceStates.length === 1) setImmediate(() => this.flushSourceStates());
    });
  }

  private pendingSourceStates: { write: SourceStateWrite; resolve: () => void; reject: (error: unknown) => void }[] = [];

  private flushSourceStates(): void {
    const batch = this.pendingSourceStates;
    if (batch.length === 0) return;
    this.pendingSourceStates = [];
    try {
      this.atomic(() => {
        for (const { write } of batch) this.saveSourceStateNow(write);
      });
    } catch {
      // The batch was rolled back as a whole. Each write is retried alone, so only the ones that fail by
      // themselves fail, each with its own error, and the others are stored as if never batched.
      for (const { write, resolve, reject } of batch) {
        try {
          this.atomic(() => this.saveSourceStateNow(write));
          resolve();
        } catch (error) {
          reject(error);
        }
      }
      return;
    }
    for (const { resolve } of batch) resolve();
  }

  private saveSourceStateNow(write: SourceStateWrite): void {
    for (const feed of write.feeds ?? []) this.saveFeedStateNow(feed);
    this.saveFetchStateNow(write.fetchState);
    this.saveSourceHealthNow(write.health);
    for (const event of write.events) this.recordHealthEventNow(event);
  }

  async recordCheckVerdict(verdict: CheckVerdict): Promise<Check> {
    return this.atomic(() => {
      const check = this.recordCheckNow(verdict.check);
      if (verdict.status !== null) this.setStatusNow(check.articleId, verdict.status.status, verdict.status.atMs);
      this.statements.setNextCheck.run(verdict.nextCheckMs, check.articleId);
      return check;
    });
  }

  async writeArchive(writes: readonly ArchiveWrite[]): Promise<ArchiveWritten> {
    return this.atomic(() => {
      const written: ArchiveWritten = { articles: [], revisions: [] };
      for (const write of writes) {
        switch (write.kind) {
          case 'article':
            written.articles.push(this.insertArticleNow(write.article));
            break;
          case 'revision':
            written.revisions.push(this.addRevisionNow(this.articleId(write.article), write.revision));
            break;
          case 'reserve':
            this.reserveNumberNow(write.sourceId, write.number);
            break;
          case 'status':
            this.setStatusNow(this.articleId(write.article), write.status, write.atMs);
            break;
          case 'check':
            this.recordCheckNow({ ...write.check, articleId: this.articleId(write.article) });
            break;
          case 'health':
            this.recordHealthEventNow(write.event);
            break;
          case 'next-check':
            this.statements.setNextCheck.run(write.atMs, this.articleId(write.article));
            break;
        }
      }
      return written;
    });
  }

  private articleId(ref: ArticleRef): number {
    if (typeof ref === 'number') return ref;
    const row = this.statements.idByNumber.get(ref.sourceId, ref.number) as { id: number } | undefined;
    if (!row) throw new StoreError('constraint', `store: no article ${ref.sourceId}/${ref.number}`);
    return row.id;
  }

  /** Runs `fn` in one transaction. Nested calls join the outer one (better-sqlite3 uses savepoints). */
  private atomic<T>(fn: () => T): T {
    return (this.inTransaction as (body: () => T) => T)(fn);
  }

  async close(): Promise<void> {
    // Nothing is left waiting: a save still queued for this turn is committed first.
    if (this.db.open) this.flushSourceStates();
    if (this.db.open) this.db.close();
  }

  /** The next free file number, counting down; skips numbers an import already used. */
  private takeNumber(sourceId: string): number {
    const row = this.statements.nextNumber.get(sourceId) as { next_number: number } | undefined;
    if (!row) throw new StoreError('constraint', `store: unknown source "${sourceId}"`);
    let number = row.next_number;
    while (this.statements.numberTaken.get(sourceId, number)) number--;
    if (number < 0) throw new StoreError('constraint', `store: source "${sourceId}" has run out of file numbers`);
    this.statements.setNextNumber.run(number - 1, sourceId);
    return number;
  }

  private lowerNextNumber(sourceId: string, used: number): void {
    const row = this.statements.nextNumber.get(sourceId) as { next_number: number } | undefined;
    if (!row) throw new StoreError('constraint', `store: unknown source "${sourceId}"`);
    // An odd number such as the old archive's cdt/0.md must not drag the counter below zero.
    if (used > 0 && used <= row.next_number) this.statements.setNextNumber.run(used - 1, sourceId);
  }

  // reader queries: prepared on first use so a store that never serves pays nothing.
  private readerStatements: Map<string, { all(...params: (string | number)[]): unknown[] }> | null = null;

  private readerQuery(sql: string, ...params: (string | number)[]): Article[] {
    this.readerStatements ??= new Map();
    let statement = this.readerStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.readerStatements.set(sql, statement);
    }
    return (statement.all(...params) as ArticleRow[]).map(toArticle);
  }

  async listLatestPage(sourceId: string, limit: number, offset: number): Promise<Article[]> {
    return this.readerQuery(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = ?
        ORDER BY a.published_ms DESC, a.number ASC LIMIT ? OFFSET ?`,
      sourceId,
      limit,
      offset,
    );
  }

  async listPublishedBetween(fromMs: number, toMs: number, limit: number, offset: number): Promise<Article[]> {
    return this.readerQuery(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.published_ms >= ? AND a.published_ms < ?
        ORDER BY a.published_ms DESC, a.id DESC LIMIT ? OFFSET ?`,
      fromMs,
      toMs,
      limit,
      offset,
    );
  }

  async listArticlesAfter(afterId: number, limit: number): Promise<Article[]> {
    return this.readerQuery(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id > ? ORDER BY a.id LIMIT ?`, afterId, limit);
  }

  // list lines (summaries.ts)
  private summaryQueries: SqliteSummaries | null = null;

  private get summaries(): SqliteSummaries {
    return (this.summaryQueries ??= new SqliteSummaries(this.db));
  }

  async currentBuildMark(): Promise<BuildMark> {
    return this.summaries.currentMark();
  }

  async buildMarkIsValid(mark: BuildMark): Promise<boolean> {
    return this.summaries.markIsValid(mark);
  }

  async listChangedSince(mark: BuildMark): Promise<ArticleSummary[]> {
    return this.summaries.changedSince(mark);
  }

  async listSummariesAfter(afterId: number, limit: number): Promise<ArticleSummary[]> {
    return this.summaries.after(afterId, limit);
  }

  async rankInSource(sourceId: string, number: number): Promise<number> {
    return this.summaries.rankInSource(sourceId, number);
  }

  async listSourceSlice(sourceId: string, offset: number, limit: number): Promise<ArticleSummary[]> {
    return this.summaries.sourceSlice(sourceId, offset, limit);
  }

  async listSummariesPublishedBetween(startMs: number, endMs: number): Promise<ArticleSummary[]> {
    return this.summaries.publishedBetween(startMs, endMs);
  }

  async countByDay(): Promise<DayCount[]> {
    return this.summaries.days();
  }

  async listLatestSummaries(limit: number, sourceId?: string): Promise<ArticleSummary[]> {
    return this.summaries.latest(limit, sourceId);
  }

  async listRemovedSummaries(limit: number): Promise<ArticleSummary[]> {
    return this.summaries.removed(limit);
  }

  async listChangedSummaries(limit: number): Promise<ArticleSummary[]> {
    return this.summaries.changed(limit);
  }
}

/** The store's better-sqlite3 handle, for the other modules of store/sqlite/ only (search-index.ts, table-end.ts). */
export function sqliteHandle(store: SqliteStore): SqliteDatabase {
  // eslint-disable-next-line dot-notation -- the one place that reads the private handle
  return store['db'];
}
