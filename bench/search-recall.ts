// Recall of the bounded relevance ranking: the top 10 search() returns with order 'relevance', against the
// top 10 of the same ranker (src/search/rank.ts) run over every match of the query, which is what
// "relevance over all matches" would return. Used by bench/search.bench.ts; not timed as a target.
import type { Database } from 'better-sqlite3';
import { confirmation } from '../src/search/confirm.ts';
import { keyRange, matchExpression } from '../src/search/match.ts';
import { parseQuery } from '../src/search/query.ts';
import { Ranker } from '../src/search/rank.ts';
import { candidateSql, search } from '../src/search/search.ts';
import { SearchError } from '../src/search/types.ts';

export interface RecallRow {
  query: string;
  /** Every match of the query. */
  matches: number;
  /** |bounded top k ∩ exhaustive top k| / k (k = min(10, matches)). */
  recall: number;
  /** Milliseconds: the bounded search, and ranking every match. */
  boundedMs: number;
  exhaustiveMs: number;
}

/** Keys of every match, best first, ranked exactly as search() ranks its window. */
function rankAll(db: Database, query: string): { keys: number[]; matches: number } {
  const parsed = parseQuery(query);
  if (parsed instanceof SearchError) throw parsed;
  const confirm = confirmation(parsed);
  const { low, high } = keyRange(parsed);
  const doc = db.prepare('SELECT title, text FROM search_docs WHERE key = ?');
  const rows = db.prepare(candidateSql(confirm.sql)).pluck().iterate(matchExpression(parsed), low, high, ...confirm.params) as IterableIterator<number>;
  const ranker = new Ranker(parsed);
  let matches = 0;
  for (const key of rows) {
    const d = doc.get(key) as { title: string; text: string } | undefined;
    if (d === undefined) continue;
    if (confirm.accepts !== null && !confirm.accepts(d.title, d.text)) continue;
    ranker.add(key, d.title, d.text);
    matches++;
  }
  return { keys: ranker.ranked(), matches };
}

export function measureRecall(db: Database, queries: readonly string[], k = 10): RecallRow[] {
  const idOf = db.prepare('SELECT id FROM search_docs WHERE key = ?').pluck();
  return queries.map((query) => {
    let t0 = performance.now();
    const bounded = search(db, query, { order: 'relevance', limit: k, timeLimitMs: 10_000 });
    const boundedMs = performance.now() - t0;
    if (bounded instanceof SearchError) throw bounded;
    t0 = performance.now();
    const all = rankAll(db, query);
    const exhaustiveMs = performance.now() - t0;
    const want = new Set(all.keys.slice(0, k).map((key) => idOf.get(key) as number));
    const got = bounded.hits.filter((h) => want.has(h.id)).length;
    return { query, matches: all.matches, recall: want.size === 0 ? 1 : got / want.size, boundedMs, exhaustiveMs };
  });
}
