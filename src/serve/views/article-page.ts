// The article view: title, outlet, dates in UTC+8 and UTC, the original link, the display HTML (the only
// article HTML the reader renders), the removed badge, and every revision with what changed.
import type { Article, Revision } from '../../store/index.ts';
import { diffRevisionText } from '../diff-view.ts';
import { h, trusted, type SafeHtml } from '../safe-html.ts';
import { dayOf, formatUtc, formatUtc8 } from '../time.ts';
import { removedBadge } from './listing.ts';

const SEEN_WHERE: Record<Revision['seenWhere'], string> = {
  feed: '订阅源',
  page: '原网页',
  import: '导入',
  recheck: '复查',
};

/** Revisions whose diff is computed on one page; older pairs just list their dates. */
export const MAX_DIFFS = 20;
/** Diffs of one page stop being computed once this much time has gone (each one is bounded too). */
export const PAGE_DIFF_BUDGET_MS = 1_000;

/** Only http(s) links leave the reader; anything else stored as a URL is shown as text. */
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

function revisionList(revisions: readonly Revision[], clock: () => number): SafeHtml | null {
  if (revisions.length <= 1) return null;
  const deadline = clock() + PAGE_DIFF_BUDGET_MS;
  const items = revisions.map((rev, i) => {
    const previous = i > 0 ? revisions[i - 1] : undefined;
    const heading = h`第 ${rev.seq} 版 · ${formatUtc8(rev.seenMs)} · 来自${SEEN_WHERE[rev.seenWhere] ?? rev.seenWhere}`;
    if (previous === undefined) return h`<details><summary>${heading}（首次存档）</summary><p class="meta">标题：${rev.title}</p></details>`;
    const titleChange =
      previous.title === rev.title ? null : h`<p>标题改动：<del>${previous.title}</del> → <ins>${rev.title}</ins></p>`;
    let body: SafeHtml;
    if (revisions.length - i > MAX_DIFFS) body = h`<p class="meta">较早的版本：此处不显示差异。</p>`;
    else {
      body =
        clock() > deadline
          ? h`<p class="meta">超出本页的时间预算，未显示差异。</p>`
          : diffRevisionText(previous.content, rev.content).html;
    }
    return h`<details${i === revisions.length - 1 ? trusted(' open') : null}><summary>${heading}</summary>${titleChange}${body}</details>`;
  });
  return h`<section class="revisions"><h2>修订记录（${revisions.length} 版）</h2>${items}</section>`;
}

export function articlePage(options: {
  article: Article;
  sourceName: string;
  revisions: readonly Revision[];
  displayHtml: string;
  /** Monotonic ms for the diff budget (default performance.now). */
  clock?: () => number;
}): SafeHtml {
  const { article, revisions } = options;
  const link = safeHttpUrl(article.url);
  const removed =
    article.status === 'removed'
      ? h`<p class="notice">源站已删除此文${
          article.statusChangedMs === null ? null : h`（${formatUtc8(article.statusChangedMs)} 发现）`
        }，这里是存档副本。</p>`
      : null;
  return h`<article>
<h1>${article.title}${removedBadge(article.status, article.statusChangedMs)}</h1>
<dl class="facts">
<dt>媒体</dt><dd><a href="/sources/${encodeURIComponent(article.sourceId)}">${options.sourceName}</a></dd>
<dt>发布</dt><dd><a href="/days/${dayOf(article.publishedMs)}"><time datetime="${new Date(article.publishedMs).toISOString()}">${formatUtc8(
    article.publishedMs,
  )}</time></a> 北京时间 · ${formatUtc(article.publishedMs)}</dd>
${article.author === null ? null : h`<dt>作者</dt><dd>${article.author}</dd>`}
<dt>原文</dt><dd>${link === null ? article.url ?? '（无链接）' : h`<a href="${link}" rel="noopener noreferrer">${readableUrl(link)}</a>`}</dd>
<dt>存档</dt><dd>${formatUtc8(article.firstSeenMs)} 首次存档 · ${article.revisionCount} 版</dd>
</dl>
${removed}
<div class="content">${trusted(options.displayHtml)}</div>
</article>
${revisionList(revisions, options.clock ?? (() => performance.now()))}`;
}
