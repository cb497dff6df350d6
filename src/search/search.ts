// Running a query: one walk over the matching rowids, newest first, that fills the page and counts.
//
// Bounded cost, and how the time limit is enforced: better-sqlite3 is synchronous and this SQLite build
// has no progress handler (SQLITE_OMIT_PROGRESS_CALLBACK), so a statement cannot be interrupted. Instead
// the work is a stream of small steps (`Statement.iterate`, one candidate rowid per step; FTS5 walks its
// posting lists lazily in rowid order, which is date order) and the clock is checked every CHECK_EVERY
// candidates. The walk stops at the time limit (result.truncated), when the count reaches its cap (total
// becomes null: "more than that"), or, for relevance, when RELEVANCE_WINDOW matches have been read. One
// step can still take as long as FTS5 needs to find the next candidate, bounded by the length of the
// posting lists of the query's tokens (at most MAX_QUERY_CHARS of them).
//
// Queries the index decides alone, newest first (no text to confirm, nothing to rank), take another way,
// exactMatches(): measured at 1,000,000 articles, stepping through 10,001 rowids in JavaScript cost 15–35 ms
// more than counting them inside SQLite (README, "Search at 1,000,000 articles").
import type { Database, Statement } from 'better-sqlite3';
import { confirmation } from './confirm.ts';
import { keyRange, matchExpression } from './match.ts';
import { anyTermRegExp } from './pattern.ts';
import { parseQuery } from './query.ts';
import { Ranker } from './rank.ts';
import { rareTokens } from './rare-tokens.ts';
import { searchHit } from './hit.ts';
import type { DocStatus, ParsedQuery, SearchHit, SearchOptions, SearchResult } from './types.ts';
import { SearchError } from './types.ts';

export const MAX_LIMIT = 100;
export const MAX_OFFSET = 10_000;
/** Matches counted when the index alone decides them (a rowid each); beyond it, total is null. */
export const COUNT_CAP = 10_000;
/**
 * Matches counted when candidates must be confirmed against their text (see confirm.ts): each costs a row
 * read and a GLOB (~10 µs), and for a phrase of common bigrams most candidates fail. Measured at 100,000
 * articles, a cap of 1,000 made "中國政府" take 85 ms (p50); 300 keeps such queries near 25 ms.
 */
export const CONFIRMED_COUNT_CAP = 300;
/**
 * Relevance ranks the newest this-many matches, not every match: ranking reads each match's text into
 * JavaScript (rank.ts), and ranking every match of a common word at 100,000 articles took 16–30 s. It is
 * an approximation of ranking every match, and a poor one once a query has thousands of matches: measured
 * by bench/search.bench.ts (2026-12-02, 100,000 articles), the top 10 shared 0 of 10 with ranking every
 * match for common words, 6 of 10 for a word with 1,031 matches; see the README's performance section.
 */
export const RELEVANCE_WINDOW = 300;
export const DEFAULT_TIME_LIMIT_MS = 1_000;
const MAX_TIME_LIMIT_MS = 10_000;
const CHECK_EVERY = 64;

interface DocRow {
  id: number;
  source: string;
  published: number;
  status: DocStatus;
  title: string;
  text: string;
}

export function checkOptions(options: SearchOptions): SearchError | null {
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

interface Statements {
  doc: Statement;
  page: Statement;
  count: Statement;
  /** Candidate queries by SQL text: a handful of shapes (number of GLOB conditions). */
  candidates: Map<string, Statement>;
}

const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (s === undefined) {
    s = {
      doc: db.prepare('SELECT id, source, published, status, title, text FROM search_docs WHERE key = ?'),
      page: db.prepare(`${candidateSql([])} LIMIT ? OFFSET ?`).pluck(),
      // No ORDER BY: FTS5's own order is ascending, cheaper to walk than descending (40 against 54 ms for
      // 10,001 matches at 1,000,000 articles), and a count capped at COUNT_CAP + 1 is the same either way.
      count: db.prepare(
        'SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ? LIMIT ?)',
      ).pluck(),
      candidates: new Map(),
    };
    cache.set(db, s);
  }
  return s;
}

/** Newest first; FTS5 yields rowids in descending order itself, so no sort happens (checked in tests). */
export function candidateSql(conditions: readonly string[]): string {
  const join = conditions.length > 0 ? ' JOIN search_docs d ON d.key = search_fts.rowid' : '';
  const where = ['search_fts MATCH ?', 'search_fts.rowid BETWEEN ? AND ?', ...conditions].join(' AND ');
  return `SELECT search_fts.rowid FROM search_fts${join} WHERE ${where} ORDER BY search_fts.rowid DESC`;
}

