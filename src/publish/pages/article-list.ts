// One line of an article list, shared by every list page (home, outlet, day, removed, changed), the status
// marks, and the links between the pages of a long list.
import type { ArticleStatus } from '../../store/types.ts';
import { formatUtc8, isoUtc } from '../../time/utc8.ts';
import { html, type SafeHtml } from './html.ts';
import { articleLang, type ArticleRef, type PageContext } from './links.ts';

/** What a list line shows: an Article or a site summary (no content) both fit. */
export interface ListedArticle extends ArticleRef {
  title: string;
  publishedMs: number;
  status: ArticleStatus;
  statusChangedMs: number | null;
  revisionCount: number;
  /** When the current revision was seen; needed only for lists timed by revision. */
  revisedMs?: number;
}

export interface ListOptions {
  showOutlet?: boolean;
  /** Which moment the line shows: publication (default), removal or latest revision. */
  time?: 'published' | 'removed' | 'revised';
}

export function articleList(context: PageContext, articles: readonly ListedArticle[], options: ListOptions = {}): SafeHtml {
  if (articles.length === 0) return html`<p class="muted">（暂无文章）</p>`;
  return html`<ul class="articles">
${articles.map((article) => html`${articleLine(context, article, options)}\n`)}</ul>`;
}

function articleLine(context: PageContext, article: ListedArticle, options: ListOptions): SafeHtml {
  const source = context.sources.get(article.sourceId);
  const ms =
    options.time === 'removed'
      ? (article.statusChangedMs ?? article.publishedMs)
      : options.time === 'revised'
        ? (article.revisedMs ?? article.publishedMs)
        : article.publishedMs;
  return html`<li><time datetime="${isoUtc(ms)}">${formatUtc8(ms)}</time>${
    options.showOutlet ? html`<span class="outlet">${source?.name ?? article.sourceId}</span>` : ''
  }<a href="${context.links.article(article)}" lang="${articleLang(source)}">${article.title || '（无标题）'}</a>${statusMarks(article)}</li>`;
}

export function statusMarks(article: Pick<ListedArticle, 'status' | 'revisionCount'>): SafeHtml {
  return html`${article.status === 'removed' ? html`<span class="mark removed">已删除</span>` : ''}${
    article.revisionCount > 1 ? html`<span class="mark changed">修改 ${article.revisionCount - 1} 次</span>` : ''
  }`;
}

/** Links between the pages of a long list; a null link is a page that does not exist. */
export interface Pager {
  page: number;
  newest?: string | null;
  newer: string | null;
  older: string | null;
  oldest?: string | null;
}

/** Words for the two directions: by time (outlets, days) or by rank (search results). */
const BY_TIME = { newer: '← 较新', older: '较旧 →' };

export function pagerNav(pager: Pager, words: { newer: string; older: string } = BY_TIME): SafeHtml {
  return html`<nav class="pages" aria-label="分页">
${pager.newest ? html`<a href="${pager.newest}">最新</a>\n` : ''}${pager.newer ? html`<a href="${pager.newer}" rel="prev">${words.newer}</a>\n` : ''}${
    pager.older ? html`<a href="${pager.older}" rel="next">${words.older}</a>\n` : ''
  }<span class="muted">第 ${pager.page} 页</span>
${pager.oldest ? html`<a href="${pager.oldest}">最早</a>\n` : ''}</nav>`;
}
