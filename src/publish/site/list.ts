// One line of an article list, shared by every list page (home, outlet, day, removed, changed).
import { html, type SafeHtml } from './html-escape.ts';
import { relativeLink, sitePaths } from './paths.ts';
import type { ArticleSummary } from './queries.ts';
import { formatUtc8, isoUtc } from './time.ts';

export interface SiteSource {
  id: string;
  name: string;
  /** BCP 47 tag of the source's text (`zh-Hans`, `zh-Hant`); null when unknown. */
  language: string | null;
}

export interface ListContext {
  /** The page the list is on. */
  path: string;
  sources: ReadonlyMap<string, SiteSource>;
}

export interface ListOptions {
  showOutlet?: boolean;
  /** Which moment the line shows: publication (default), removal or latest revision. */
  time?: 'published' | 'removed' | 'revised';
}

export function articleLang(source: SiteSource | undefined): string {
  return source?.language ?? 'zh';
}

export function articleList(context: ListContext, articles: readonly ArticleSummary[], options: ListOptions = {}): SafeHtml {
  if (articles.length === 0) return html`<p class="muted">（暂无文章）</p>`;
  return html`<ul class="articles">
${articles.map((article) => html`${articleLine(context, article, options)}\n`)}</ul>`;
}

function articleLine(context: ListContext, article: ArticleSummary, options: ListOptions): SafeHtml {
  const source = context.sources.get(article.sourceId);
  const ms =
    options.time === 'removed'
      ? (article.statusChangedMs ?? article.publishedMs)
      : options.time === 'revised'
        ? article.revisedMs
        : article.publishedMs;
  const href = relativeLink(context.path, sitePaths.article(article.sourceId, article.number));
  return html`<li><time datetime="${isoUtc(ms)}">${formatUtc8(ms)}</time>${
    options.showOutlet ? html`<span class="outlet">${source?.name ?? article.sourceId}</span>` : ''
  }<a href="${href}" lang="${articleLang(source)}">${article.title || '（无标题）'}</a>${statusMarks(article)}</li>`;
}

export function statusMarks(article: ArticleSummary): SafeHtml {
  return html`${article.status === 'removed' ? html`<span class="mark removed">已删除</span>` : ''}${
    article.revisionCount > 1 ? html`<span class="mark changed">修改 ${article.revisionCount - 1} 次</span>` : ''
  }`;
}
