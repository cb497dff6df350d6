// The list pages: home, one outlet's pages, one day, the day index, removed and changed articles.
// Each is a pure function of what the queries returned, so the same archive always renders the same bytes
// (no "generated at" stamp), and an unchanged page is never rewritten.
import { html } from './html-escape.ts';
import { renderPage } from './layout.ts';
import { articleList, type SiteSource } from './list.ts';
import { relativeLink, sitePaths } from './paths.ts';
import type { ArticleSummary, DayCount } from './queries.ts';

export interface SiteContext {
  siteTitle: string;
  sources: ReadonlyMap<string, SiteSource>;
}

export interface OutletSummary {
  source: SiteSource;
  count: number;
  pages: number;
}

export function renderHome(
  context: SiteContext,
  latest: readonly ArticleSummary[],
  outlets: readonly OutletSummary[],
  recentDays: readonly DayCount[],
): string {
  const path = sitePaths.home;
  const link = (to: string): string => relativeLink(path, to);
  const body = html`<h1>${context.siteTitle}</h1>
<p class="muted">中文国际新闻的永久存档：每篇文章的每个版本，以及被原网站删除的文章。</p>
<h2 id="latest">最新文章</h2>
${articleList({ path, sources: context.sources }, latest, { showOutlet: true })}
<h2 id="outlets">各媒体</h2>
<ul class="articles">
${outlets.map(
  (outlet) => html`<li><a href="${link(sitePaths.sourceIndex(outlet.source.id))}">${outlet.source.name}</a> <span class="muted">${outlet.count} 篇</span> · <a href="${link(sitePaths.sourceFeed(outlet.source.id))}">Atom</a></li>\n`,
)}</ul>
<h2 id="days">最近日期</h2>
<ul class="days">
${recentDays.map((day) => html`<li><a href="${link(sitePaths.day(day.day))}">${day.day}</a> <span class="muted">${day.count}</span></li>\n`)}</ul>
<p><a href="${link(sitePaths.days)}">全部日期</a> · <a href="${link(sitePaths.removed)}">已删除的文章</a> · <a href="${link(sitePaths.changed)}">有修改的文章</a></p>`;
  return renderPage({ path, title: context.siteTitle, siteTitle: context.siteTitle, body });
}

/** One page of an outlet; `path` is either the page's own address or the outlet's index.html. */
export function renderSourcePage(
  context: SiteContext,
  source: SiteSource,
  page: number,
  pages: number,
  articles: readonly ArticleSummary[],
  path: string,
): string {
  const link = (to: string): string => relativeLink(path, to);
  // Newer pages have higher numbers; the newest is also index.html.
  const nav = html`<nav class="pages" aria-label="分页">
<a href="${link(sitePaths.sourceIndex(source.id))}">最新</a>
${page < pages ? html`<a href="${link(sitePaths.sourcePage(source.id, page + 1))}" rel="prev">← 较新</a>\n` : ''}${
    page > 1 ? html`<a href="${link(sitePaths.sourcePage(source.id, page - 1))}" rel="next">较旧 →</a>\n` : ''
  }<span class="muted">第 ${page} 页</span>
<a href="${link(sitePaths.sourcePage(source.id, 1))}">最早</a>
</nav>`;
  const newestFirst = [...articles].reverse();
  const body = html`<h1 lang="${source.language ?? 'zh'}">${source.name}</h1>
<p class="muted"><a href="${link(sitePaths.sourceFeed(source.id))}">Atom</a></p>
${nav}
${articleList({ path, sources: context.sources }, newestFirst)}
${nav}`;
  return renderPage({
    path,
    title: page === pages ? source.name : `${source.name} · 第 ${page} 页`,
    siteTitle: context.siteTitle,
    body,
    feeds: [{ title: source.name, path: sitePaths.sourceFeed(source.id) }],
  });
}

export function renderDay(context: SiteContext, day: string, articles: readonly ArticleSummary[]): string {
  const path = sitePaths.day(day);
  const body = html`<h1>${day}</h1>
<p class="muted">按北京时间（UTC+8）计的一天 · 共 ${articles.length} 篇 · <a href="${relativeLink(path, sitePaths.days)}">全部日期</a></p>
${articleList({ path, sources: context.sources }, articles, { showOutlet: true })}`;
  return renderPage({ path, title: day, siteTitle: context.siteTitle, body });
}

export function renderDaysIndex(context: SiteContext, days: readonly DayCount[]): string {
  const path = sitePaths.days;
  const months = new Map<string, DayCount[]>();
  for (const day of days) {
    const month = day.day.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), day]);
  }
  const body = html`<h1>按日期</h1>
<p class="muted">日期为北京时间（UTC+8）。</p>
${[...months].map(
  ([month, list]) => html`<h2>${month}</h2>
<ul class="days">
${list.map((day) => html`<li><a href="${relativeLink(path, sitePaths.day(day.day))}">${day.day.slice(5)}</a> <span class="muted">${day.count}</span></li>\n`)}</ul>\n`,
)}`;
  return renderPage({ path, title: '按日期', siteTitle: context.siteTitle, body });
}

export function renderRemoved(context: SiteContext, articles: readonly ArticleSummary[]): string {
  const path = sitePaths.removed;
  const body = html`<h1>已删除的文章</h1>
<p class="muted">这些文章已从原网站删除（或无法再访问）；时间为发现删除的时间。<a href="${relativeLink(path, sitePaths.feed('removed'))}">Atom</a></p>
${articleList({ path, sources: context.sources }, articles, { showOutlet: true, time: 'removed' })}`;
  return renderPage({
    path,
    title: '已删除的文章',
    siteTitle: context.siteTitle,
    body,
    feeds: [{ title: '已删除的文章', path: sitePaths.feed('removed') }],
  });
}

export function renderChanged(context: SiteContext, articles: readonly ArticleSummary[]): string {
  const path = sitePaths.changed;
  const body = html`<h1>有修改的文章</h1>
<p class="muted">发布后被原网站修改过的文章；时间为发现最新版本的时间。<a href="${relativeLink(path, sitePaths.feed('changed'))}">Atom</a></p>
${articleList({ path, sources: context.sources }, articles, { showOutlet: true, time: 'revised' })}`;
  return renderPage({
    path,
    title: '有修改的文章',
    siteTitle: context.siteTitle,
    body,
    feeds: [{ title: '有修改的文章', path: sitePaths.feed('changed') }],
  });
}
