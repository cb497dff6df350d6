// Deciding whether a feed item already carries the article, or its page must be fetched.
import { Parser } from 'htmlparser2';
import type { FullTextMode } from './types.ts';

/** Below this many units (a CJK character or a Latin word each count one) an item is a summary. */
export const SHORT_ARTICLE_UNITS = 400;

/**
 * Endings that mean "the rest is on the website", compared lower-case at the very end of the visible text
 * (after trailing arrows, brackets and spaces). Sorted.
 */
const TRUNCATION_MARKERS: readonly string[] = [
  '(more…)',
  '...',
  '[...]',
  '[…]',
  'continue reading',
  'read more',
  'read the full story',
  '…',
  '查看全文',
  '点击阅读全文',
  '繼續閱讀',
  '继续阅读',
  '閱讀全文',
  '阅读全文',
  '點擊閱讀全文',
];

const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/** The text a reader would see in an HTML fragment (scripts and styles skipped, entities decoded). */
export function visibleText(html: string): string {
  let out = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (skipping === 0) out += ' ';
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
      },
      ontext(text) {
        if (skipping === 0) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\s+/g, ' ').trim();
}

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const UNIT = new RegExp(`[${CJK_CLASS}]|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])+`, 'gu');

/** Length in reading units: each CJK character is one, each run of other letters/digits (a word) is one. */
export function textUnits(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(UNIT)) n++;
  return n;
}

/** True when the text ends with a "read the rest on the site" marker. */
export function looksTruncated(text: string): boolean {
  const end = text
    .toLowerCase()
    .replace(/[\s»›>→)）\]】]+$/u, '')
    .trimEnd();
  return TRUNCATION_MARKERS.some((marker) => end.endsWith(marker));
}

/**
 * Whether to fetch the article page.
 * - `feed`: never; `page`: always.
 * - `auto`: take the longer visible text of `content` and `summary` (a feed like feedx.net sends the whole
 *   article in `<description>`, which parses as the summary). Fetch when it is empty, shorter than
 *   SHORT_ARTICLE_UNITS reading units (a CJK character or a Latin word each count one: about three short
 *   Chinese paragraphs), or ends with a truncation marker ("…", "阅读全文", "Read more", …).
 */
export function needsFullText(
  item: { content: string | null; summary: string | null },
  mode: FullTextMode,
): boolean {
  if (mode === 'feed') return false;
  if (mode === 'page') return true;
  const candidates = [item.content, item.summary].map((html) => (html ? visibleText(html) : ''));
  const best = candidates.reduce((a, b) => (textUnits(b) > textUnits(a) ? b : a), '');
  if (best === '') return true;
  if (looksTruncated(best)) return true;
  return textUnits(best) < SHORT_ARTICLE_UNITS;
}
