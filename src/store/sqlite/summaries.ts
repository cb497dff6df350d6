// The SQLite answers to the Store's list-line reads (ArticleSummary: no content) for the static site, the
// Atom feeds and the reader. Every query runs on an index the store already has (articles by source and
// number, by publication time, revisions by id, by status change) except the removed/changed lists and the day counts,
// which scan the articles table once (tens of milliseconds at 200,000 rows).
import type { ArticleSummary, BuildMark, DayCount } from '../types.ts';
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './open.ts';
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

export const SUMMARY_SQL = {
  lastRevision: `SELECT id, sha256 FROM revisions ORDER BY id DESC LIMIT 1`,
  revisionById: `SELECT sha256 FROM revisions WHERE id = ?`,
  // Both read an index (articles_by_status_changed, migration 7): every cycle asks, and a scan of the articles
  // table grows with the archive. As one OR, the planner scanned the table; the two halves of a UNION ALL each
  // seek an index, and IN keeps each article once.
  maxStatus: `SELECT MAX(status_changed_ms) AS ms FROM articles`,
  changedSince: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id IN (SELECT article_id FROM revisions WHERE id > ?
      UNION ALL SELECT id FROM articles WHERE status_changed_ms >= ?) ORDER BY a.id`,
  all: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id > ? ORDER BY a.id LIMIT ?`,
  rank: `SELECT COUNT(*) AS n FROM articles WHERE source_id = ? AND number > ?`,
  slice: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.source_id = ? ORDER BY a.number DESC LIMIT ? OFFSET ?`,
  between: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.published_ms >= ? AND a.published_ms < ?
      ORDER BY a.published_ms DESC, a.id DESC`,
  days: `SELECT (published_ms + ${UTC8_MS}) / ${DAY_MS} AS d, COUNT(*) AS n FROM articles GROUP BY d ORDER BY d DESC`,
  latestAll: `SELECT ${COLUMNS} FROM ${FROM} ORDER BY a.published_ms DESC, a.id DESC LIMIT ?`,
  latestSource: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.source_id = ? ORDER BY a.published_ms DESC, a.id DESC LIMIT ?`,
  removed: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.status = 'removed' ORDER BY a.status_changed_ms DESC, a.id DESC LIMIT ?`,
  changed: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.revision_count > 1 ORDER BY r.seen_ms DESC, a.id DESC LIMIT ?`,
} as const;

type Statement = Database.Statement<unknown[]>;

/** Prepared on first use, so a store that never builds a site pays nothing. */
export class SqliteSummaries {
  private readonly prepared = new Map<keyof typeof SUMMARY_SQL, Statement>();

  constructor(private readonly db: SqliteDatabase) {}

  private statement(name: keyof typeof SUMMARY_SQL): Statement {
    let statement = this.prepared.get(name);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(SUMMARY_SQL[name]);
      this.prepared.set(name, statement);
    }
    return statement;
  }

  private list(name: keyof typeof SUMMARY_SQL, ...params: (string | number)[]): ArticleSummary[] {
    return (this.statement(name).all(...params) as SummaryRow[]).map(toSummary);
  }

  currentMark(): BuildMark {
    const last = this.statement('lastRevision').get() as { id: number; sha256: string } | undefined;
    const status = this.statement('maxStatus').get() as { ms: number | null };
    return { revisionId: last?.id ?? 0, revisionSha256: last?.sha256 ?? '', statusChangedMs: status.ms ?? 0 };
  }

  markIsValid(mark: BuildMark): boolean {
    if (mark.revisionId === 0) return true;
    const row = this.statement('revisionById').get(mark.revisionId) as { sha256: string } | undefined;
    return row?.sha256 === mark.revisionSha256;
  }

  changedSince(mark: BuildMark): ArticleSummary[] {
    return this.list('changedSince', mark.revisionId, mark.statusChangedMs);
  }

  after(afterId: number, limit: number): ArticleSummary[] {
    return this.list('all', afterId, limit);
  }

  rankInSource(sourceId: string, number: number): number {
    return (this.statement('rank').get(sourceId, number) as { n: number }).n;
  }

  sourceSlice(sourceId: string, offset: number, limit: number): ArticleSummary[] {
    return this.list('slice', sourceId, limit, offset);
  }

  publishedBetween(startMs: number, endMs: number): ArticleSummary[] {
    return this.list('between', startMs, endMs);
  }

  days(): DayCount[] {
    return (this.statement('days').all() as { d: number; n: number }[]).map((row) => ({
      day: new Date(row.d * DAY_MS).toISOString().slice(0, 10),
      count: row.n,
    }));
  }

  latest(limit: number, sourceId?: string): ArticleSummary[] {
    return sourceId === undefined ? this.list('latestAll', limit) : this.list('latestSource', sourceId, limit);
  }

  removed(limit: number): ArticleSummary[] {
    return this.list('removed', limit);
  }

  changed(limit: number): ArticleSummary[] {
    return this.list('changed', limit);
  }
}
