// The re-check phase, one for `newsvault run` (run-cycle.ts) and `newsvault check`: the same proxy rule, the same
// cap and the same page reviser, so the two cannot drift (they once did: check sent articles of a source the
// config no longer names past fetch.proxy, straight to the outlet).
import type { Config } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import { runRechecks, type RecheckResult } from '../recheck/index.ts';
import type { Store } from '../store/index.ts';
import type { ContentPipeline } from './content.ts';
import { createPageReviser } from './revise-from-page.ts';

export interface RecheckPhaseDeps {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  now: () => Date;
  /** How a page found edited is turned into a revision (the cycle's full-text pipeline). */
  content: ContentPipeline;
  /**
   * This process's name in the store's re-check leases: every article is re-checked under its lease, by `check`
   * and by a run's re-check phase alike, so two of them at once never check one article twice (Store.claimRecheck).
   */
  holder: string;
  /** Every archived article now, whatever the schedule and the cap (`check --all`). */
  all?: boolean;
  /**
   * Only these sources' articles: on a store several processes share, each re-checks the sources it fetched under
   * its leases this cycle, so no article is re-checked twice in one cycle. Absent: every article (the sole process).
   */
  sourceIds?: readonly string[];
}

/**
 * The proxy a re-check of a source's article goes through: the source's own (config/load.ts has already filled in
 * fetch.proxy where a source names none), else fetch.proxy for an article of a source the config no longer lists.
 * A request's proxy replaces the fetcher's default, so null here would mean "direct" even with fetch.proxy set.
 */
export function recheckProxy(config: Config): (sourceId: string) => string | null {
  const proxies = new Map(config.sources.map((source) => [source.id, source.proxy]));
  return (sourceId) => proxies.get(sourceId) ?? config.fetch.proxy ?? null;
}

export function recheckPhase(deps: RecheckPhaseDeps): Promise<RecheckResult> {
  const { config, store } = deps;
  return runRechecks({
    store,
    fetcher: deps.fetcher,
    now: deps.now,
    all: deps.all ?? false,
    limit: deps.all ? Number.MAX_SAFE_INTEGER : config.recheck.perRun,
    proxyFor: recheckProxy(config),
    lease: { holder: deps.holder },
    ...(deps.sourceIds ? { sourceIds: deps.sourceIds } : {}),
    revise: createPageReviser({ store, content: deps.content, sources: config.sources, now: deps.now, imageProxy: config.imageProxy }),
  });
}
