// Which of a phrase's tokens to ask FTS5 for: the rare ones, when the phrase is confirmed in SQLite anyway.
//
// A term of several tokens (美国总统表示 = 美国 国总 总统 统表 表示) is matched as "documents holding every
// token", then each candidate is confirmed against its text with GLOB (confirm.ts). FTS5 intersects posting
// lists by seeking each list to the next common rowid, and a seek into a common token's list is costly:
// measured at 1,000,000 articles, the five tokens above took 35 ms for 568 candidates, the two rare ones
// (国总, 统表) 1 ms for 592. Every document holding the phrase holds all its tokens, so asking for a subset
// finds a superset of the candidates, and the GLOB, which tests the phrase itself, gives the same answer.
// Only terms confirmed by GLOB are narrowed (a term confirmed in JavaScript or not at all keeps every token).
//
// How rare a token is comes from counting its posting list up to PROBE_LIMIT inside SQLite (about 0.1 µs
// an entry, so at most ~2 ms a token); a token under the limit is rare. A term is narrowed to its rare
// tokens only when it has at least two: one rare token alone can leave up to PROBE_LIMIT candidates to
// confirm, more than the intersection with the common ones costs.
import type { Database, Statement } from 'better-sqlite3';
import { termGlob } from './pattern.ts';
import type { ParsedQuery, QueryTerm } from './types.ts';

export const PROBE_LIMIT = 20_000;
/** Tokens probed per query at most, so a long phrase of common bigrams costs a bounded ~16 ms more. */
export const MAX_PROBES = 8;

const probes = new WeakMap<Database, Statement>();

function probe(db: Database): Statement {
  let stmt = probes.get(db);
  if (stmt === undefined) {
    stmt = db.prepare('SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)').pluck();
    probes.set(db, stmt);
  }
  return stmt;
}

/** For each term worth narrowing, the tokens to match it by; terms not in the map keep all their tokens. */
export function rareTokens(db: Database, query: ParsedQuery, limit = PROBE_LIMIT): Map<QueryTerm, string[]> {
  const narrowed = new Map<QueryTerm, string[]>();
  const counts = new Map<string, number>();
  for (const term of query.terms) {
    const tokens = [...new Set(term.tokens)];
    if (tokens.length < 3 || termGlob(term) === null) continue; // two tokens: nothing to drop that keeps two
    if (tokens.some((t) => !counts.has(t)) && counts.size + tokens.length > MAX_PROBES) continue;
    for (const token of tokens) {
      if (!counts.has(token)) counts.set(token, probe(db).get(`"${token}"`, limit) as number);
    }
    const rare = tokens.filter((t) => (counts.get(t) as number) < limit);
    if (rare.length >= 2 && rare.length < tokens.length) narrowed.set(term, rare);
  }
  return narrowed;
}
