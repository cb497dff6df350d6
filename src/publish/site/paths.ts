// Where each page lives inside the site folder, and how one page links to another.
// Every link is relative ("../../sources/voa/index.html") so the site works from file://, from any
// mirror's sub-path and from a downloaded folder; links to a folder name its index.html explicitly,
// because file:// has no directory index.
//
// Pagination: a source's articles are cut into pages counted from the OLDEST, in archive order (the
// file number, which counts down as articles arrive). An arriving article always lands on the last
// page, so pages 1…N-1 never change when the archive grows; `index.html` shows the newest page and
// `page-N.html` holds the same list under a stable address.

export const sitePaths = {
  home: 'index.html',
  style: 'style.css',
  removed: 'removed.html',
  changed: 'changed.html',
  /** Source health: which feed each source reads, stale and failing sources, recent health events. */
  health: 'health.html',
  /** Written by search/site (the index and its script live in search/). */
  search: 'search.html',
  days: 'days/index.html',
  state: '.state.json',
  article: (sourceId: string, number: number): string => `articles/${sourceId}/${number}.html`,
  sourceIndex: (sourceId: string): string => `sources/${sourceId}/index.html`,
  sourcePage: (sourceId: string, page: number): string => `sources/${sourceId}/page-${page}.html`,
  day: (day: string): string => `days/${day}.html`,
  stories: (day: string): string => `stories/${day}.html`,
  feed: (name: 'all' | 'removed' | 'changed' | 'health'): string => `feeds/${name}.atom`,
  /** Outlet feeds sit one folder down so an outlet called "all" cannot collide with the site feeds. */
  sourceFeed: (sourceId: string): string => `feeds/sources/${sourceId}.atom`,
};

/** A link from the page at `from` to the page at `to`, both relative to the site root. */
export function relativeLink(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  return '../'.repeat(fromDirs.length - common) + toParts.slice(common).join('/');
}

/** Pages hold articles [(page-1)·size, page·size) counted from the oldest; page numbers start at 1. */
export function pageOfRank(rankFromOldest: number, pageSize: number): number {
  return Math.floor(rankFromOldest / pageSize) + 1;
}

export function pageCount(articles: number, pageSize: number): number {
  return Math.max(1, Math.ceil(articles / pageSize));
}
