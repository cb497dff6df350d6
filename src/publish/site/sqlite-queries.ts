// SiteQueries answered from the SQLite store's database. Every query runs on an index the store already
// has (articles by source and number, by publication time, revisions by id) except the removed/changed
// lists and the day counts, which scan the articles table once (tens of milliseconds at 200,000 rows).
import type { Article, Revision, Store } from '../../store/types.ts';
import type { SqliteDatabase } from '../../store/sqlite/open.ts';
import type { ArticleSummary, BuildMark, DayCount, SiteQueries } from './queries.ts';
import { DAY_MS, UTC8_MS } from '../../time/utc8.ts';

interface SummaryRow {
  id: number;
  source_id: string;
  number: number;
  title: string;
  url: string | null;
  author: string | null;
  published_ms: number;
  status: ArticleSummary['status'];
  status_changed_ms: number | null;
  revision_count: number;
  revised_ms: number | null;
}

const COLUMNS = `a.id, a.source_id, a.number, a.title, a.url, a.author, a.published_ms, a.status, a.status_changed_ms,
  a.revision_count, r.seen_ms AS revised_ms`;
const FROM = `articles a LEFT JOIN revisions r ON r.id = a.revision_id`;

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    sourceId: row.source_id,
    number: row.number,
    title: row.title,
    url: row.url,
    author: row.author,
    publishedMs: row.published_ms,
    status: row.status,
    statusChangedMs: row.status_changed_ms,
    revisionCount: row.revision_count,
    revisedMs: row.revised_ms ?? row.published_ms,
  };
}

export function createSqliteSiteQueries(db: SqliteDatabase, store: Store): SiteQueries {
  const prepare = (sql: string) => db.prepare(sql);
  const q = {
    lastRevision: prepare(`SELECT id, sha256 FROM revisions ORDER BY id DESC LIMIT 1`),
    revisionById: prepare(`SELECT sha256 FROM revisions WHERE id = ?`),
    maxStatus: prepare(`SELECT MAX(status_changed_ms) AS ms FROM articles`),
    changedSince: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id IN (SELECT article_id FROM revisions WHERE id > ?)
      OR a.status_changed_ms >= ? ORDER BY a.id`),
    all: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id > ? ORDER BY a.id LIMIT ?`),
    countSource: prepare(`SELECT COUNT(*) AS n FROM articles WHERE source_id = ?`),
    rank: prepare(`SELECT COUNT(*) AS n FROM articles WHERE source_id = ? AND number > ?`),
    slice: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.source_id = ? ORDER BY a.number DESC LIMIT ? OFFSET ?`),
    between: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.published_ms >= ? AND a.published_ms < ?
      ORDER BY a.published_ms DESC, a.id DESC`),
    days: prepare(`SELECT (published_ms + ${UTC8_MS}) / ${DAY_MS} AS d, COUNT(*) AS n FROM articles GROUP BY d ORDER BY d DESC`),
    latestAll: prepare(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY a.published_ms DESC, a.id DESC LIMIT ?`),
    latestSource: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.source_id = ? ORDER BY a.published_ms DESC, a.id DESC LIMIT ?`),
    removed: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.status = 'removed' ORDER BY a.status_changed_ms DESC, a.id DESC LIMIT ?`),
    changed: prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.revision_count > 1 ORDER BY r.seen_ms DESC, a.id DESC LIMIT ?`),
  };
  const summaries = (rows: unknown[]): ArticleSummary[] => (rows as SummaryRow[]).map(toSummary);

  return {
    currentMark(): BuildMark {
      const last = q.lastRevision.get() as { id: number; sha256: string } | undefined;
      const status = q.maxStatus.get() as { ms: number | null };
      return { revisionId: last?.id ?? 0, revisionSha256: last?.sha256 ?? '', statusChangedMs: status.ms ?? 0 };
    },
    markIsValid(mark) {
      if (mark.revisionId === 0) return true;
      const row = q.revisionById.get(mark.revisionId) as { sha256: string } | undefined;
      return row?.sha256 === mark.revisionSha256;
    },
    changedSince: (mark) => summaries(q.changedSince.all(mark.revisionId, mark.statusChangedMs)),
    allArticles: (afterId, limit) => summaries(q.all.all(afterId, limit)),
    countSource: (sourceId) => (q.countSource.get(sourceId) as { n: number }).n,
    rankInSource: (sourceId, number) => (q.rank.get(sourceId, number) as { n: number }).n,
    sourceSlice: (sourceId, offset, limit) => summaries(q.slice.all(sourceId, limit, offset)),
    publishedBetween: (startMs, endMs) => summaries(q.between.all(startMs, endMs)),
    days(): DayCount[] {
      return (q.days.all() as { d: number; n: number }[]).map((row) => ({
        day: new Date(row.d * DAY_MS).toISOString().slice(0, 10),
        count: row.n,
      }));
    },
    latest: (limit, sourceId) =>
      summaries(sourceId === undefined ? q.latestAll.all(limit) : q.latestSource.all(sourceId, limit)),
    removed: (limit) => summaries(q.removed.all(limit)),
    changed: (limit) => summaries(q.changed.all(limit)),
    article: (id): Article | null => store.getArticle(id),
    revisions: (articleId): Revision[] => store.listRevisions(articleId),
  };
}

/** The site's queries for a store, when the store can answer them (today: the SQLite store). */
export function siteQueriesFor(store: Store): SiteQueries {
  const db = (store as Store & { db?: SqliteDatabase }).db;
  if (!db || typeof db.prepare !== 'function') {
    throw new Error('site: this store cannot answer the site queries (only the SQLite store can, for now)');
  }
  return createSqliteSiteQueries(db, store);
}
