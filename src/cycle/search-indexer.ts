// Keeps the search index (in the store's own SQLite file) in step with each cycle.
import { documentOf, ensureSearchSchema, indexDocument } from '../search/index.ts';
import type { SearchDocument } from '../search/index.ts';
import type { Article, SqliteDatabase } from '../store/index.ts';

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
