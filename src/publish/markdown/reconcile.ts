// Before publishing, the store's record of what it wrote is compared with what the checkout holds (git
// blob ids from its index, so nothing is read from disk): an article file that is missing or different
// (a fresh checkout where the last run's commit never reached the remote, a file edited by hand) is
// marked to be written again, and a list that differs makes its source's lists rewritten.
import type { Store } from '../../store/types.ts';
import { articleFilePath } from '../../archive-format/markdown.ts';
import { listPath, type MarkdownSource } from './writer.ts';

const BATCH = 5000;

export interface ReconcileResult {
  /** Articles whose file the checkout lacks or holds differently: written again by this publish. */
  rewritten: number;
  /** Sources whose list the checkout lacks or holds differently. */
  touchedSources: string[];
}

export async function reconcileWithCheckout(store: Store, checkout: ReadonlyMap<string, string>, sources: readonly MarkdownSource[]): Promise<ReconcileResult> {
  const stale: number[] = [];
  const adopted: { id: number; fileBlob: string }[] = [];
  for (let batch = await store.listPublishedBlobs(BATCH); batch.length > 0; batch = await store.listPublishedBlobs(BATCH, batch.at(-1)!.id)) {
    for (const row of batch) {
      const held = checkout.get(articleFilePath(row));
      // Imported files were never written by us: what the checkout holds is what was imported.
      if (row.fileBlob === null && held !== undefined) adopted.push({ id: row.id, fileBlob: held });
      else if (held !== row.fileBlob) stale.push(row.id);
    }
  }
  // Each is one transaction; a stop between the two leaves what the next reconcile finds again.
  await store.recordPublished(adopted);
  await store.markUnpublished(stale);
  const byList = new Map(sources.map((source) => [listPath(source), source.id]));
  const touchedSources: string[] = [];
  const written = await store.publishedFiles();
  for (const [path, blob] of written) {
    const sourceId = byList.get(path);
    if (sourceId !== undefined && checkout.get(path) !== blob) touchedSources.push(sourceId);
  }
  // A list never written by this store (an archive just imported): write it once, linking the files as named.
  for (const source of sources) {
    if (!written.has(listPath(source)) && await store.countArticles(source.id) > 0) touchedSources.push(source.id);
  }
  return { rewritten: stale.length, touchedSources };
}
