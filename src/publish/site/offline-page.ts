// The page that lists the EPUB digests (`offline/index.html`): by week, newest first; each day with its book
// of all outlets and one per outlet, each with its size, so a reader on a slow line knows what a download
// costs before starting it. Above them, the archive's monthly git bundle: its size, the commit it holds the archive
// up to (and that commit's date), and how to clone from it. A plain link: no script, and it works from file://.
import { html } from '../pages/html.ts';
import { renderPage } from '../pages/layout.ts';
import type { PageContext, PageSource } from '../pages/index.ts';
import { formatUtc8, isoUtc } from '../../time/utc8.ts';
import { relativeLink } from './paths.ts';
import type { OfflineBook } from './offline-state.ts';
import type { ListedBundle } from './offline-bundle.ts';

export interface OfflineListing {
  weeks: {
    week: string;
    monday: string;
    /** The week's book; null while the week is not over. */
    all: string | null;
    days: { day: string; all: string; sources: { source: PageSource; path: string }[] }[];
  }[];
  /** Site path → the book's size and article count. */
  books: Readonly<Record<string, OfflineBook>>;
  /** The archive's monthly git bundle, once a cycle has made one. */
  bundle: ListedBundle | null;
}

/** `860 KB`, `3.4 MB`: sizes as a download shows them (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const PATH = 'offline/index.html';

export function renderOfflinePage(context: PageContext, listing: OfflineListing): string {
  const link = (path: string, label: string) => {
    const book = listing.books[path];
    return book === undefined
      ? ''
      : html`<a href="${relativeLink(PATH, path)}" type="application/epub+zip">${label}</a> <span class="muted">${book.articles} 篇 · ${formatSize(book.bytes)}</span>`;
  };
  const body = html`<h1>离线阅读</h1>
<p>EPUB 电子书：每天一本（各媒体合订，以及每家媒体一本），每周一本；文章按媒体分目录，图片收在书里，文字与原网站发布时相同。
可以用手机上的阅读器打开，也可以直接转发给别人。一天（北京时间）或一周结束后才生成；之后若有文章修改或被删除，当天的书会重新生成。</p>
${
  listing.bundle === null
    ? ''
    : html`<h2 id="bundle">整个存档（git bundle）</h2>
<p><a href="${relativeLink(PATH, listing.bundle.path)}" type="application/octet-stream" download>${listing.bundle.name}</a> <span class="muted">${listing.bundle.month} · ${formatSize(listing.bundle.bytes)}</span></p>
<p>存档截至 <time datetime="${isoUtc(listing.bundle.committedMs)}">${formatUtc8(listing.bundle.committedMs)}</time>（UTC+8）的提交 <code>${listing.bundle.commit.slice(0, 12)}</code>：全部文章及每一次修改的历史，一个文件，每月更新一次。
下载后不用联网即可取出：<code>git clone ${listing.bundle.name} archive</code></p>
`
}${
  listing.weeks.length === 0
    ? html`<p class="muted">还没有电子书。</p>`
    : listing.weeks.map(
        (week) => html`<h2 id="${week.week}">${week.week}（${week.monday} 起）</h2>
${week.all === null ? '' : html`<p>${link(week.all, '本周合订')}</p>\n`}<ul class="articles">
${week.days.map(
  (day) => html`<li>${day.day}：${link(day.all, '合订')}${day.sources.map((s) => html` · ${link(s.path, s.source.name)}`)}</li>\n`,
)}</ul>
`,
      )
}`;
  return renderPage(context, { title: '离线阅读', body });
}
