// The SQLite search index (the FTS5 tables in the store's own file, src/search) behind the asynchronous
// SearchIndex interface, so the commands and the reader use one index whichever engine holds the store
// (store/postgres/search-index.ts). Made from a SqliteStore by sqliteSearchIndex: the handle stays in this folder.
import { indexBatch, reindexAll, removeDocument, setStatus } from '../../search/indexer.ts';
import { ensureSearchSchema } from '../../search/schema.ts';
import { search } from '../../search/search.ts';
import type {
  DocStatus,
  ParsedQuery,
  ReindexProgress,
  SearchDocument,
  SearchError,
  SearchIndex,
  SearchIndexState,
  SearchOptions,
  SearchResult,
} from '../../search/types.ts';
import type { SqliteDatabase } from './open.ts';
import { sqliteHandle, type SqliteStore } from './store.ts';

/** The search index in the store's file (ensure it with prepare() before the first index or search). */
export function sqliteSearchIndex(store: SqliteStore): SearchIndex {
  return new SqliteSearchIndex(sqliteHandle(store));
}

class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: SqliteDatabase) {}

  async prepare(): Promise<SearchIndexState> {
    return ensureSearchSchema(this.db);
  }

  async index(docs: readonly SearchDocument[]): Promise<number> {
    return indexBatch(this.db, docs);
  }

  async removeDocument(id: number): Promise<boolean> {
    return removeDocument(this.db, id);
  }

  async setStatus(id: number, status: DocStatus): Promise<boolean> {
    return setStatus(this.db, id, status);
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM search_docs').get() as { n: number }).n;
  }

  async reindexAll(docs: Iterable<SearchDocument> | AsyncIterable<SearchDocument>, options: ReindexProgress = {}): Promise<number> {
    return reindexAll(this.db, docs, options);
  }

  async search(query: string | ParsedQuery, options?: SearchOptions): Promise<SearchResult | SearchError> {
    return search(this.db, query, options);
  }
}
