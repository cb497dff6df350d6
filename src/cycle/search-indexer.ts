// Keeps the search index (in the store's own SQLite file) in step with each cycle.
import { documentOf, ensureSearchSchema, indexDocument } from '../search/index.ts';
import type { SearchDocument } from '../search/index.ts';
import type { Article, SqliteDatabase } from '../store/index.ts';
import type { SearchIndex } from '../search/types.ts';

/** One cycle's worth of documents in one transaction: what createSearchIndexer does per batch (and bench/search.bench.ts). */
export function indexBatch(db: SqliteDatabase, docs: Iterable<SearchDocument>): void {
  db.transaction(() => {
    for (const doc of docs) indexDocument(db, doc);
  })();
}

export function createSearchIndexer(db: SqliteDatabase): (articles: readonly Article[]) => void {
  ensureSearchSchema(db);
  return (articles) => {
    indexBatch(db, articles.map(documentOf));
  };
}

/**
 * Keeps any SearchIndex (SQLite's or PostgreSQL's) in step with a cycle: each call queues one batch, in order;
 * `flush` waits for every batch and reports the first that failed. The cycle's indexer callback may not await.
 */
export function createQueuedIndexer(search: SearchIndex): { indexArticles: (articles: readonly Article[]) => void; flush: () => Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  return {
    indexArticles: (articles) => {
      const docs = articles.map(documentOf);
      queue = queue.then(
        () => search.index(docs).then(() => undefined),
      ).catch((error: unknown) => {
        failure ??= error;
      });
    },
    flush: async () => {
      await queue;
      if (failure !== null) throw failure;
    },
  };
}
