// `newsvault run` on an archive with no database first imports the archive, so nothing is duplicated
// or renumbered (DESIGN.md, store).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../config/index.ts';
import type { Article, Store } from '../store/index.ts';

/** Articles handed to the search indexer at a time. */
const BATCH = 500;

export async function importIfEmpty(input: {
  store: Store;
  output: string;
  sources: readonly Source[];
  now: () => Date;
  /** The cycle's search indexer: imported articles are never "pending", so publishing would not index them. */
  indexArticles?: (articles: readonly Article[]) => void | Promise<void>;
  /** The site folder, when the site is published: its publish state is moved to the rebuilt store (reanchor.ts). */
  siteDir?: string | null;
}): Promise<number> {
  if (await input.store.countArticles() > 0) return 0;
  // Only a folder holds articles; anything else there is left for the publish step to report.
  if (!statSync(join(input.output, 'articles'), { throwIfNoEntry: false })?.isDirectory()) return 0;
  // Loaded only here, for the one run that finds an empty store (issue 15: every other run's start-up is spared them).
  const [{ importArchive, rebuildFromManifest }, { reanchorPublishState }, { manifestPosition }] = await Promise.all([
    import('../import/index.ts'),
    import('../publish/site/reanchor.ts'),
    import('../publish/manifest/index.ts'),
  ]);
  // The manifest first: every revision and status event with its original times and identities; then the
  // files it does not know (an old archive's), which importArchive reads as first revisions.
  const rebuilt = await rebuildFromManifest({ store: input.store, dir: input.output, sources: input.sources });
  if (rebuilt && rebuilt.errors.length > 0) {
    // Revisions missing from history would be renumbered if the run went on: stop and say how to get them.
    throw new Error(
      `${rebuilt.errors.slice(0, 3).join('; ')}${rebuilt.errors.length > 3 ? `; and ${rebuilt.errors.length - 3} more` : ''} ` +
        `(a shallow clone lacks them: fetch the full history, e.g. actions/checkout with fetch-depth: 0)`,
    );
  }
  const result = await importArchive({ store: input.store, dir: input.output, sources: input.sources, now: input.now });
  // Imported files are already on disk exactly as they were: nothing to rewrite, except the files whose
  // HTML the archival cleaner changed, which are rewritten with what the store now holds.
  await input.store.markAllPublished();
  await input.store.markUnpublished(result.cleaned);
  // Before anything is fetched: the mark must be the store as the archive left it.
  if (input.siteDir && result.cleaned.length === 0) await reanchorPublishState(input.store, input.siteDir, manifestPosition(input.output));
  if (input.indexArticles) {
    for (let batch = await input.store.listArticlesAfter(0, BATCH); batch.length > 0; batch = await input.store.listArticlesAfter(batch.at(-1)!.id, BATCH)) {
      await input.indexArticles(batch);
    }
  }
  return result.imported + (rebuilt?.articles ?? 0);
}
