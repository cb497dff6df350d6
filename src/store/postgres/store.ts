// The PostgreSQL Store: the same rules as the SQLite store (sqlite/store.ts), each write method one transaction
// on one pooled connection. Several processes may share the database: a source's file numbers are handed out
// under a lock on its row (FOR UPDATE), so they stay unique and gapless whoever inserts.
import type pg from 'pg';
import { canonicalLink } from '../../normalize/identity.ts';
import { StoreError } from '../error.ts';
import { insertedArticle, revisionRow } from '../inserted-article.ts';
import { inTransaction } from './transaction.ts';
import {
  FIRST_ARTICLE_NUMBER,
  type ArchiveWrite,
  type ArchiveWritten,
  type Article,
  type ArticleRef,
  type ArticleStatus,
  type ArticleSummary,
  type BuildMark,
  type Check,
  type CheckRecord,
  type CheckTarget,
  type CheckVerdict,
  type DayCount,
  type FeedState,
  type ManifestRowIds,
  type FetchState,
  type HealthEvent,
  type LinkedArticle,
  type KnownArticle,
  type NewArticle,
  type NewCheck,
  type NewHealthEvent,
  type NewRevision,
  type NextCheck,
  type PublishedArticle,
  type PublishedBlob,
  type Revision,
  type RevisionRecord,
  type RunRecord,
  type SourceHealth,
  type SourceRecord,
  type SourceRunResult,
  type SourceStateWrite,
  type StatusEvent,
  type StatusEventRecord,
  type Store,
} from '../types.ts';
import { PostgresLeases } from './leases.ts';
import { claimRecheck, releaseRecheck } from './recheck-leases.ts';
import { PostgresPublishLock } from './publish-lock.ts';
import { openPostgres, type PostgresOptions } from './open.ts';
import {
  ARTICLE_COLUMNS,
  ARTICLE_FROM,
  CHECK_COLUMNS,
  FEED_STATE_COLUMNS,
  FETCH_STATE_COLUMNS,
  HEALTH_EVENT_COLUMNS,
  limitOrAll,
  REVISION_COLUMNS,
  rows,
  run,
  SOURCE_HEALTH_COLUMNS,
  type Prepared,
  type Queryable,
} from './rows.ts';
import { PostgresSearchIndex } from './search-index.ts';
import { PostgresSummaries } from './summaries.ts';

const STATUS_EVENT_COLUMNS = `id, article_id AS "articleId", at_ms AS "atMs", kind`;
const TARGET_COLUMNS = `${ARTICLE_COLUMNS}, a.next_check_ms AS "nextCheckMs"`;

export class PostgresStore implements Store {
  private closed = false;
  private readonly summaries: PostgresSummaries;
  /** The search index in the same database (SearchIndex). */
  readonly searchIndex: PostgresSearchIndex;
  /** Leases on sources for several processes sharing the database (store/lease.ts). */
  readonly leases: PostgresLeases;
  /** One publisher at a time among the processes sharing this database. */
  readonly publishLock: PostgresPublishLock;

  constructor(private readonly pool: pg.Pool) {
    this.summaries = new PostgresSummaries(pool);
    this.searchIndex = new PostgresSearchIndex(pool);
    this.leases = new PostgresLeases(pool);
    this.publishLock = new PostgresPublishLock(pool);
  }

