// From a parsed query to an FTS5 MATCH expression, a rowid (date) range, and what candidates must pass.
//
// Nothing the user typed reaches FTS5 as syntax. Every token is double-quoted, and tokens contain only
// letters and digits (tokenize.ts), so they hold no quote, star, caret, colon, parenthesis or operator;
// AND/OR/NOT/NEAR typed by a user are lower-cased words inside quotes. Filters are meta tokens we
// generate (indexer.ts). The index has no positions (detail=none, see schema.ts), so the expression asks
// for documents holding every token of every term; terms of more than one token are then confirmed
// against the text (confirm.ts).
import { keyOf, MAX_KEY, sourceToken, statusToken } from './indexer.ts';
import type { ParsedQuery, QueryTerm } from './types.ts';

function quoted(token: string): string {
  return `"${token}"`;
}

function allOf(term: QueryTerm, narrowed: ReadonlyMap<QueryTerm, readonly string[]>): string {
  return [...new Set(narrowed.get(term) ?? term.tokens)].map(quoted).join(' AND ');
}

function anyOf(tokens: readonly string[]): string {
  return tokens.map(quoted).join(' OR ');
}

/** True when the index alone decides the term (a single token: a two-character word, one Latin word). */
export function exact(term: QueryTerm): boolean {
  return term.tokens.length === 1;
}

/**
 * The MATCH expression for a parsed query. Never empty: a query of only filters matches on meta tokens.
 * `narrowed` gives, for terms confirmed against the text anyway, the subset of tokens to match them by
 * (rare-tokens.ts); other terms need every token.
 */
export function matchExpression(query: ParsedQuery, narrowed: ReadonlyMap<QueryTerm, readonly string[]> = new Map()): string {
  const positive = query.terms.map((term) => allOf(term, narrowed));
  if (query.sources.length > 0) positive.push(anyOf(query.sources.map(sourceToken)));
  if (query.status !== null) positive.push(quoted(statusToken(query.status)));
  if (positive.length === 0) positive.push(anyOf([statusToken('live'), statusToken('removed')])); // every document
  let expr = positive.map((p) => `(${p})`).join(' AND ');
  // Only single-token exclusions can be decided by the index: a document holding both bigrams of 近平
  // somewhere does not necessarily hold the phrase. Longer exclusions are checked by confirm.ts.
  for (const term of query.excluded) if (exact(term)) expr = `(${expr}) NOT ${quoted(term.tokens[0] as string)}`;
  if (query.excludedSources.length > 0) expr = `(${expr}) NOT (${anyOf(query.excludedSources.map(sourceToken))})`;
  return expr;
}

/** Inclusive rowid bounds for from:/to: (rowids are published seconds, see schema.ts). */
export function keyRange(query: ParsedQuery): { low: number; high: number } {
  return {
    low: query.from === null ? 0 : keyOf(query.from),
    high: query.to === null ? MAX_KEY : keyOf(query.to) - 1,
  };
}
