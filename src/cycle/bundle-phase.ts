// After the commit: the archive's monthly git bundle in the site's offline folder (git/bundle.ts), remade only
// when the month changed. The site lists it at the next publish. A failure is a warning: the archive, its
// commit and push are done, and next hour tries again.
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { refreshBundle, type BundleResult } from '../git/index.ts';
import { BUNDLE_DIR } from '../publish/site/offline-bundle.ts';

export async function bundlePhase(config: Config, nowMs: number): Promise<{ bundle: BundleResult | null; warnings: string[] }> {
  if (!config.git.commit || !config.site.enabled) return { bundle: null, warnings: [] };
  const bundle = await refreshBundle({ repo: config.output, dir: join(config.site.dir, BUNDLE_DIR), nowMs });
  return { bundle, warnings: bundle.kind === 'failed' ? [bundle.message] : [] };
}
