// One article: title, outlet, times in UTC+8 and UTC, the original link, the display HTML, a clear notice
// if the source removed it, and every revision with what changed between them (newest first) and its text.
import type { Article, Revision } from '../../store/types.ts';
import { dayOfUtc8, formatUtc, formatUtc8, isoUtc } from '../../time/utc8.ts';
import { diffMarkup, type RevisionDiffer } from './diff-view.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { renderPage } from './layout.ts';
import { coverageSection } from './stories-page.ts';
import { NO_COVERAGE, type Coverage } from './coverage.ts';
import { articleLang, type PageContext, type PageSource } from './links.ts';

/** Turns archival HTML into the strict display HTML (clean/cleanDisplay in production). */
export type DisplayCleaner = (html: string, baseUrl: string | null) => string;

export interface ArticlePageInput {
  article: Article;
  /** Oldest first, as the store lists them. */
  revisions: readonly Revision[];
  source: PageSource;
  clean: DisplayCleaner;
  diff: RevisionDiffer;
  /** Other outlets' reports of the same event (stories/, chosen by coverage.ts); absent shows none. */
  coverage?: Coverage;
}

const SEEN_WHERE: Record<Revision['seenWhere'], string> = {
  feed: '订阅源',
  page: '原网页',
  import: '旧存档导入',
  recheck: '复查原网页',
};

/** Only http(s) links leave our pages; anything else stored as a URL is shown as text. */
export function safeHttpUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null; // not a URL at all: shown as text by the caller
  }
}

/** The link text: percent-encoded Chinese paths shown as characters (the href keeps the encoded form). */
export function readableUrl(url: string): string {
  try {
    const decoded = decodeURI(url);
    // Control and bidirectional-override characters could disguise the link: keep those URLs encoded.
    return /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u.test(decoded) ? url : decoded;
  } catch {
    return url; // a malformed escape sequence: show the URL as stored
  }
}

export function renderArticlePage(context: PageContext, input: ArticlePageInput): string {
  const { article, source } = input;
  const { links } = context;
  const lang = articleLang(source);
  const day = dayOfUtc8(article.publishedMs);
  const original = safeHttpUrl(article.url);
  const removedMs = article.statusChangedMs ?? article.publishedMs;
  const removed =
    article.status === 'removed'
      ? html`<p class="notice removed" role="note"><strong>已删除：</strong>原网站已于 <time datetime="${isoUtc(removedMs)}">${formatUtc8(removedMs)}</time>（UTC+8）前删除此文，以下为存档内容。</p>`
      : '';
  const body = html`<article>
<h1 lang="${lang}">${article.title || '（无标题）'}${article.status === 'removed' ? html`<span class="mark removed">已删除</span>` : ''}</h1>
<div class="meta">
<p><a href="${links.source(source.id)}">${source.name}</a>${article.author ? html` · <span lang="${lang}">${article.author}</span>` : ''}</p>
<p>发布：<time datetime="${isoUtc(article.publishedMs)}">${formatUtc8(article.publishedMs)}</time>（UTC+8）· ${formatUtc(article.publishedMs)} UTC · <a href="${links.day(day)}">${day}</a></p>
${
  original
    ? html`<p>原文：<a href="${original}" rel="noopener noreferrer nofollow">${readableUrl(original)}</a></p>\n`
    : article.url
      ? html`<p>原文：<span class="url">${article.url}</span></p>\n`
      : ''
}</div>
${removed}
<div class="content" lang="${lang}">
${raw(input.clean(article.content, article.url))}
</div>
</article>
${coverageSection(context, input.coverage ?? NO_COVERAGE, day)}${history(input, lang)}`;
  return renderPage(context, { title: article.title || '（无标题）', body });
}

function history(input: ArticlePageInput, lang: string): SafeHtml {
  const { revisions, article } = input;
  const items = revisions.map(
    (revision) => html`<li>第 ${revision.seq} 版 · 存档于 <time datetime="${isoUtc(revision.seenMs)}">${formatUtc8(revision.seenMs)}</time>（UTC+8）· 来自${SEEN_WHERE[revision.seenWhere] ?? revision.seenWhere}${
      revision.title !== article.title ? html` · 标题：<span lang="${lang}">${revision.title}</span>` : ''
    }</li>\n`,
  );
  const changes = [];
  for (let index = revisions.length - 1; index > 0; index--) {
    const before = revisions[index - 1]!;
    const after = revisions[index]!;
    changes.push(html`<details class="revision"${index === revisions.length - 1 ? raw(' open') : ''}>
<summary>第 ${before.seq} 版 → 第 ${after.seq} 版 的修改</summary>
${before.title !== after.title ? html`<p>标题：<del lang="${lang}">${before.title}</del> → <ins lang="${lang}">${after.title}</ins></p>\n` : ''}<div class="diff" lang="${lang}">
${diffMarkup(input.diff(before, after))}</div>
</details>
<details class="revision-text">
<summary>第 ${before.seq} 版全文</summary>
<div class="content" lang="${lang}">
${raw(input.clean(before.content, before.url))}
</div>
</details>\n`);
  }
  return html`<section class="history" id="history">
<h2>版本记录</h2>
<p class="muted">${revisions.length > 1 ? `共 ${revisions.length} 个版本，最新版本显示在上方。` : '此文存档后未被修改。'}</p>
<ol>
${items}</ol>
${changes}</section>`;
}
