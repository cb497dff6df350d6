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
    if (Symbol.iterator in docs) return reindexAll(this.db, docs, options);
    // Documents that come asynchronously (from a store's batches) are gathered a batch at a time, so memory stays bounded.
    const batchSize = options.batchSize ?? 1000;
    reindexAll(this.db, []);
    let count = 0;
    let batch: SearchDocument[] = [];
    const flush = async () => {
      await this.index(batch);
      count += batch.length;
      batch = [];
    };
    for await (const doc of docs) {
      batch.push(doc);
      if (batch.length >= batchSize) {
        await flush();
        options.onProgress?.(count);
      }
    }
    await flush();
    this.db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
    return count;
  }

  async search(query: string | ParsedQuery, options?: SearchOptions): Promise<SearchResult | SearchError> {
    return search(this.db, query, options);
  }
}
