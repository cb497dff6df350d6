// The reader's link policy: its routes. It has search and a "today" (it knows its clock) but no Atom feeds,
// no day index and no health page: those are the static site's.
import type { LinkPolicy, PageContext, PageSource } from '../publish/pages/index.ts';
import type { SourceRecord } from '../store/index.ts';

export const articleRoute = (id: number): string => `/articles/${id}`;

export function readerLinks(today: string): LinkPolicy {
  return {
    home: '/',
    style: '/static/style.css',
    icon: '/static/icon.svg',
    outlets: '/#outlets',
    article: (article) => articleRoute(article.id),
    source: (sourceId) => `/sources/${encodeURIComponent(sourceId)}`,
    day: (day) => `/days/${day}`,
    stories: (day) => `/stories/${day}`,
    days: null,
    today: `/days/${today}`,
    removed: '/removed',
    changed: '/changed',
    health: null,
    search: '/search',
    feed: () => null,
    sourceFeed: () => null,
  };
}

const FOOTER = '本地阅读器，只读 · 时间为北京时间 (UTC+8)';

/**
 * What every reader page shares. Sources are also found by their id in lower case, since search hits may
 * spell an id differently from the store.
 */
export function readerContext(siteTitle: string, sources: readonly SourceRecord[], today: string): PageContext {
  const map = new Map<string, PageSource>();
  for (const s of sources) map.set(s.id, { id: s.id, name: s.name, language: null });
  for (const s of sources) if (!map.has(s.id.toLowerCase())) map.set(s.id.toLowerCase(), map.get(s.id)!);
  return { siteTitle, footer: FOOTER, sources: map, links: readerLinks(today) };
}
