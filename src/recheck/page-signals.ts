// What a fetched page says beyond its status code: a block page, a "not found" page served with 200,
// and whether the archived article is still recognisable in it. Per-site knowledge as sorted tables.
import { visibleText } from '../clean/visible-text.ts';

export interface PagePattern {
  name: string;
  /** Tested against the page's <title> and the start of its visible text. */
  pattern: RegExp;
}

/** Pages that stand between us and the article: a firewall, a bot wall, a geo-block. Sorted. */
export const BLOCK_PAGES: readonly PagePattern[] = [
  { name: 'akamai', pattern: /^Access Denied$/i },
  { name: 'cloudflare', pattern: /Attention Required! \| Cloudflare|Just a moment\.\.\.|cf-browser-verification/i },
  { name: 'geo-block', pattern: /not available in your (?:country|region)|您所在的(?:国家|地区)无法访问/i },
];

/** "Not found" pages served with status 200 (a soft 404). Sorted. */
export const SOFT_NOT_FOUND: readonly PagePattern[] = [
  { name: 'chinese', pattern: /(?:页面|頁面|网页|網頁|文章|内容|內容)(?:不存在|已删除|已刪除|未找到|找不到)|找不到(?:页面|頁面|网页|網頁)/ },
  { name: 'english', pattern: /\b(?:page|article) (?:not found|(?:is|was) (?:not available|removed))\b|^404\b/i },
];

export function pageTitle(html: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return match ? visibleText(match[1]!).trim() : '';
}

/** Text that identifies a page: its <title> and the beginning of its visible text. */
function headline(html: string): string {
  return `${pageTitle(html)}\n${visibleText(html).slice(0, 400)}`;
}

export function matchPage(html: string, patterns: readonly PagePattern[]): PagePattern | null {
  const head = headline(html);
  return patterns.find((entry) => head.split('\n').some((line) => entry.pattern.test(line.trim()))) ?? null;
}

/** Letters and digits only: punctuation, spaces and markup differ between a feed and its page. */
function squeeze(text: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/** A few sentences from the archived text, long enough to be specific to the article. */
export function textSamples(html: string, count = 3, minLength = 12): string[] {
  return visibleText(html)
    .split(/[\n。！？!?]/)
    .map(squeeze)
    .filter((sentence) => sentence.length >= minLength)
    .slice(0, count);
}

export interface Recognition {
  title: boolean;
  text: boolean;
}

/**
 * Whether the page still shows the archived article: its title, or one of a few of its sentences, found
 * in the page's text (compared on letters and digits only). A feed's summary or full text is not
 * comparable with a page's markup, so this is presence, not equality.
 */
export function recognise(pageHtml: string, article: { title: string; content: string }): Recognition {
  const page = squeeze(`${pageTitle(pageHtml)}\n${visibleText(pageHtml)}`);
  const title = squeeze(article.title);
  return {
    title: title.length > 0 && page.includes(title),
    text: textSamples(article.content).some((sample) => page.includes(sample)),
  };
}
