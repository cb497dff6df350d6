// The list pages: home, one outlet's pages, one day, the day index, removed and changed articles. Each is a
// pure function of the data and the link policy, so the same archive always renders the same bytes (no
// "generated at" stamp), and the static site never rewrites an unchanged page.
import { addDaysUtc8 } from '../../time/utc8.ts';
import { articleList, pagerNav, type ListedArticle, type Pager } from './article-list.ts';
import { html, type SafeHtml } from './html.ts';
import { renderPage } from './layout.ts';
import type { PageContext, PageSource } from './links.ts';

export interface OutletCount {
  source: PageSource;
  count: number;
}

export interface DayCount {
  /** `YYYY-MM-DD` in UTC+8. */
  day: string;
  count: number;
}

export interface HomeInput {
  latest: readonly ListedArticle[];
  outlets: readonly OutletCount[];
  /** The newest days with articles; null where counting them costs too much for a page (the reader). */
  recentDays: readonly DayCount[] | null;
  /** Shown under the heading (the reader's search form). */
  intro?: SafeHtml;
}

export function renderHome(context: PageContext, input: HomeInput): string {
  const { links } = context;
  const feed = (id: string) => links.sourceFeed(id);
  const body = html`<h1>${context.siteTitle}</h1>
<p class="muted">中文国际新闻的永久存档：每篇文章的每个版本，以及被原网站删除的文章。</p>
${input.intro ? html`${input.intro}\n` : ''}<h2 id="latest">最新文章</h2>
${articleList(context, input.latest, { showOutlet: true })}
<h2 id="outlets">各媒体</h2>
<ul class="articles">
${input.outlets.map(
  (outlet) =>
    html`<li><a href="${links.source(outlet.source.id)}">${outlet.source.name}</a> <span class="muted">${outlet.count} 篇</span>${
      feed(outlet.source.id) === null ? '' : html` · <a href="${feed(outlet.source.id)}">Atom</a>`
    }</li>\n`,
)}</ul>
${
  input.recentDays === null
    ? ''
    : html`<h2 id="days">最近日期</h2>
<ul class="days">
${input.recentDays.map((day) => html`<li><a href="${links.day(day.day)}">${day.day}</a> <span class="muted">${day.count}</span></li>\n`)}</ul>
`
}<p>${links.days === null ? '' : html`<a href="${links.days}">全部日期</a> · `}<a href="${links.removed}">已删除的文章</a> · <a href="${links.changed}">有修改的文章</a></p>`;
  return renderPage(context, { title: context.siteTitle, body });
}

export interface SourcePageInput {
  source: PageSource;
  /** Articles of the outlet; null on the static site, whose older pages must not change as it grows. */
  count: number | null;
  /** Newest first. */
  articles: readonly ListedArticle[];
  pager: Pager;
  /** The newest page has the outlet's plain name as its title. */
  newest: boolean;
}

export function renderSourcePage(context: PageContext, input: SourcePageInput): string {
  const { source } = input;
  const feed = context.links.sourceFeed(source.id);
  const nav = pagerNav(input.pager);
  const body = html`<h1 lang="${source.language ?? 'zh'}">${source.name}</h1>
<p class="muted">${[input.count === null ? null : `${input.count} 篇`, feed === null ? null : html`<a href="${feed}">Atom</a>`]
    .filter((fact) => fact !== null)
    .map((fact, index) => html`${index > 0 ? ' · ' : ''}${fact}`)}</p>
${nav}
${articleList(context, input.articles)}
${nav}`;
  return renderPage(context, {
    title: input.newest ? source.name : `${source.name} · 第 ${input.pager.page} 页`,
    body,
    feeds: [{ title: source.name, href: feed }],
  });
}

export interface DayPageInput {
  day: string;
  articles: readonly ListedArticle[];
  /** Articles that day, when the page holds them all; null when it is one page of several. */
  total: number | null;
  /** Links to the day before and after (the reader answers any day; the site has pages only for days with articles). */
  neighbours: boolean;
  pager: Pager | null;
}

export function renderDay(context: PageContext, input: DayPageInput): string {
  const { links } = context;
  const { day } = input;
  const facts = [
    html`按北京时间（UTC+8）计的一天`,
    input.total === null ? null : html`共 ${input.total} 篇`,
    input.neighbours ? html`<a href="${links.day(addDaysUtc8(day, -1))}" rel="prev">← 前一天</a>` : null,
    input.neighbours ? html`<a href="${links.day(addDaysUtc8(day, 1))}" rel="next">后一天 →</a>` : null,
    links.days === null ? null : html`<a href="${links.days}">全部日期</a>`,
    links.stories ? html`<a href="${links.stories(day)}">多方报道</a>` : null,
  ].filter((fact) => fact !== null);
  const body = html`<h1>${day}</h1>
<p class="muted">${facts.map((fact, index) => html`${index > 0 ? ' · ' : ''}${fact}`)}</p>
${articleList(context, input.articles, { showOutlet: true })}${input.pager ? html`\n${pagerNav(input.pager)}` : ''}`;
  return renderPage(context, { title: day, body });
}

export function renderDaysIndex(context: PageContext, days: readonly DayCount[]): string {
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
${list.map((day) => html`<li><a href="${context.links.day(day.day)}">${day.day.slice(5)}</a> <span class="muted">${day.count}</span></li>\n`)}</ul>\n`,
)}`;
  return renderPage(context, { title: '按日期', body });
}

export function renderRemoved(context: PageContext, articles: readonly ListedArticle[]): string {
  const feed = context.links.feed('removed');
  const body = html`<h1>已删除的文章</h1>
<p class="muted">这些文章已从原网站删除（或无法再访问）；时间为发现删除的时间。${feed === null ? '' : html`<a href="${feed}">Atom</a>`}</p>
${articleList(context, articles, { showOutlet: true, time: 'removed' })}`;
  return renderPage(context, { title: '已删除的文章', body, feeds: [{ title: '已删除的文章', href: feed }] });
}

export function renderChanged(context: PageContext, articles: readonly ListedArticle[]): string {
  const feed = context.links.feed('changed');
  const body = html`<h1>有修改的文章</h1>
<p class="muted">发布后被原网站修改过的文章；时间为发现最新版本的时间。${feed === null ? '' : html`<a href="${feed}">Atom</a>`}</p>
${articleList(context, articles, { showOutlet: true, time: 'revised' })}`;
  return renderPage(context, { title: '有修改的文章', body, feeds: [{ title: '有修改的文章', href: feed }] });
}
