// Chinese full-text search: 简/繁 folding, a bigram FTS5 index in the store's SQLite file, query parsing.
export { ensureSearchSchema, SCHEMA_VERSION } from './schema.ts';
export type { SchemaState } from './schema.ts';
export { indexBatch, indexDocument, removeDocument, setStatus, reindexAll } from './indexer.ts';
export type { ReindexOptions } from './indexer.ts';
export { parseQuery, MAX_QUERY_CHARS, MAX_TERMS, MAX_SOURCES } from './query.ts';
export { search, MAX_LIMIT, MAX_OFFSET, COUNT_CAP, CONFIRMED_COUNT_CAP, RELEVANCE_WINDOW, DEFAULT_TIME_LIMIT_MS } from './search.ts';
export { htmlToText } from './html-text.ts';
export { documentOf } from './document.ts';
export { fold } from './fold.ts';
export { formatResultsTable } from './table.ts';
export { SearchError } from './types.ts';
export type {
  DocStatus,
  ParsedQuery,
  QueryTerm,
  SearchDocument,
  SearchErrorKind,
  SearchHit,
  SearchOptions,
  SearchOrder,
  SearchResult,
} from './types.ts';
