// What the site's health page and health feed show, read from the store for the configured sources.
import type { Source } from '../config/index.ts';
import type { HealthView } from '../publish/site/index.ts';
import type { Store } from '../store/index.ts';

/** Events kept on the page and in the feed. */
export const HEALTH_EVENTS_SHOWN = 200;

export async function healthView(store: Store, sources: readonly Source[]): Promise<HealthView> {
  return {
    sources: await Promise.all(sources.map(async (source) => {
      const state = await store.getFetchState(source.id);
      const primary = state && state.configuredUrl === source.url ? state.url : source.url;
      return {
        id: source.id,
        name: source.name,
        feeds: [primary, ...source.fallbacks],
        enabled: source.enabled,
        health: await store.getSourceHealth(source.id),
      };
    })),
    events: await store.listHealthEvents(HEALTH_EVENTS_SHOWN),
  };
}