  /** Connects to `url` and migrates the database (open.ts); a server that cannot be reached is StoreError 'connect'. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    return new PostgresStore(await openPostgres(url, options));
  }

  /** Runs `fn` in one transaction on one connection of the pool. */
  private atomic<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, 'store', fn);
  }


  async syncSources(sources: readonly SourceRecord[]): Promise<void> {
    // One statement; a source listed twice keeps its last name, as one insert after another would.
    const byId = new Map(sources.map((source) => [source.id, source]));
    if (byId.size === 0) return;
    const list = [...byId.values()];
    await run(
      this.pool,
      `INSERT INTO sources (id, name, url, next_number)
        SELECT id, name, url, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS s(id, name, url)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
      [list.map((s) => s.id), list.map((s) => s.name), list.map((s) => s.url), FIRST_ARTICLE_NUMBER],
      'store: adding sources',
    );
  }

  async listSources(): Promise<SourceRecord[]> {
    return rows<SourceRecord>(this.pool, `SELECT id, name, url FROM sources ORDER BY id`);
  }

  async getFetchState(sourceId: string): Promise<FetchState | null> {
    const [row] = await rows<FetchState>(this.pool, `SELECT ${FETCH_STATE_COLUMNS} FROM sources WHERE id = $1`, [sourceId]);
    return row ?? null;
  }

  async saveFetchState(state: FetchState): Promise<void> {
    await saveFetchState(this.pool, state);
  }

  async saveSourceState(write: SourceStateWrite): Promise<void> {
    await this.atomic(async (db) => {
      for (const feed of write.feeds ?? []) await saveFeedState(db, feed);
      await saveFetchState(db, write.fetchState);
      await saveSourceHealth(db, write.health);
      for (const event of write.events) await recordHealthEvent(db, event);
    });
  }

  async findArticleByKey(sourceId: string, key: string): Promise<Article | null> {
    return first(await rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = $1 AND a.key = $2`, [sourceId, key]));
  }

  async findArticleByUrl(sourceId: string, url: string): Promise<Article | null> {
    return first(
      await rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = $1 AND a.url = $2 ORDER BY a.id LIMIT 1`, [
        sourceId,
        url,
      ]),
    );
  }

  async findArticleByLink(sourceId: string, url: string): Promise<LinkedArticle | null> {
    const [row] = await rows<Article & { linkFeedUrl: string | null }>(
      this.pool,
      `SELECT ${ARTICLE_COLUMNS}, l.feed_url AS "linkFeedUrl" FROM article_links l JOIN articles a ON a.id = l.article_id
        JOIN revisions r ON r.id = a.revision_id WHERE l.source_id = $1 AND l.link = $2`,
      [sourceId, canonicalLink(url)],
    );
    if (!row) return null;
    const { linkFeedUrl, ...article } = row;
    return { article, feedUrl: linkFeedUrl };
  }

  async findKnownArticle(sourceId: string, key: string, url: string | null): Promise<KnownArticle> {
    // The three lookups in one statement, each later one only when the earlier found nothing (as the calls one
    // after another would): a first cycle asks this of every item, and a round trip costs more than the lookups.
    const found = await rows<Article & { via: 'key' | 'link' | 'url'; linkFeedUrl: string | null }>(
      this.pool,
      KNOWN_ARTICLE,
      [sourceId, key, url === null ? null : canonicalLink(url), url],
    );
    const of = (via: string) => {
      const row = found.find((candidate) => candidate.via === via);
      if (!row) return null;
      const { via: _via, linkFeedUrl: _feed, ...article } = row;
      return article as Article;
    };
    const link = found.find((row) => row.via === 'link');
    return { byKey: of('key'), linked: link ? { article: of('link')!, feedUrl: link.linkFeedUrl } : null, byUrl: of('url') };
  }

  async getArticle(id: number): Promise<Article | null> {
    return first(await rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = $1`, [id]));
  }

  async getArticleByNumber(sourceId: string, number: number): Promise<Article | null> {
    return first(
      await rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = $1 AND a.number = $2`, [sourceId, number]),
    );
  }

  async insertArticle(article: NewArticle): Promise<Article> {
    return this.atomic((db) => insertArticle(db, article));
  }

  async reserveNumber(sourceId: string, number: number): Promise<void> {
    await this.atomic((db) => lowerNextNumber(db, sourceId, number));
  }

  async addRevision(articleId: number, revision: NewRevision): Promise<Revision> {
    return this.atomic((db) => addRevision(db, articleId, revision));
  }

  async writeArchive(writes: readonly ArchiveWrite[]): Promise<ArchiveWritten> {
    return this.atomic(async (db) => {
      const written: ArchiveWritten = { articles: [], revisions: [] };
      for (const write of writes) {
        switch (write.kind) {
          case 'article':
            written.articles.push(await insertArticle(db, write.article));
            break;
          case 'revision':
            written.revisions.push(await addRevision(db, await articleId(db, write.article), write.revision));
            break;
          case 'reserve':
            await lowerNextNumber(db, write.sourceId, write.number);
            break;
          case 'status':
            await setStatus(db, await articleId(db, write.article), write.status, write.atMs);
            break;
          case 'check':
            await recordCheck(db, { ...write.check, articleId: await articleId(db, write.article) });
            break;
          case 'health':
            await recordHealthEvent(db, write.event);
            break;
          case 'next-check':
            await setNextChecks(db, [{ articleId: await articleId(db, write.article), atMs: write.atMs }]);
            break;
        }
      }
      return written;
    });
  }

  async listRevisions(articleId: number): Promise<Revision[]> {
    return rows<Revision>(this.pool, `SELECT ${REVISION_COLUMNS} FROM revisions WHERE article_id = $1 ORDER BY seq`, [articleId]);
  }

  async setStatus(articleId: number, status: ArticleStatus, atMs: number): Promise<void> {
    await this.atomic((db) => setStatus(db, articleId, status, atMs));
  }

  async listStatusEvents(articleId: number): Promise<StatusEvent[]> {
    return rows<StatusEvent>(this.pool, `SELECT ${STATUS_EVENT_COLUMNS} FROM status_events WHERE article_id = $1 ORDER BY at_ms, id`, [articleId]);
  }

  async listRemoved(limit?: number): Promise<Article[]> {
    return rows<Article>(
      this.pool,
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.status = 'removed' ORDER BY a.status_changed_ms DESC, a.id DESC LIMIT $1`,
      [limitOrAll(limit)],
    );
  }

  async recordCheck(check: NewCheck): Promise<Check> {
    return recordCheck(this.pool, check);
  }

  async recordCheckVerdict(verdict: CheckVerdict): Promise<Check> {
    return this.atomic(async (db) => {
      const check = await recordCheck(db, verdict.check);
      if (verdict.status !== null) await setStatus(db, check.articleId, verdict.status.status, verdict.status.atMs);
      await setNextChecks(db, [{ articleId: check.articleId, atMs: verdict.nextCheckMs }]);
      return check;
    });
  }

  async listChecks(articleId: number, limit?: number): Promise<Check[]> {
    return rows<Check>(this.pool, `SELECT ${CHECK_COLUMNS} FROM checks WHERE article_id = $1 ORDER BY checked_ms DESC, id DESC LIMIT $2`, [
      articleId,
      limitOrAll(limit),
    ]);
  }

  async listUnscheduled(limit: number): Promise<CheckTarget[]> {
    return rows<CheckTarget>(
      this.pool,
      `SELECT ${TARGET_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.next_check_ms IS NULL AND a.url IS NOT NULL ORDER BY a.id LIMIT $1`,
      [limitOrAll(limit)],
    );
  }

  async setNextChecks(entries: readonly NextCheck[]): Promise<void> {
    await setNextChecks(this.pool, entries);
  }

  async scheduleFirstChecks(entries: readonly NextCheck[]): Promise<void> {
    await setNextChecks(this.pool, entries, { onlyUnscheduled: true });
  }

  async listDueChecks(nowMs: number, limit: number, sourceIds?: readonly string[]): Promise<CheckTarget[]> {
    // A null array: every source.
    return rows<CheckTarget>(
      this.pool,
      `SELECT ${TARGET_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.next_check_ms IS NOT NULL AND a.next_check_ms <= $1
        AND ($3::text[] IS NULL OR a.source_id = ANY($3::text[]))
        ORDER BY a.next_check_ms, a.id LIMIT $2`,
      [nowMs, limitOrAll(limit), sourceIds ?? null],
    );
  }

  async claimRecheck(articleId: number, listedNextCheckMs: number | null, holder: string, ttlMs: number): Promise<boolean> {
    return claimRecheck(this.pool, articleId, listedNextCheckMs, holder, ttlMs);
  }

  async releaseRecheck(articleId: number, holder: string): Promise<void> {
    await releaseRecheck(this.pool, articleId, holder);
  }

  async countDueChecks(nowMs: number, sourceIds?: readonly string[]): Promise<number> {
    return (
      await rows<{ n: number }>(
        this.pool,
        `SELECT COUNT(*) AS n FROM articles WHERE next_check_ms IS NOT NULL AND next_check_ms <= $1
          AND ($2::text[] IS NULL OR source_id = ANY($2::text[]))`,
        [nowMs, sourceIds ?? null],
      )
    )[0]!.n;
  }

  async listLatest(sourceId: string, limit: number): Promise<Article[]> {
    return this.listLatestPage(sourceId, limit, 0);
  }

  async listLatestAll(limit: number): Promise<Article[]> {
    return rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} ORDER BY a.published_ms DESC, a.id DESC LIMIT $1`, [
      limitOrAll(limit),
    ]);
  }

  async countArticles(sourceId?: string): Promise<number> {
    const [row] =
      sourceId === undefined
        ? await rows<{ n: number }>(this.pool, `SELECT COUNT(*) AS n FROM articles`)
        : await rows<{ n: number }>(this.pool, `SELECT COUNT(*) AS n FROM articles WHERE source_id = $1`, [sourceId]);
    return row!.n;
  }

  async pendingPublish(limit: number, afterId = 0): Promise<Article[]> {
    return rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.needs_publish AND a.id > $1 ORDER BY a.id LIMIT $2`, [
      afterId,
      limitOrAll(limit),
    ]);
  }

  async markAllPublished(): Promise<void> {
    await run(this.pool, `UPDATE articles SET needs_publish = FALSE WHERE needs_publish`);
  }

  async markPublished(articleIds: readonly number[]): Promise<void> {
    await run(this.pool, `UPDATE articles SET needs_publish = FALSE WHERE id = ANY($1::bigint[])`, [articleIds]);
  }

  async recordPublished(entries: readonly PublishedArticle[]): Promise<void> {
    // The last entry for an id wins, as one update after another would.
    const byId = new Map(entries.map((entry) => [entry.id, entry.fileBlob]));
    await run(
      this.pool,
      `UPDATE articles a SET needs_publish = FALSE, file_blob = v.blob FROM unnest($1::bigint[], $2::text[]) AS v(id, blob) WHERE a.id = v.id`,
      [[...byId.keys()], [...byId.values()]],
    );
  }

  async listPublishedBlobs(limit: number, afterId = 0): Promise<PublishedBlob[]> {
    return rows<PublishedBlob>(
      this.pool,
      `SELECT id, source_id AS "sourceId", number, file_name AS "fileName", file_blob AS "fileBlob" FROM articles
        WHERE id > $1 AND NOT needs_publish ORDER BY id LIMIT $2`,
      [afterId, limitOrAll(limit)],
    );
  }

  async markUnpublished(articleIds: readonly number[]): Promise<void> {
    await run(this.pool, `UPDATE articles SET needs_publish = TRUE WHERE id = ANY($1::bigint[])`, [articleIds]);
  }

  async listRevisionsBetween(fromMs: number, toMs: number): Promise<RevisionRecord[]> {
    // Without the content: a month of a busy archive is thousands of revisions, read every run.
    return rows<RevisionRecord>(
      this.pool,
      `SELECT r.id, r.article_id AS "articleId", r.seq, r.title, r.url, r.sha256, r.fingerprint, r.seen_ms AS "seenMs",
        r.seen_where AS "seenWhere", r.fetched_url AS "fetchedUrl", r.http_status AS "httpStatus", r.etag,
        a.source_id AS "sourceId", a.number, a.file_name AS "fileName", a.key, a.author, a.published_ms AS "publishedMs"
        FROM revisions r JOIN articles a ON a.id = r.article_id WHERE r.seen_ms >= $1 AND r.seen_ms < $2 ORDER BY r.seen_ms, r.id`,
      [fromMs, toMs],
    );
  }

  async listStatusEventsBetween(fromMs: number, toMs: number): Promise<StatusEventRecord[]> {
    return rows<StatusEventRecord>(
      this.pool,
      `SELECT e.id, e.article_id AS "articleId", e.at_ms AS "atMs", e.kind, a.source_id AS "sourceId", a.number, a.file_name AS "fileName"
        FROM status_events e JOIN articles a ON a.id = e.article_id WHERE e.at_ms >= $1 AND e.at_ms < $2 ORDER BY e.at_ms, e.id`,
      [fromMs, toMs],
    );
  }

  async listChecksBetween(fromMs: number, toMs: number): Promise<CheckRecord[]> {
    return rows<CheckRecord>(
      this.pool,
      `SELECT c.id, c.article_id AS "articleId", c.checked_ms AS "checkedMs", c.outcome, c.http_status AS "httpStatus",
        c.final_url AS "finalUrl", c.detail, a.source_id AS "sourceId", a.number, a.file_name AS "fileName",
        (SELECT r.url FROM revisions r WHERE r.article_id = c.article_id AND r.seen_ms <= c.checked_ms ORDER BY r.seq DESC LIMIT 1) AS "articleUrl"
        FROM checks c JOIN articles a ON a.id = c.article_id WHERE c.checked_ms >= $1 AND c.checked_ms < $2 ORDER BY c.checked_ms, c.id`,
      [fromMs, toMs],
    );
  }

  async listHealthEventsBetween(fromMs: number, toMs: number): Promise<HealthEvent[]> {
    return rows<HealthEvent>(this.pool, `SELECT ${HEALTH_EVENT_COLUMNS} FROM health_events WHERE at_ms >= $1 AND at_ms < $2 ORDER BY at_ms, id`, [
      fromMs,
      toMs,
    ]);
  }

  async manifestRowIds(): Promise<ManifestRowIds> {
    const [row] = await rows<ManifestRowIds>(
      this.pool,
      `SELECT (SELECT COALESCE(MAX(id), 0) FROM revisions)::float8 AS revision, (SELECT COALESCE(MAX(id), 0) FROM status_events)::float8 AS status,
        (SELECT COALESCE(MAX(id), 0) FROM checks)::float8 AS "check", (SELECT COALESCE(MAX(id), 0) FROM health_events)::float8 AS health`,
    );
    return { ...row! };
  }

  async firstRevisionMs(): Promise<number | null> {
    return (await rows<{ ms: number | null }>(this.pool, `SELECT MIN(seen_ms) AS ms FROM revisions`))[0]!.ms;
  }

  async publishedFiles(): Promise<Map<string, string>> {
    const found = await rows<{ path: string; blob: string }>(this.pool, `SELECT path, blob FROM published_files`);
    return new Map(found.map((row) => [row.path, row.blob]));
  }

  async recordPublishedFiles(files: ReadonlyMap<string, string>): Promise<void> {
    if (files.size === 0) return;
    await run(
      this.pool,
      `INSERT INTO published_files (path, blob) SELECT * FROM unnest($1::text[], $2::text[])
        ON CONFLICT (path) DO UPDATE SET blob = excluded.blob`,
      [[...files.keys()], [...files.values()]],
    );
  }

  async getFeedState(sourceId: string, url: string): Promise<FeedState | null> {
    return first(await rows<FeedState>(this.pool, `SELECT ${FEED_STATE_COLUMNS} FROM feed_states WHERE source_id = $1 AND url = $2`, [sourceId, url]));
  }

  async saveFeedState(state: FeedState): Promise<void> {
    await saveFeedState(this.pool, state);
  }

  async getSourceHealth(sourceId: string): Promise<SourceHealth | null> {
    return first(await rows<SourceHealth>(this.pool, `SELECT ${SOURCE_HEALTH_COLUMNS} FROM source_health WHERE source_id = $1`, [sourceId]));
  }

  async saveSourceHealth(health: SourceHealth): Promise<void> {
    await saveSourceHealth(this.pool, health);
  }

  async recordHealthEvent(event: NewHealthEvent): Promise<HealthEvent> {
    return recordHealthEvent(this.pool, event);
  }

  async listHealthEvents(limit: number, sourceId?: string): Promise<HealthEvent[]> {
    return sourceId === undefined
      ? rows<HealthEvent>(this.pool, `SELECT ${HEALTH_EVENT_COLUMNS} FROM health_events ORDER BY at_ms DESC, id DESC LIMIT $1`, [limitOrAll(limit)])
      : rows<HealthEvent>(this.pool, `SELECT ${HEALTH_EVENT_COLUMNS} FROM health_events WHERE source_id = $1 ORDER BY at_ms DESC, id DESC LIMIT $2`, [
          sourceId,
          limitOrAll(limit),
        ]);
  }

  async startRun(startedMs: number): Promise<number> {
    return (await rows<{ id: number }>(this.pool, `INSERT INTO runs (started_ms) VALUES ($1) RETURNING id`, [startedMs]))[0]!.id;
  }

  async finishRun(runId: number, endedMs: number, results: readonly SourceRunResult[]): Promise<void> {
    await this.atomic(async (db) => {
      for (const result of results) {
        await run(
          db,
          `INSERT INTO run_sources (run_id, source_id, outcome, new_count, changed_count, unchanged_count, error_kind, error_message)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (run_id, source_id) DO UPDATE SET outcome = excluded.outcome, new_count = excluded.new_count,
            changed_count = excluded.changed_count, unchanged_count = excluded.unchanged_count, error_kind = excluded.error_kind,
            error_message = excluded.error_message`,
          [runId, result.sourceId, result.outcome, result.newCount, result.changedCount, result.unchangedCount, result.errorKind, result.errorMessage],
          `store: recording run ${runId}`,
        );
      }
      await run(db, `UPDATE runs SET ended_ms = $1 WHERE id = $2`, [endedMs, runId]);
    });
  }

  async lastRuns(limit: number): Promise<RunRecord[]> {
    const runs = await rows<{ id: number; startedMs: number; endedMs: number | null }>(
      this.pool,
      `SELECT id, started_ms AS "startedMs", ended_ms AS "endedMs" FROM runs ORDER BY id DESC LIMIT $1`,
      [limitOrAll(limit)],
    );
    if (runs.length === 0) return [];
    const sources = await rows<SourceRunResult & { runId: number }>(
      this.pool,
      `SELECT run_id AS "runId", source_id AS "sourceId", outcome, new_count AS "newCount", changed_count AS "changedCount",
        unchanged_count AS "unchangedCount", error_kind AS "errorKind", error_message AS "errorMessage"
        FROM run_sources WHERE run_id = ANY($1::bigint[]) ORDER BY run_id, source_id`,
      [runs.map((r) => r.id)],
    );
    return runs.map((r) => ({
      ...r,
      sources: sources.filter((s) => s.runId === r.id).map(({ runId: _, ...result }) => result),
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  // reader queries
  async listLatestPage(sourceId: string, limit: number, offset: number): Promise<Article[]> {
    return rows<Article>(
      this.pool,
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = $1 ORDER BY a.published_ms DESC, a.number ASC LIMIT $2 OFFSET $3`,
      [sourceId, limitOrAll(limit), offset],
    );
  }

  async listPublishedBetween(fromMs: number, toMs: number, limit: number, offset: number): Promise<Article[]> {
    return rows<Article>(
      this.pool,
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.published_ms >= $1 AND a.published_ms < $2
        ORDER BY a.published_ms DESC, a.id DESC LIMIT $3 OFFSET $4`,
      [fromMs, toMs, limitOrAll(limit), offset],
    );
  }

  async listArticlesAfter(afterId: number, limit: number): Promise<Article[]> {
    return rows<Article>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id > $1 ORDER BY a.id LIMIT $2`, [afterId, limitOrAll(limit)]);
  }

  // list lines (summaries.ts)
  currentBuildMark(): Promise<BuildMark> {
    return this.summaries.currentMark();
  }

  buildMarkIsValid(mark: BuildMark): Promise<boolean> {
    return this.summaries.markIsValid(mark);
  }

  listChangedSince(mark: BuildMark): Promise<ArticleSummary[]> {
    return this.summaries.changedSince(mark);
  }

  listSummariesAfter(afterId: number, limit: number): Promise<ArticleSummary[]> {
    return this.summaries.after(afterId, limit);
  }

  rankInSource(sourceId: string, number: number): Promise<number> {
    return this.summaries.rankInSource(sourceId, number);
  }

  listSourceSlice(sourceId: string, offset: number, limit: number): Promise<ArticleSummary[]> {
    return this.summaries.sourceSlice(sourceId, offset, limit);
  }

  listSummariesPublishedBetween(startMs: number, endMs: number): Promise<ArticleSummary[]> {
    return this.summaries.publishedBetween(startMs, endMs);
  }

  countByDay(): Promise<DayCount[]> {
    return this.summaries.days();
  }

  listLatestSummaries(limit: number, sourceId?: string): Promise<ArticleSummary[]> {
    return this.summaries.latest(limit, sourceId);
  }

  listRemovedSummaries(limit: number): Promise<ArticleSummary[]> {
    return this.summaries.removed(limit);
  }

  listChangedSummaries(limit: number): Promise<ArticleSummary[]> {
    return this.summaries.changed(limit);
  }
}

function first<T>(found: T[]): T | null {
  return found[0] ?? null;
}

// The writes, each on the connection it is given: the pool (one statement) or a transaction's client.

async function saveFeedState(db: Queryable, state: FeedState): Promise<void> {
  await run(
    db,
    `INSERT INTO feed_states (source_id, url, etag, last_modified, last_attempt_ms, last_success_ms, consecutive_failures, last_error,
      newest_item_ms, median_interval_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (source_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
      last_attempt_ms = excluded.last_attempt_ms, last_success_ms = excluded.last_success_ms,
      consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
      newest_item_ms = excluded.newest_item_ms, median_interval_ms = excluded.median_interval_ms`,
    [
      state.sourceId,
      state.url,
      state.etag,
      state.lastModified,
      state.lastAttemptMs,
      state.lastSuccessMs,
      state.consecutiveFailures,
      state.lastError,
      state.newestItemMs,
      state.medianIntervalMs,
    ],
    `store: saving feed state of ${state.sourceId} ${state.url}`,
  );
}

async function saveFetchState(db: Queryable, state: FetchState): Promise<void> {
  const result = await run(
    db,
    `UPDATE sources SET url = $2, configured_url = $3, etag = $4, last_modified = $5, last_attempt_ms = $6, last_success_ms = $7,
      last_new_item_ms = $8, consecutive_failures = $9, last_error = $10 WHERE id = $1`,
    [
      state.sourceId,
      state.url,
      state.configuredUrl,
      state.etag,
      state.lastModified,
      state.lastAttemptMs,
      state.lastSuccessMs,
      state.lastNewItemMs,
      state.consecutiveFailures,
      state.lastError,
    ],
    `store: saving fetch state of ${state.sourceId}`,
  );
  if (result.rowCount === 0) throw new StoreError('constraint', `store: saving fetch state: unknown source "${state.sourceId}"`);
}

async function saveSourceHealth(db: Queryable, health: SourceHealth): Promise<void> {
  await run(
    db,
    `INSERT INTO source_health (source_id, active_url, stale_since_ms, failing_since_ms, selector_misses, selectors_missing_since_ms)
      VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (source_id) DO UPDATE SET active_url = excluded.active_url, stale_since_ms = excluded.stale_since_ms,
      failing_since_ms = excluded.failing_since_ms, selector_misses = excluded.selector_misses,
      selectors_missing_since_ms = excluded.selectors_missing_since_ms`,
    [health.sourceId, health.activeUrl, health.staleSinceMs, health.failingSinceMs, health.selectorMisses, health.selectorsMissingSinceMs],
    `store: saving health of ${health.sourceId}`,
  );
}

async function recordHealthEvent(db: Queryable, event: NewHealthEvent): Promise<HealthEvent> {
  const [row] = await rows<{ id: number }>(
    db,
    `INSERT INTO health_events (source_id, at_ms, kind, feed_url, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [event.sourceId, event.atMs, event.kind, event.feedUrl, event.detail],
    `store: recording a ${event.kind} event of ${event.sourceId}`,
  );
  return { id: row!.id, ...event };
}

async function recordCheck(db: Queryable, check: NewCheck): Promise<Check> {
  const [row] = await rows<{ id: number }>(
    db,
    `INSERT INTO checks (article_id, checked_ms, outcome, http_status, final_url, detail) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [check.articleId, check.checkedMs, check.outcome, check.httpStatus, check.finalUrl, check.detail],
    `store: recording a check of article ${check.articleId}`,
  );
  return { id: row!.id, ...check };
}

async function setNextChecks(db: Queryable, entries: readonly NextCheck[], options: { onlyUnscheduled?: boolean } = {}): Promise<void> {
  // The last entry for an article wins, as one update after another would.
  const byId = new Map(entries.map((entry) => [entry.articleId, entry.atMs]));
  if (byId.size === 0) return;
  await run(
    db,
    `UPDATE articles a SET next_check_ms = v.at FROM unnest($1::bigint[], $2::bigint[]) AS v(id, at) WHERE a.id = v.id` +
      (options.onlyUnscheduled ? ' AND a.next_check_ms IS NULL' : ''),
    [[...byId.keys()], [...byId.values()]],
  );
}

async function setStatus(db: Queryable, articleId: number, status: ArticleStatus, atMs: number): Promise<void> {
  const changed = await run(
    db,
    `UPDATE articles SET status = $1, status_changed_ms = $2, needs_publish = TRUE WHERE id = $3 AND status <> $1`,
    [status, atMs, articleId],
    `store: setting the status of article ${articleId}`,
  );
  if (changed.rowCount === 0) return;
  await run(db, `INSERT INTO status_events (article_id, at_ms, kind) VALUES ($1, $2, $3)`, [articleId, atMs, status === 'removed' ? 'removed' : 'restored']);
}

async function articleId(db: Queryable, ref: ArticleRef): Promise<number> {
  if (typeof ref === 'number') return ref;
  const [row] = await rows<{ id: number }>(db, `SELECT id FROM articles WHERE source_id = $1 AND number = $2`, [ref.sourceId, ref.number]);
  if (!row) throw new StoreError('constraint', `store: no article ${ref.sourceId}/${ref.number}`);
  return row.id;
}

/** The source's counter, locked until the transaction ends: whoever inserts next waits, so numbers stay gapless. */
/** Store.findKnownArticle's three lookups in one statement, each later one only when the earlier found nothing. */
const KNOWN_ARTICLE: Prepared = {
  name: 'nv_known_article',
  text: `WITH k AS (SELECT NULL::text AS "linkFeedUrl", ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = $1 AND a.key = $2),
       l AS (SELECT l.feed_url AS "linkFeedUrl", ${ARTICLE_COLUMNS} FROM article_links l JOIN articles a ON a.id = l.article_id
         JOIN revisions r ON r.id = a.revision_id WHERE l.source_id = $1 AND l.link = $3::text AND NOT EXISTS (SELECT 1 FROM k)),
       u AS (SELECT NULL::text AS "linkFeedUrl", ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.source_id = $1 AND a.url = $4::text
         AND NOT EXISTS (SELECT 1 FROM k) AND NOT EXISTS (SELECT 1 FROM l) ORDER BY a.id LIMIT 1)
       SELECT 'key' AS via, * FROM k UNION ALL SELECT 'link' AS via, * FROM l UNION ALL SELECT 'url' AS via, * FROM u`,
};

async function lockedNextNumber(db: Queryable, sourceId: string): Promise<number> {
  const [row] = await rows<{ next: number }>(db, `SELECT next_number AS next FROM sources WHERE id = $1 FOR UPDATE`, [sourceId]);
  if (!row) throw new StoreError('constraint', `store: unknown source "${sourceId}"`);
  return row.next;
}

/**
 * The next free file number, counting down; skips numbers an import already used. One statement in the usual
 * case (a first cycle pays a round trip per statement per article): the update locks the source's row, as
 * SELECT … FOR UPDATE did, and says whether the number it gave out is taken.
 */
async function takeNumber(db: Queryable, sourceId: string): Promise<number> {
  for (;;) {
    const [row] = await rows<{ number: number; used: boolean }>(
      db,
      {
        name: 'nv_take_number',
        text: `UPDATE sources s SET next_number = next_number - 1 WHERE id = $1
          RETURNING s.next_number + 1 AS number, EXISTS (SELECT 1 FROM articles WHERE source_id = $1 AND number = s.next_number + 1) AS used`,
      },
      [sourceId],
    );
    if (!row) throw new StoreError('constraint', `store: unknown source "${sourceId}"`);
    if (row.number < 0) throw new StoreError('constraint', `store: source "${sourceId}" has run out of file numbers`);
    if (!row.used) return row.number;
  }
}

async function lowerNextNumber(db: Queryable, sourceId: string, used: number): Promise<void> {
  const next = await lockedNextNumber(db, sourceId);
  // An odd number such as the old archive's cdt/0.md must not drag the counter below zero.
  if (used > 0 && used <= next) await run(db, `UPDATE sources SET next_number = $1 WHERE id = $2`, [used - 1, sourceId]);
}

/** A new article, its first revision and its link, in one statement (insertArticle). */
const INSERT_ARTICLE: Prepared = {
  name: 'nv_insert_article',
  text: `WITH rid AS (SELECT nextval(pg_get_serial_sequence('revisions', 'id')) AS id),
     a AS (
       INSERT INTO articles (source_id, number, file_name, key, url, title, author, published_ms, first_seen_ms, revision_id, revision_count)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, rid.id, 1 FROM rid RETURNING id, revision_id
     ),
     r AS (
       INSERT INTO revisions (id, article_id, seq, title, url, content, sha256, fingerprint, seen_ms, seen_where, fetched_url, http_status, etag)
       SELECT a.revision_id, a.id, 1, $6, $5, $10, $11, $12, $13, $14, $15, $16, $17 FROM a
     ),
     l AS (
       INSERT INTO article_links (source_id, link, article_id, feed_url) SELECT $1, $18, a.id, $19 FROM a WHERE $18::text IS NOT NULL
       ON CONFLICT DO NOTHING
     )
     SELECT id, revision_id AS "revisionId" FROM a`,
};

async function insertArticle(db: Queryable, article: NewArticle): Promise<Article> {
  const number = article.number ?? (await takeNumber(db, article.sourceId));
  if (article.number !== undefined) await lowerNextNumber(db, article.sourceId, article.number);
  // The article, its first revision and its link in one statement. The revision's id is drawn first so the article
  // row can point at it; both foreign keys are checked at the statement's end, when both rows exist. A new article
  // has no other revision to number after, so its first is seq 1 without the lock addRevision takes.
  const revision = revisionRow(0, 1, article);
  const [row] = await rows<{ id: number; revisionId: number }>(
    db,
    INSERT_ARTICLE,
    [
      article.sourceId, number, article.fileName ?? null, article.key, article.url, article.title, article.author, article.publishedMs, article.seenMs,
      revision.content, revision.sha256, revision.fingerprint, revision.seenMs, revision.seenWhere, revision.fetchedUrl, revision.httpStatus, revision.etag,
      article.url === null ? null : canonicalLink(article.url), article.feedUrl ?? null,
    ],
    `store: adding article ${article.key} to ${article.sourceId} (number ${number})`,
  );
  return insertedArticle(article, row!.id, number, row!.revisionId);
}

async function addRevision(db: Queryable, articleId: number, revision: NewRevision): Promise<Revision> {
  // The article's row is locked first, so two writers of one article number their revisions one after the other.
  const [article] = await rows<{ id: number }>(db, `SELECT id FROM articles WHERE id = $1 FOR UPDATE`, [articleId]);
  if (!article) throw new StoreError('constraint', `store: adding a revision: no article ${articleId}`);
  const [{ seq } = { seq: 0 }] = await rows<{ seq: number }>(db, `SELECT COALESCE(MAX(seq), 0) AS seq FROM revisions WHERE article_id = $1`, [articleId]);
  const row = revisionRow(articleId, seq + 1, revision);
  const [inserted] = await rows<{ id: number }>(
    db,
    `INSERT INTO revisions (article_id, seq, title, url, content, sha256, fingerprint, seen_ms, seen_where, fetched_url, http_status, etag)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [articleId, row.seq, row.title, row.url, row.content, row.sha256, row.fingerprint, row.seenMs, row.seenWhere, row.fetchedUrl, row.httpStatus, row.etag],
    `store: adding revision ${row.seq} of article ${articleId}`,
  );
  const id = inserted!.id;
  await run(db, `UPDATE articles SET revision_id = $1, revision_count = revision_count + 1, title = $2, url = $3, needs_publish = TRUE WHERE id = $4`, [
    id,
    revision.title,
    revision.url,
    articleId,
  ]);
  if (revision.url !== null && seq > 0) {
    await run(
      db,
      `INSERT INTO article_links (source_id, link, article_id) SELECT source_id, $1, id FROM articles WHERE id = $2 ON CONFLICT DO NOTHING`,
      [canonicalLink(revision.url), articleId],
    );
  }
  return { id, ...row };
}
