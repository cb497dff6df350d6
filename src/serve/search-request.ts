// One search request of the reader, shared by the HTML page and the JSON API: the form's parameters
// (q, source, from, to, status, order, page, limit) checked and merged into the search module's query.
import { parseQuery, SearchError, MAX_OFFSET } from '../search/index.ts';
import type { ParsedQuery, SearchOrder, SearchResult } from '../search/index.ts';
import type { SearchIndex } from '../search/types.ts';
import type { SourceRecord } from '../store/index.ts';
import { choiceParam, dayParam, limitParam, optional, pageParam, ParamError } from './params.ts';
import { DAY_MS } from '../time/utc8.ts';

/** Hits per page when the request does not say (the search module's default too). */
export const SEARCH_PAGE_SIZE = 20;

export type StatusFilter = 'live' | 'removed' | 'all';

export interface SearchRequest {
  q: string;
  /** A known source id, as the store spells it. */
  source: string | undefined;
  from: string | undefined;
  to: string | undefined;
  status: StatusFilter | undefined;
  order: SearchOrder | undefined;
  page: number;
  limit: number;
  /** The query with the form's filters applied; null when there is nothing to search for yet. */
  parsed: ParsedQuery | null;
}

function emptyQuery(): ParsedQuery {
  return { terms: [], excluded: [], sources: [], excludedSources: [], from: null, to: null, status: null };
}

/** Reads and checks the parameters. The query text's own errors come back as the search module's SearchError. */
export function readSearchRequest(
  query: (name: string) => string | undefined,
  sources: readonly SourceRecord[],
  defaultLimit: number,
): SearchRequest | ParamError | SearchError {
  const q = query('q')?.trim() ?? '';
  const page = pageParam(query);
  if (page instanceof ParamError) return page;
  const limit = limitParam(query, defaultLimit);
  if (limit instanceof ParamError) return limit;
  if ((page - 1) * limit > MAX_OFFSET) {
    return new ParamError('page', `results beyond the first ${MAX_OFFSET} are not shown; narrow the search instead`);
  }
  const status = choiceParam(query, 'status', ['live', 'removed', 'all'] as const);
  if (status instanceof ParamError) return status;
  const order = choiceParam(query, 'order', ['newest', 'relevance'] as const);
  if (order instanceof ParamError) return order;

  const sourceValue = optional(query, 'source');
  let source: string | undefined;
  if (sourceValue !== undefined) {
    source = sources.find((s) => s.id.toLowerCase() === sourceValue.toLowerCase())?.id;
    if (source === undefined) return new ParamError('source', `no source has the id "${sourceValue.slice(0, 40)}"`);
  }
  const from = optional(query, 'from');
  const fromMs = from === undefined ? null : dayParam('from', from);
  if (fromMs instanceof ParamError) return fromMs;
  const to = optional(query, 'to');
  const toMs = to === undefined ? null : dayParam('to', to);
  if (toMs instanceof ParamError) return toMs;
  if (fromMs !== null && toMs !== null && toMs < fromMs) return new ParamError('to', `${to} is before from (${from})`);

  let parsed: ParsedQuery | null = null;
  if (q !== '') {
    const result = parseQuery(q);
    if (result instanceof SearchError) return result;
    parsed = result;
  }
  const hasFilter = source !== undefined || fromMs !== null || toMs !== null || (status !== undefined && status !== 'all');
  if (parsed === null && hasFilter) parsed = emptyQuery();
  if (parsed !== null) {
    // The form's fields narrow what the query text says: a chosen source replaces any source: in the text.
    if (source !== undefined) parsed.sources = [source.toLowerCase()];
    if (fromMs !== null) parsed.from = fromMs;
    if (toMs !== null) parsed.to = toMs + DAY_MS; // to is inclusive: up to the end of that day
    if (status !== undefined) parsed.status = status === 'all' ? null : status;
    if (parsed.from !== null && parsed.to !== null && parsed.from >= parsed.to) {
      return new ParamError('to', 'the date range is empty (to is before from)');
    }
  }
  return { q, source, from, to, status, order, page, limit, parsed };
}

/** Runs the request against the index within the time budget. */
export function runSearch(index: SearchIndex, request: SearchRequest & { parsed: ParsedQuery }, timeLimitMs: number): Promise<SearchResult | SearchError> {
  return index.search(request.parsed, {
    limit: request.limit,
    offset: (request.page - 1) * request.limit,
    order: request.order ?? 'newest',
    timeLimitMs,
  });
}
