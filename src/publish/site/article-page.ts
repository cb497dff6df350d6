// One article: title, outlet, times in UTC+8 and UTC, the original link, the display HTML, a clear notice
// if the source removed it, and every revision with what changed between them.
import type { Article, Revision } from '../../store/types.ts';
import { html, raw, type SafeHtml } from './html-escape.ts';
import { renderPage } from './layout.ts';
import { articleLang, type SiteSource } from './list.ts';
import type { SiteContext } from './list-pages.ts';
import { relativeLink, sitePaths } from './paths.ts';
import type { DiffBlock, RevisionDiffer } from './revision-diff.ts';
import { dayKeyUtc8, formatUtc, formatUtc8, isoUtc } from './time.ts';

/** Turns archival HTML into the strict display HTML (clean/cleanDisplay in production). */
export type DisplayCleaner = (html: string, baseUrl: string | null) => string;

export interface ArticlePageInput {
  article: Article;
  revisions: readonly Revision[];
  source: SiteSource;
  clean: DisplayCleaner;
  diff: RevisionDiffer;
}

const SEEN_WHERE: Record<Revision['seenWhere'], string> = {
  feed: '订阅源',
  page: '原网页',
  import: '旧存档导入',
  recheck: '复查原网页',
};

export function renderArticlePage(context: SiteContext, input: ArticlePageInput): string {
  const { article, source } = input;
  const path = sitePaths.article(article.sourceId, article.number);
  const link = (to: string): string => relativeLink(path, to);
  const lang = articleLang(source);
  const day = dayKeyUtc8(article.publishedMs);
  const original = httpUrl(article.url);
  const removed =
    article.status === 'removed'
      ? html`<p class="notice removed" role="note"><strong>已删除：</strong>原网站已于 <time datetime="${isoUtc(article.statusChangedMs ?? article.publishedMs)}">${formatUtc8(article.statusChangedMs ?? article.publishedMs)}</time>（UTC+8）前删除此文，以下为存档内容。</p>`
      : '';
  const body = html`<article>
<h1 lang="${lang}">${article.title || '（无标题）'}${article.status === 'removed' ? html`<span class="mark removed">已删除</span>` : ''}</h1>
<div class="meta">
<p><a href="${link(sitePaths.sourceIndex(source.id))}">${source.name}</a>${article.author ? html` · <span lang="${lang}">${article.author}</span>` : ''}</p>
<p>发布：<time datetime="${isoUtc(article.publishedMs)}">${formatUtc8(article.publishedMs)}</time>（UTC+8）· ${formatUtc(article.publishedMs)} UTC · <a href="${link(sitePaths.day(day))}">${day}</a></p>
${original ? html`<p>原文：<a href="${original}" rel="noopener noreferrer nofollow">${original}</a></p>` : ''}
</div>
${removed}
<div class="content" lang="${lang}">
${raw(input.clean(article.content, article.url))}
</div>
</article>
${history(input, lang)}`;
  return renderPage({ path, title: article.title || '（无标题）', siteTitle: context.siteTitle, body });
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
${diffBlocks(input.diff(before, after))}</div>
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

function diffBlocks(blocks: readonly DiffBlock[]): SafeHtml {
  if (blocks.length === 0 || blocks.every((block) => block.kind === 'same')) {
    return html`<p class="same">正文文字未变（只有格式或标记不同）。</p>\n`;
  }
  return html`${blocks.map((block) => {
    switch (block.kind) {
      case 'same':
        return html`<p class="same">（${block.paragraphs} 段未变）</p>\n`;
      case 'added':
        return html`<p><ins>${block.text}</ins></p>\n`;
      case 'removed':
        return html`<p><del>${block.text}</del></p>\n`;
      case 'changed':
        return html`<p>${block.spans.map((span) =>
          span.kind === 'added' ? html`<ins>${span.text}</ins>` : span.kind === 'removed' ? html`<del>${span.text}</del>` : span.text,
        )}</p>\n`;
    }
  })}`;
}

function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null; // not a URL: shown nowhere rather than as a broken link
  }
}
