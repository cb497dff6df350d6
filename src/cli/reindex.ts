// `newsvault reindex`: rebuilds the search index from the store (every article's current revision).
// Also used by `newsvault serve` when the index is missing or was built by another version.
import type { Config } from '../config/index.ts';
import { documentOf } from '../search/document.ts';
import type { SearchDocument, SearchIndex } from '../search/types.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/types.ts';
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
export async function reindexStore(store: Store, search: SearchIndex, onProgress?: (indexed: number) => void): Promise<number> {
  await search.prepare();
  return search.reindexAll(allDocuments(store), { batchSize: BATCH, ...(onProgress ? { onProgress } : {}) });
}

export async function reindexCommand(config: Config, io: CliIo): Promise<number> {
  const { store, search } = await openStore(config);
  try {
    const started = performance.now();
    const count = await reindexStore(store, search, (n) => {
      if (io.isTty) io.stderr(`reindex: ${n} articles…\r`);
    });
    io.stdout(`reindex: indexed ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await store.close();
  }
}
