// The compatible article and list formats (DESIGN.md, "The Markdown archive"). Pure string functions.
import { formatUtc8, UTC8_MS } from '../time/utc8.ts';

/**
 * A title as Markdown link text. HTML-significant characters become entities (the old archive wrote
 * `&quot;` this way, and GitHub renders entities in link text); characters that would end the link or
 * start emphasis are backslash-escaped (CommonMark §2.4).
 */
export function markdownTitle(title: string): string {
  return title
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\[\]*_`]/g, (char) => `\\${char}`);
}

/**
 * A URL as a Markdown link destination: the WHATWG serialization (which percent-encodes spaces and
 * non-ASCII), with parentheses encoded only when unbalanced, since a stray `)` would end the link.
 */
export function markdownUrl(url: string | null): string {
  if (!url) return '';
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    href = encodeURI(url); // not a URL the parser accepts: keep it as text, still one token
  }
  let depth = 0;
  for (const char of href) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) break;
  }
  return depth === 0 ? href : href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export interface ArticleFileInput {
  publishedMs: number;
  title: string;
  url: string | null;
  /** Archival HTML, already on one line. */
  html: string;
}

// CommonMark §4.6, HTML blocks of type 6: a line starting with one of these tags is raw HTML to the end of
// the block, so Markdown inside it is not interpreted. Sorted.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame',
  'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link',
  'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);

/**
 * The body as GitHub will read it. A body that starts with a block-level tag is one HTML block (the
 * seeds, Readability output); one that starts with text or an inline tag would be read as Markdown, so
 * `*`, `_` and `[x](javascript:…)` in an article's text would turn into markup. Those get a <div>,
 * marked as ours so that an import can take it off again.
 */
export const BODY_WRAPPER_START = '<div data-newsvault-body>';

export function markdownBody(html: string): string {
  const tag = /^<\/?([A-Za-z][A-Za-z0-9]*)[\s/>]/.exec(html)?.[1]?.toLowerCase();
  return (tag !== undefined && BLOCK_TAGS.has(tag)) || html === '' ? html : `${BODY_WRAPPER_START}${html}</div>`;
}

export function formatArticleFile(article: ArticleFileInput): string {
  const body = markdownBody(article.html);
  return `<!--${article.publishedMs}-->\n[${markdownTitle(article.title)}](${markdownUrl(article.url)})\n------\n\n${body}\n`;
}

/** `M-D` of a moment in UTC+8, the time zone the archive's readers live in. */
export function monthDayUtc8(ms: number): string {
  const date = new Date(ms + UTC8_MS);
  return `${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
}

export interface ListEntry {
  publishedMs: number;
  title: string;
  path: string;
  removedMs?: number | null;
}

export function formatListLine(entry: ListEntry): string {
  const mark = entry.removedMs ? ` ~~已删除~~ (${monthDayUtc8(entry.removedMs)} 起原网页已删除)` : '';
  return `${monthDayUtc8(entry.publishedMs)} [${markdownTitle(entry.title)}](${entry.path})${mark}`;
}

/** `{name}\n------\n\n` then every line followed by a blank line, as the old archive's lists are. */
export function formatList(name: string, entries: readonly ListEntry[]): string {
  return `${name}\n------\n\n${entries.map((entry) => `${formatListLine(entry)}\n\n`).join('')}`;
}

/** `YYYY-MM-DD HH:MM` of a moment in UTC+8. */
export const dateTimeUtc8 = formatUtc8;

export const REMOVED_LIST_PATH = 'lists/removed.md';
export const REMOVED_LIST_TITLE = '已删除的文章';

export interface RemovedEntry {
  removedMs: number;
  sourceName: string;
  title: string;
  path: string;
}

/**
 * `lists/removed.md`: every article removed at its source, most recently removed first, each line
 * `{removal time, UTC+8} {source name} [{title}]({path})`, in the same blank-line-separated shape as a
 * source list.
 */
export function formatRemovedList(entries: readonly RemovedEntry[]): string {
  const lines = entries.map(
    (entry) => `${dateTimeUtc8(entry.removedMs)} ${markdownTitle(entry.sourceName)} [${markdownTitle(entry.title)}](${entry.path})\n\n`,
  );
  return `${REMOVED_LIST_TITLE}\n------\n\n${lines.join('')}`;
}

export function articlePath(sourceId: string, number: number): string {
  return `articles/${sourceId}/${number}.md`;
}

/** Where an article's file is: its own name when the old archive gave it one (`<number>_<title>.md`). */
export function articleFilePath(article: { sourceId: string; number: number; fileName?: string | null }): string {
  return article.fileName ? `articles/${article.sourceId}/${article.fileName}` : articlePath(article.sourceId, article.number);
}

/** A path inside the archive as a link: each segment percent-encoded, so names with spaces stay one link. */
export function archiveLink(path: string): string {
  return `/${path.split('/').map(encodeURIComponent).join('/')}`;
}
