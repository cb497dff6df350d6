// The static site's link policy: every link is a file relative to the page being written (sitePaths and
// relativeLink in paths.ts), so the site works from file://, from any mirror's sub-path and from a
// downloaded folder, without JavaScript. The site has no "today" (nothing is computed when a page is read);
// its search page (search/site/) runs in the browser from a prebuilt index and says what to do without JavaScript.
import type { LinkPolicy, PageContext, PageSource } from '../pages/index.ts';
import { relativeLink, sitePaths } from './paths.ts';

export function siteLinks(fromPath: string): LinkPolicy {
  const to = (path: string): string => relativeLink(fromPath, path);
  return {
    home: to(sitePaths.home),
    style: to(sitePaths.style),
    icon: null,
    outlets: `${to(sitePaths.home)}#outlets`,
    article: (article) => to(sitePaths.article(article.sourceId, article.number)),
    source: (sourceId) => to(sitePaths.sourceIndex(sourceId)),
    day: (day) => to(sitePaths.day(day)),
    stories: (day) => to(sitePaths.stories(day)),
    days: to(sitePaths.days),
    today: null,
    removed: to(sitePaths.removed),
    changed: to(sitePaths.changed),
    health: to(sitePaths.health),
    search: to(sitePaths.search),
    feed: (name) => to(sitePaths.feed(name)),
    sourceFeed: (sourceId) => to(sitePaths.sourceFeed(sourceId)),
  };
}

const FOOTER = '由 newsvault 存档生成 · 本站为静态网页，可整体下载离线阅读。';

/** What every site page shares, bound to the page at `path`. */
export function siteContext(siteTitle: string, sources: ReadonlyMap<string, PageSource>, path: string): PageContext {
  return { siteTitle, footer: FOOTER, sources, links: siteLinks(path) };
}
