// How the PostgreSQL store's rows become the store's types: the columns are aliased to the type's field names
// in SQL, so most rows are the value itself.
import type pg from 'pg';
import { StoreError } from '../error.ts';

/** A pool or one checked-out connection (inside a transaction): both run queries. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export const ARTICLE_COLUMNS = `a.id, a.source_id AS "sourceId", a.number, a.file_name AS "fileName", a.key, a.url, a.title, a.author,
  a.published_ms AS "publishedMs", a.first_seen_ms AS "firstSeenMs", a.status, a.status_changed_ms AS "statusChangedMs",
  a.revision_id AS "revisionId", a.revision_count AS "revisionCount", r.content, r.sha256, r.fingerprint, r.seen_where AS "seenWhere"`;
export const ARTICLE_FROM = `articles a JOIN revisions r ON r.id = a.revision_id`;

export const REVISION_COLUMNS = `id, article_id AS "articleId", seq, title, url, content, sha256, fingerprint, seen_ms AS "seenMs",
  seen_where AS "seenWhere", fetched_url AS "fetchedUrl", http_status AS "httpStatus", etag`;

export const CHECK_COLUMNS = `id, article_id AS "articleId", checked_ms AS "checkedMs", outcome, http_status AS "httpStatus",
  final_url AS "finalUrl", detail`;

export const HEALTH_EVENT_COLUMNS = `id, source_id AS "sourceId", at_ms AS "atMs", kind, feed_url AS "feedUrl", detail`;

export const FEED_STATE_COLUMNS = `source_id AS "sourceId", url, etag, last_modified AS "lastModified", last_attempt_ms AS "lastAttemptMs",
  last_success_ms AS "lastSuccessMs", consecutive_failures AS "consecutiveFailures", last_error AS "lastError",
  newest_item_ms AS "newestItemMs", median_interval_ms AS "medianIntervalMs"`;

export const SOURCE_HEALTH_COLUMNS = `source_id AS "sourceId", active_url AS "activeUrl", stale_since_ms AS "staleSinceMs",
  failing_since_ms AS "failingSinceMs", selector_misses AS "selectorMisses", selectors_missing_since_ms AS "selectorsMissingSinceMs"`;

export const FETCH_STATE_COLUMNS = `id AS "sourceId", url, configured_url AS "configuredUrl", etag, last_modified AS "lastModified",
  last_attempt_ms AS "lastAttemptMs", last_success_ms AS "lastSuccessMs", last_new_item_ms AS "lastNewItemMs",
  consecutive_failures AS "consecutiveFailures", last_error AS "lastError"`;

/** SQLite's LIMIT -1 (no limit) as PostgreSQL's LIMIT NULL. */
export function limitOrAll(limit: number | undefined): number | null {
  return limit === undefined || limit < 0 ? null : limit;
}

/**
 * A statement run on every feed item or new article: prepared once per connection under `name` (the driver
 * parses it once; the server keeps its plan), so a first cycle does not pay a parse and a plan per item.
 */
export interface Prepared {
  name: string;
  text: string;
}

/** Runs a query and returns its rows; what the server refused becomes a StoreError with `what` in front. */
export async function rows<T extends pg.QueryResultRow>(db: Queryable, sql: string | Prepared, params: unknown[] = [], what?: string): Promise<T[]> {
  return (await run<T>(db, sql, params, what)).rows;
}

export async function run<T extends pg.QueryResultRow>(db: Queryable, sql: string | Prepared, params: unknown[] = [], what?: string): Promise<pg.QueryResult<T>> {
  try {
    return await (typeof sql === 'string' ? db.query<T>(sql, params) : db.query<T>({ ...sql, values: params }));
  } catch (cause) {
    throw storeError(cause, what);
  }
}

/** SQLSTATE classes: 23 integrity constraint violation, 08 connection exception, 57P server shutting down. */
export function storeError(cause: unknown, what = 'store: a query failed'): unknown {
  if (cause instanceof StoreError) return cause;
  const code = (cause as { code?: unknown }).code;
  const message = cause instanceof Error ? cause.message || String(code ?? cause.name) : String(cause);
  if (typeof code === 'string' && code.startsWith('23')) return new StoreError('constraint', `${what}: ${message}`, { cause });
  if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || /^E[A-Z]+$/.test(code))) {
    return new StoreError('connect', `${what}: lost the database connection: ${message}`, { cause });
  }
  if (cause instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(cause.message)) {
    return new StoreError('connect', `${what}: lost the database connection: ${message}`, { cause });
  }
  return cause;
}
