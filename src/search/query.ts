// Query syntax, as users of search boxes expect it:
//   words (all must match)   "exact phrase" (also “…” and 「…」)   -exclusion   -"excluded phrase"
//   source:voa  source:voa,rfi  -source:rfa   from:2023-03-01  to:2023-03-31 (calendar days in UTC+8,
//   inclusive; YYYY-MM and YYYY also work)   status:removed | status:live
// Anything else is text: `NEAR(a b)`, `*`, `^`, `foo:bar` and SQL quotes are searched for as written (their
// punctuation is dropped by tokenization) and never reach FTS5 as syntax (see match.ts).
import { fold } from './fold.ts';
import { isSingleCjkCharacter, tokens } from './tokenize.ts';
import type { DocStatus, ParsedQuery, QueryTerm } from './types.ts';
import { SearchError } from './types.ts';
import { UTC8_MS } from '../time/utc8.ts';

/** Longer queries are refused rather than truncated: silently dropping words would change the answer. */
export const MAX_QUERY_CHARS = 256;
/** Words and phrases, included and excluded together: each one is a posting-list walk. */
export const MAX_TERMS = 12;
export const MAX_SOURCES = 20;

const QUOTES = new Set(['"', '“', '”', '「', '」', '『', '』']);
const FILTER_KEYS = new Set(['source', 'from', 'to', 'status']);
const SOURCE_ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

interface RawToken {
  negated: boolean;
  key: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the query into tokens: whitespace separates, quotes group, a leading '-' negates, key:value filters. */
function scan(input: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i] as string)) i++;
    if (i >= n) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < n && !/\s/u.test(input[i + 1] as string)) {
      negated = true;
      i++;
    }
    let key: string | null = null;
    const keyMatch = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i, i + 10));
    if (keyMatch && FILTER_KEYS.has((keyMatch[1] as string).toLowerCase())) {
      key = (keyMatch[1] as string).toLowerCase();
      i += keyMatch[0].length;
    }
    if (QUOTES.has(input[i] as string)) {
      i++;
      const start = i;
      while (i < n && !QUOTES.has(input[i] as string)) i++;
      out.push({ negated, key, value: input.slice(start, i), quoted: true });
      i++; // the closing quote; an unclosed quote runs to the end of the query
    } else {
      const start = i;
      while (i < n && !/\s/u.test(input[i] as string)) i++;
      out.push({ negated, key, value: input.slice(start, i), quoted: false });
    }
  }
  return out;
}

/** Parses YYYY-MM-DD, YYYY-MM or YYYY (also with '/' or '.') as a UTC+8 calendar span [start, end) in epoch ms. */
export function parseDay(value: string): { start: number; end: number } | null {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  const startUtc = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
  const check = new Date(startUtc);
  if (day !== null && check.getUTCDate() !== day) return null; // 2023-02-30
  const endUtc =
    day !== null
      ? startUtc + 86_400_000
      : month !== null
        ? Date.UTC(year, month, 1)
        : Date.UTC(year + 1, 0, 1);
  return { start: startUtc - UTC8_MS, end: endUtc - UTC8_MS };
}

function term(text: string, quoted: boolean): QueryTerm | SearchError | null {
  const folded = fold(text);
  const list = tokens(folded, false);
  if (list.length === 0) return null; // only punctuation: nothing to look for
  if (isSingleCjkCharacter(folded)) {
    return new SearchError(
      'too-short',
      `search: 「${text}」 is a single Chinese character; search for a word of two or more characters`,
    );
  }
  return { text, folded, tokens: list, quoted };
}

function filter(token: RawToken, query: ParsedQuery): SearchError | null {
  const value = token.value.trim();
  switch (token.key) {
    case 'source': {
      const ids = value.toLowerCase().split(',').filter((s) => s !== '');
      if (ids.length === 0 || !ids.every((id) => SOURCE_ID.test(id))) {
        return new SearchError('bad-filter', `search: source:${value} is not a source id (letters, digits, - _ .)`);
      }
      (token.negated ? query.excludedSources : query.sources).push(...ids);
      return null;
    }
    case 'status': {
      const status = value.toLowerCase();
      if (token.negated) return new SearchError('bad-filter', 'search: -status: is not supported; use status:live or status:removed');
      if (status === 'all' || status === 'any') query.status = null;
      else if (status === 'live' || status === 'removed') query.status = status as DocStatus;
      else return new SearchError('bad-filter', `search: status:${value} must be live, removed or all`);
      return null;
    }
    case 'from':
    case 'to': {
      const span = parseDay(value);
      if (span === null || token.negated) {
        return new SearchError('bad-date', `search: ${token.key}:${value} is not a date (YYYY-MM-DD, YYYY-MM or YYYY, UTC+8)`);
      }
      if (token.key === 'from') query.from = span.start;
      else query.to = span.end;
      return null;
    }
    default:
      return null;
  }
}

/** Parses a user's query. Returns a SearchError (not thrown) for anything a user should fix. */
export function parseQuery(input: string): ParsedQuery | SearchError {
  if (typeof input !== 'string') return new SearchError('bad-param', 'search: the query must be a string');
  // NFKC first so full-width operators typed with a Chinese IME work: －排除, ｓｏｕｒｃｅ：ｖｏａ.
  const text = input.normalize('NFKC').trim();
  if (text.length > MAX_QUERY_CHARS) {
    return new SearchError('too-long', `search: query of ${text.length} characters is over the limit of ${MAX_QUERY_CHARS}`);
  }
  const query: ParsedQuery = { terms: [], excluded: [], sources: [], excludedSources: [], from: null, to: null, status: null };
  for (const token of scan(text)) {
    if (token.key !== null) {
      const error = filter(token, query);
      if (error) return error;
      continue;
    }
    const t = term(token.value, token.quoted);
    if (t instanceof SearchError) return t;
    if (t !== null) (token.negated ? query.excluded : query.terms).push(t);
  }
  if (query.terms.length + query.excluded.length > MAX_TERMS) {
    return new SearchError('too-many-terms', `search: more than ${MAX_TERMS} words or phrases`);
  }
  if (query.sources.length + query.excludedSources.length > MAX_SOURCES) {
    return new SearchError('too-many-terms', `search: more than ${MAX_SOURCES} sources`);
  }
  if (query.from !== null && query.to !== null && query.from >= query.to) {
    return new SearchError('bad-date', 'search: from: is after to:');
  }
  const hasFilter =
    query.sources.length > 0 ||
    query.excludedSources.length > 0 || query.from !== null || query.to !== null || query.status !== null;
  if (query.terms.length === 0 && query.excluded.length === 0 && !hasFilter) {
    return new SearchError('empty', 'search: nothing to search for (no letters, digits or Chinese characters)');
  }
  return query;
}
