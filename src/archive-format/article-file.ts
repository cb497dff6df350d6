// Reads one article file of the compatible layout (and the older China Digital Times layout):
//   <!--{epoch ms}-->            (may be missing)
//   [{title}]({url})
//   ------
//   日期：{RFC 822 date}          (older layout only)
//
//   {HTML}
import { decodeHTML } from 'entities';
import { BODY_WRAPPER_START, markdownBody } from './markdown.ts';

export interface ArticleFile {
  publishedMs: number | null;
  title: string;
  url: string | null;
  html: string;
}

export class ArticleFileError extends Error {
  override readonly name = 'ArticleFileError';
}

/** Undoes markdownTitle(): backslash escapes, then HTML entities. */
export function plainTitle(markdown: string): string {
  return decodeHTML(markdown.replace(/\\([\\`*_{}\[\]()#+\-.!|"“”])/g, '$1')).trim();
}

export function parseArticleFile(text: string, path: string): ArticleFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let index = 0;
  let publishedMs: number | null = null;
  const stamp = /^<!--\s*(-?\d+)\s*-->\s*$/.exec(lines[0] ?? '');
  if (stamp) {
    publishedMs = Number(stamp[1]);
    index = 1;
  }
  const link = (lines[index] ?? '').replace(/\r$/, '');
  const split = link.lastIndexOf('](');
  if (!link.startsWith('[') || split < 0 || !link.endsWith(')')) {
    throw new ArticleFileError(`import: ${path}: line ${index + 1} is not a [title](url) link`);
  }
  const title = plainTitle(link.slice(1, split));
  const rawUrl = link.slice(split + 2, -1).replace(/^<(.*)>$/, '$1');
  index++;
  if (!/^-{3,}\s*$/.test(lines[index] ?? '')) {
    throw new ArticleFileError(`import: ${path}: line ${index + 1} should be the "------" rule`);
  }
  index++;
  const dated = /^日期：(.+)$/.exec(lines[index] ?? '');
  if (dated) {
    const parsed = Date.parse(dated[1]!.trim());
    if (publishedMs === null && !Number.isNaN(parsed)) publishedMs = parsed;
    index++;
  }
  while (index < lines.length && lines[index]!.trim() === '') index++;
  // CRLF files (a checkout with autocrlf) end their lines with \r: the line ends are not content.
  const html = lines.slice(index).join('\n').replace(/(?:\r?\n)+$/, '').replace(/\r$/, '');
  return { publishedMs, title, url: canonicalUrl(rawUrl), html: unwrapBody(html) };
}

function canonicalUrl(raw: string): string | null {
  if (!raw) return null;
  try {
    return new URL(raw).href;
  } catch {
    return null;
  }
}

/** Undoes markdownBody(): the <div> it puts around a body that would otherwise be read as Markdown. */
export function unwrapBody(html: string): string {
  if (!html.startsWith(BODY_WRAPPER_START) || !html.endsWith('</div>')) return html;
  const inner = html.slice(BODY_WRAPPER_START.length, -'</div>'.length);
  return markdownBody(inner) === html ? inner : html;
}
