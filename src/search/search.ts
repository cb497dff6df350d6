// Running a query: one walk over the matching rowids, newest first, that fills the page and counts.
//
// Bounded cost, and how the time limit is enforced: better-sqlite3 is synchronous and this SQLite build
// has no progress handler (SQLITE_OMIT_PROGRESS_CALLBACK), so a statement cannot be interrupted. Instead
// the work is a stream of small steps (`Statement.iterate`, one matching rowid per step; FTS5 walks its
// posting lists lazily in rowid order) and the clock is checked every CHECK_EVERY rows. The walk stops at
// the time limit (result.truncated), at COUNT_CAP rows (total becomes null: "more than 10,000"), or, for
// relevance order, after RELEVANCE_WINDOW rows. One step can still take as long as FTS5 needs to find the
// next match, which is bounded by the length of the query terms' posting lists (MAX_TERMS of them).
import type { Database, Statement } from 'better-sqlite3';
import { keyRange, matchExpression } from './match.ts';
import { parseQuery } from './query.ts';
import { highlightAll, snippet, termPattern } from './snippet.ts';
import type { DocStatus, ParsedQuery, SearchHit, SearchOptions, SearchResult } from './types.ts';
import { SearchError } from './types.ts';

export const MAX_LIMIT = 100;
export const MAX_OFFSET = 10_000;
/** Matches counted before `total` gives up and says null ("more than this"). */
export const COUNT_CAP = 10_000;
/** Relevance ranks (bm25) the newest this-many matches: ranking all of a common word's matches is unbounded. */
export const RELEVANCE_WINDOW = 2_000;
export const DEFAULT_TIME_LIMIT_MS = 1_000;
const MAX_TIME_LIMIT_MS = 10_000;
const CHECK_EVERY = 256;

interface DocRow {
  id: number;
  source: string;
  published: number;
  status: DocStatus;
  title: string;
  text: string;
}

function checkOptions(options: SearchOptions): SearchError | null {
  const { limit = 20, offset = 0, order = 'newest', timeLimitMs = DEFAULT_TIME_LIMIT_MS } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return new SearchError('bad-param', `search: limit must be an integer from 1 to ${MAX_LIMIT}, got ${String(limit)}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    return new SearchError('bad-param', `search: offset must be an integer from 0 to ${MAX_OFFSET}, got ${String(offset)}`);
  }
  if (order !== 'newest' && order !== 'relevance') {
    return new SearchError('bad-param', `search: order must be newest or relevance, got ${String(order)}`);
  }
  if (typeof timeLimitMs !== 'number' || !(timeLimitMs > 0) || timeLimitMs > MAX_TIME_LIMIT_MS) {
    return new SearchError('bad-param', `search: timeLimitMs must be from 1 to ${MAX_TIME_LIMIT_MS}, got ${String(timeLimitMs)}`);
  }
  return null;
}

const sql = {
  newest:
    'SELECT rowid AS key FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC',
  // bm25 weights: body 1, title 4, meta 0 (filters must not move the ranking). bm25 is lower-is-better.
  relevance:
    'SELECT rowid AS key, bm25(search_fts, 1.0, 4.0, 0.0) AS score FROM search_fts ' +
    'WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC',
  doc: 'SELECT id, source, published, status, title, text FROM search_docs WHERE key = ?',
};

interface KeyRow {
  key: number;
  score?: number;
}

interface Walk {
  seen: number;
  /** Every match was visited. */
  exhausted: boolean;
  /** The deadline stopped the walk. */
  truncated: boolean;
}

/** Visits matching rows newest first, up to `cap` rows or the deadline, whichever comes first. */
function walkRows(
  stmt: Statement,
  params: readonly [string, number, number],
  cap: number,
  deadline: number,
  clock: () => number,
  visit: (row: KeyRow, index: number) => void,
): Walk {
  const rows = stmt.iterate(...params) as IterableIterator<KeyRow>;
  let seen = 0;
  let stop: 'cap' | 'deadline' | null = null;
  for (const row of rows) {
    if (seen >= cap) {
      stop = 'cap';
      break; // leaving the loop early calls rows.return(), which resets the statement
    }
    visit(row, seen);
    seen++;
    if (seen % CHECK_EVERY === 0 && clock() > deadline) {
      stop = 'deadline';
      break;
    }
  }
  return { seen, exhausted: stop === null, truncated: stop === 'deadline' };
}

/** Searches the index. Returns a SearchError (never throws one) for a bad query or bad options. */
export function search(db: Database, query: string | ParsedQuery, options: SearchOptions = {}): SearchResult | SearchError {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const bad = checkOptions(options);
  if (bad) return bad;
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  if (parsed instanceof SearchError) return parsed;
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const order = options.order ?? 'newest';
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);

  const { low, high } = keyRange(parsed);
  const expr = matchExpression(parsed);
  const range = [expr, low, high] as const;
  let total: number | null;
  let truncated: boolean;
  const keys: number[] = [];
  if (order === 'newest') {
    const walk = walkRows(db.prepare(sql.newest), range, COUNT_CAP, deadline, clock, (row, i) => {
      if (i >= offset && keys.length < limit) keys.push(row.key);
    });
    total = walk.exhausted ? walk.seen : null;
    truncated = walk.truncated;
  } else {
    const scored: { key: number; score: number }[] = [];
    const walk = walkRows(db.prepare(sql.relevance), range, RELEVANCE_WINDOW, deadline, clock, (row) => {
      scored.push({ key: row.key, score: row.score ?? 0 });
    });
    // Stable sort: equal scores keep the walk's newest-first order.
    scored.sort((a, b) => a.score - b.score);
    for (const s of scored.slice(offset, offset + limit)) keys.push(s.key);
    truncated = walk.truncated;
    total = walk.exhausted ? walk.seen : null;
    if (!walk.exhausted && !walk.truncated) {
      // More matches than the ranking window: count them the cheap way (no bm25), up to COUNT_CAP.
      const count = walkRows(db.prepare(sql.newest), range, COUNT_CAP, deadline, clock, () => {});
      total = count.exhausted ? count.seen : null;
      truncated = count.truncated;
    }
  }

  const pattern = termPattern(parsed.terms);
  const docStmt = db.prepare(sql.doc);
  const hits: SearchHit[] = [];
  for (const key of keys) {
    const doc = docStmt.get(key) as DocRow | undefined;
    if (doc === undefined) continue; // index and docs out of step: skip rather than fail the page
    hits.push({
      id: doc.id,
      source: doc.source,
      title: doc.title,
      published: doc.published,
      status: doc.status,
      titleHtml: highlightAll(doc.title, pattern),
      snippet: snippet(doc.text, pattern),
    });
  }
  return { total, hits, tookMs: clock() - started, truncated };
}
