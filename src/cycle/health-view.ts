// What the site's health page and health feed show, read from the store for the configured sources.
import type { Source } from '../config/index.ts';
import type { HealthView } from '../publish/site/index.ts';
import type { Store } from '../store/index.ts';

/** Events kept on the page and in the feed. */
export const HEALTH_EVENTS_SHOWN = 200;

export function healthView(store: Store, sources: readonly Source[]): HealthView {
  return {
    sources: sources.map((source) => {
      const state = store.getFetchState(source.id);
      const primary = state && state.configuredUrl === source.url ? state.url : source.url;
      return {
        id: source.id,
        name: source.name,
        feeds: [primary, ...source.fallbacks],
        enabled: source.enabled,
        health: store.getSourceHealth(source.id),
      };
    }),
    events: store.listHealthEvents(HEALTH_EVENTS_SHOWN),
  };
}
