// Keeps the search index (in the store's own SQLite file) in step with each cycle.
import { documentOf, ensureSearchSchema, indexDocument } from '../search/index.ts';
import type { Article, SqliteDatabase } from '../store/index.ts';

export function createSearchIndexer(db: SqliteDatabase): (articles: readonly Article[]) => void {
  ensureSearchSchema(db);
  return (articles) => {
    db.transaction(() => {
      for (const article of articles) indexDocument(db, documentOf(article));
    })();
  };
}
