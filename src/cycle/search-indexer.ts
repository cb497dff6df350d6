// Keeps the search index (SQLite's or PostgreSQL's, behind SearchIndex) in step with each cycle.
import { documentOf } from '../search/document.ts';
import type { Article } from '../store/index.ts';
import type { SearchIndex } from '../search/types.ts';

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
