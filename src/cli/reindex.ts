// `newsvault reindex`: rebuilds the search index from the store (every article's current revision).
// Also used by `newsvault serve` when the index is missing or was built by another version.
import type { Database } from 'better-sqlite3';
import type { Config } from '../config/index.ts';
import { documentOf } from '../search/document.ts';
import { ensureSearchSchema, reindexAll } from '../search/index.ts';
import type { SearchDocument } from '../search/index.ts';
import { SqliteStore, type Store } from '../store/index.ts';
import type { CliIo } from './io.ts';

/** Articles read per store query while rebuilding: memory stays bounded whatever the archive's size. */
const BATCH = 500;

async function* allDocuments(store: Store): AsyncGenerator<SearchDocument> {
  let after = 0;
  for (;;) {
    const batch = await store.listArticlesAfter(after, BATCH);
    for (const article of batch) yield documentOf(article);
    const last = batch.at(-1);
    if (last === undefined || batch.length < BATCH) return;
    after = last.id;
  }
}

/** Empties the index and indexes every article again. Returns how many were indexed. */
export async function reindexStore(store: Store, db: Database, onProgress?: (indexed: number) => void): Promise<number> {
  ensureSearchSchema(db);
  return reindexAll(db, allDocuments(store), { batchSize: BATCH, ...(onProgress ? { onProgress } : {}) });
}

/** How many documents the index holds, to tell whether it has fallen behind the store. */
export function indexedCount(db: Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM search_docs').get() as { n: number }).n;
}

export async function reindexCommand(config: Config, io: CliIo): Promise<number> {
  const store = SqliteStore.open(config.database);
  try {
    const started = performance.now();
    const count = await reindexStore(store, store.db, (n) => {
      if (io.isTty) io.stderr(`reindex: ${n} articles…\r`);
    });
    io.stdout(`reindex: indexed ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await store.close();
  }
}