function candidateStatement(db: Database, s: Statements, conditions: readonly string[]): Statement {
  const sql = candidateSql(conditions);
  let stmt = s.candidates.get(sql);
  if (stmt === undefined) {
    stmt = db.prepare(sql).pluck();
    s.candidates.set(sql, stmt);
  }
  return stmt;
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
  const relevance = options.order === 'relevance';
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);

  const s = statements(db);
  const { low, high } = keyRange(parsed);
  const confirm = confirmation(parsed);
  const ranker = relevance ? new Ranker(parsed) : null;
  const confirming = confirm.sql.length > 0 || confirm.accepts !== null;
  const cap = relevance ? RELEVANCE_WINDOW : confirming ? CONFIRMED_COUNT_CAP : COUNT_CAP;
  const expression = matchExpression(parsed, confirm.sql.length > 0 ? rareTokens(db, parsed) : new Map());
  if (!confirming && ranker === null) {
    const found = exactMatches(s, expression, low, high, offset, limit, () => clock() > deadline);
    return result(s, parsed, found.page, new Map(), found.matches, found.stop, started, clock);
  }
  const page: number[] = [];
  const docs = new Map<number, DocRow>();
  let matches = 0;
  let examined = 0;
  let stop: Stop = null;
  const stmt = candidateStatement(db, s, confirm.sql);
  const rows = stmt.iterate(expression, low, high, ...confirm.params) as IterableIterator<number>;
  for (const key of rows) {
    if (matches >= cap) {
      stop = 'cap';
      break; // leaving the loop calls rows.return(), which resets the statement
    }
    examined++;
    if (examined % CHECK_EVERY === 0 && clock() > deadline) {
      stop = 'deadline';
      break;
    }
    if (confirm.accepts !== null || ranker !== null) {
      const doc = s.doc.get(key) as DocRow | undefined;
      if (doc === undefined) continue; // index and docs out of step: skip rather than fail the page
      if (confirm.accepts !== null && !confirm.accepts(doc.title, doc.text)) continue;
      if (ranker !== null) ranker.add(key, doc.title, doc.text);
      else if (matches >= offset && page.length < limit) docs.set(key, doc);
    }
    if (ranker === null && matches >= offset && page.length < limit) page.push(key);
    matches++;
  }

  const keys = ranker === null ? page : ranker.ranked().slice(offset, offset + limit);
  return result(s, parsed, keys, docs, matches, stop, started, clock);
}

type Stop = 'cap' | 'deadline' | null;

/**
 * The page and the count of a query the index decides alone: the page is one LIMIT statement, newest first,
 * and the count a second, count(*) inside SQLite up to COUNT_CAP + 1. A page with fewer rows than asked for
 * has seen every match, so then no count runs. Each statement is one step that cannot be interrupted, bounded
 * like a step of the walk by the posting lists of the query's tokens, so the time limit is checked between
 * the two: past it, the count is skipped and the result says truncated.
 */
function exactMatches(
  s: Statements, expression: string, low: number, high: number, offset: number, limit: number, late: () => boolean,
): { page: number[]; matches: number; stop: Stop } {
  // Not past the cap, as the walk would not go (and as PostgreSQL's search does not).
  const size = Math.max(0, Math.min(limit, COUNT_CAP - offset));
  const page = size === 0 ? [] : (s.page.all(expression, low, high, size, offset) as number[]);
  if (page.length > 0 && page.length < size) return { page, matches: offset + page.length, stop: null };
  if (offset === 0 && page.length === 0) return { page, matches: 0, stop: null };
  if (late()) return { page, matches: page.length === 0 ? 0 : offset + page.length, stop: 'deadline' };
  const counted = s.count.get(expression, low, high, COUNT_CAP + 1) as number;
  return counted > COUNT_CAP ? { page, matches: COUNT_CAP, stop: 'cap' } : { page, matches: counted, stop: null };
}

function result(
  s: Statements, parsed: ParsedQuery, keys: readonly number[], docs: ReadonlyMap<number, DocRow>,
  matches: number, stop: Stop, started: number, clock: () => number,
): SearchResult {
  const pattern = anyTermRegExp(parsed.terms);
  const hits: SearchHit[] = [];
  for (const key of keys) {
    const doc = docs.get(key) ?? (s.doc.get(key) as DocRow | undefined);
    if (doc === undefined) continue;
    hits.push(searchHit(doc, pattern));
  }
  return {
    total: stop === null ? matches : null,
    totalAtLeast: matches,
    hits,
    tookMs: clock() - started,
    truncated: stop === 'deadline',
  };
}
