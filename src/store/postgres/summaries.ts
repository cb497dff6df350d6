// The PostgreSQL answers to the Store's list-line reads (ArticleSummary: no content) for the static site, the
// Atom feeds and the reader: the same queries and orders as sqlite/summaries.ts, in PostgreSQL's terms.
import type { ArticleSummary, BuildMark, DayCount } from '../types.ts';
import { DAY_MS, UTC8_MS } from '../../time/utc8.ts';
import { rows, type Queryable } from './rows.ts';

interface SummaryRow extends Omit<ArticleSummary, 'revisedMs'> {
  revisedMs: number | null;
}

const COLUMNS = `a.id, a.source_id AS "sourceId", a.number, a.title, a.url, a.author, a.published_ms AS "publishedMs", a.status,
  a.status_changed_ms AS "statusChangedMs", a.revision_count AS "revisionCount", r.seen_ms AS "revisedMs"`;
const FROM = `articles a LEFT JOIN revisions r ON r.id = a.revision_id`;

function toSummary(row: SummaryRow): ArticleSummary {
  return { ...row, revisedMs: row.revisedMs ?? row.publishedMs };
}

const SQL = {
  lastRevision: `SELECT id, sha256 FROM revisions ORDER BY id DESC LIMIT 1`,
  revisionById: `SELECT sha256 FROM revisions WHERE id = $1`,
  // As on SQLite (sqlite/summaries.ts): both read articles_by_status_changed (migration 7), not the whole table.
  maxStatus: `SELECT MAX(status_changed_ms) AS ms FROM articles`,
  changedSince: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id IN (SELECT article_id FROM revisions WHERE id > $1
      UNION ALL SELECT id FROM articles WHERE status_changed_ms >= $2) ORDER BY a.id`,
  all: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
  rank: `SELECT COUNT(*) AS n FROM articles WHERE source_id = $1 AND number > $2`,
  slice: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.source_id = $1 ORDER BY a.number DESC LIMIT $2 OFFSET $3`,
  between: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.published_ms >= $1 AND a.published_ms < $2
      ORDER BY a.published_ms DESC, a.id DESC`,
  // BIGINT division truncates toward zero, as SQLite's integer division does.
  days: `SELECT (published_ms + ${UTC8_MS}) / ${DAY_MS} AS d, COUNT(*) AS n FROM articles GROUP BY d ORDER BY d DESC`,
  latestAll: `SELECT ${COLUMNS} FROM ${FROM} ORDER BY a.published_ms DESC, a.id DESC LIMIT $1`,
  latestSource: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.source_id = $1 ORDER BY a.published_ms DESC, a.id DESC LIMIT $2`,
  removed: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.status = 'removed' ORDER BY a.status_changed_ms DESC, a.id DESC LIMIT $1`,
  changed: `SELECT ${COLUMNS} FROM ${FROM} WHERE a.revision_count > 1 ORDER BY r.seen_ms DESC, a.id DESC LIMIT $1`,
} as const;

export class PostgresSummaries {
  constructor(private readonly db: Queryable) {}

  private async list(name: keyof typeof SQL, ...params: unknown[]): Promise<ArticleSummary[]> {
    return (await rows<SummaryRow>(this.db, SQL[name], params)).map(toSummary);
  }

  async currentMark(): Promise<BuildMark> {
    const [last] = await rows<{ id: number; sha256: string }>(this.db, SQL.lastRevision);
    const [status] = await rows<{ ms: number | null }>(this.db, SQL.maxStatus);
    return { revisionId: last?.id ?? 0, revisionSha256: last?.sha256 ?? '', statusChangedMs: status?.ms ?? 0 };
  }

  async markIsValid(mark: BuildMark): Promise<boolean> {
    if (mark.revisionId === 0) return true;
    const [row] = await rows<{ sha256: string }>(this.db, SQL.revisionById, [mark.revisionId]);
    return row?.sha256 === mark.revisionSha256;
  }

  changedSince(mark: BuildMark): Promise<ArticleSummary[]> {
    return this.list('changedSince', mark.revisionId, mark.statusChangedMs);
  }

  after(afterId: number, limit: number): Promise<ArticleSummary[]> {
    return this.list('all', afterId, limit);
  }

  async rankInSource(sourceId: string, number: number): Promise<number> {
    return (await rows<{ n: number }>(this.db, SQL.rank, [sourceId, number]))[0]!.n;
  }

  sourceSlice(sourceId: string, offset: number, limit: number): Promise<ArticleSummary[]> {
    return this.list('slice', sourceId, limit, offset);
  }

  publishedBetween(startMs: number, endMs: number): Promise<ArticleSummary[]> {
    return this.list('between', startMs, endMs);
  }

  async days(): Promise<DayCount[]> {
    return (await rows<{ d: number; n: number }>(this.db, SQL.days)).map((row) => ({
      day: new Date(row.d * DAY_MS).toISOString().slice(0, 10),
      count: row.n,
    }));
  }

  latest(limit: number, sourceId?: string): Promise<ArticleSummary[]> {
    return sourceId === undefined ? this.list('latestAll', limit) : this.list('latestSource', sourceId, limit);
  }

  removed(limit: number): Promise<ArticleSummary[]> {
    return this.list('removed', limit);
  }

  changed(limit: number): Promise<ArticleSummary[]> {
    return this.list('changed', limit);
  }
}
