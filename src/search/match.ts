// From a parsed query to an FTS5 MATCH expression and a rowid (date) range.
//
// Nothing the user typed reaches FTS5 as syntax. Every text term becomes a double-quoted phrase of index
// tokens, and tokens contain only letters and digits (tokenize.ts), so they can hold no quote, star, caret,
// colon, parenthesis or keyword that FTS5 would interpret; AND/OR/NOT/NEAR typed by a user are lower-cased
// words inside quotes. Filters are tokens we generate ourselves (sourceToken, statusToken).
import { sourceToken, statusToken, keySeconds } from './indexer.ts';
import type { ParsedQuery, QueryTerm } from './types.ts';

function phrase(term: QueryTerm): string {
  return `{body title} : "${term.tokens.join(' ')}"`;
}

function anyOf(tokens: readonly string[]): string {
  return `meta : (${tokens.map((t) => `"${t}"`).join(' OR ')})`;
}

/** The MATCH expression for a parsed query. Never empty: a query of only filters matches on the meta column. */
export function matchExpression(query: ParsedQuery): string {
  const positive = query.terms.map(phrase);
  if (query.sources.length > 0) positive.push(anyOf(query.sources.map(sourceToken)));
  if (query.status !== null) positive.push(anyOf([statusToken(query.status)]));
  if (positive.length === 0) positive.push(anyOf([statusToken('live'), statusToken('removed')])); // every document
  let expr = positive.map((p) => `(${p})`).join(' AND ');
  for (const term of query.excluded) expr = `(${expr}) NOT (${phrase(term)})`;
  if (query.excludedSources.length > 0) expr = `(${expr}) NOT (${anyOf(query.excludedSources.map(sourceToken))})`;
  return expr;
}

/** Inclusive rowid bounds for from:/to: (rowids are published seconds, see schema.ts). */
export function keyRange(query: ParsedQuery): { low: number; high: number } {
  return {
    low: query.from === null ? 0 : keySeconds(query.from),
    high: query.to === null ? 2 ** 42 : keySeconds(query.to) - 1,
  };
}
