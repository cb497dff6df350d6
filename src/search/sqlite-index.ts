// The SQLite search index (the FTS5 tables in the store's own file) behind the asynchronous SearchIndex
// interface, so the commands use one index whichever engine holds the store (store/postgres/search-index.ts).
import type { Database } from 'better-sqlite3';
import { indexDocument, reindexAll, removeDocument, setStatus } from './indexer.ts';
import { ensureSearchSchema } from './schema.ts';
import { search } from './search.ts';
import type { DocStatus, ParsedQuery, ReindexProgress, SearchDocument, SearchError, SearchIndex, SearchIndexState, SearchOptions, SearchResult } from './types.ts';

export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Database) {}

  async prepare(): Promise<SearchIndexState> {
    return ensureSearchSchema(this.db);
  }

  async index(docs: readonly SearchDocument[]): Promise<number> {
    return this.db.transaction(() => docs.filter((doc) => indexDocument(this.db, doc)).length)();
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
