// Before publishing: the archive's monthly git bundle in the site's offline folder (git/bundle.ts), of the
// archive's HEAD as it stands (the previous cycle's commit), handed to the publish so the offline page that lists
// it is written and committed in this same cycle. Only in a cycle with something to publish (articles new,
// changed or re-marked since the last publish): a cycle with nothing new writes nothing and commits nothing,
// the first one of a month too; the month's bundle comes with the first cycle that has news. A cycle with news
// in a month that already has its bundle just describes it (the page lists it again, unchanged, or lists it
// for the first time after a run killed between making it and publishing). A failure is a warning: the
// archive is what matters, and the next cycle tries again.
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { refreshBundle } from '../git/index.ts';
import { BUNDLE_DIR, type ListedBundle } from '../publish/site/offline-bundle.ts';
import type { Store } from '../store/index.ts';

export interface BundlePhaseResult {
  /** The bundle for the offline page; absent: the page keeps what it lists. */
  bundle?: ListedBundle;
  warnings: string[];
}

export async function bundlePhase(config: Config, store: Store, nowMs: number): Promise<BundlePhaseResult> {
  if (!config.git.commit || !config.site.enabled) return { warnings: [] };
  if ((await store.pendingPublish(1)).length === 0) return { warnings: [] };
  const result = await refreshBundle({ repo: config.output, dir: join(config.site.dir, BUNDLE_DIR), nowMs });
  if (result.kind === 'failed') return { warnings: [result.message] };
  if (result.kind === 'empty') return { warnings: [] };
  return { bundle: result.bundle, warnings: [] };
}
