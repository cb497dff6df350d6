// One RawItem → FeedItem: URL, title, identity and dates (see urls.ts, title.ts, identity.ts, dates.ts).
import type { RawItem } from '../parse/types.ts';
import { authorName } from './author.ts';
import { parseFeedDate, type DateContext } from './dates.ts';
import { itemKey } from './identity.ts';
import { plainText } from './title.ts';
import type { FeedItem } from './types.ts';
import { isWebUrl, resolveUrl } from './urls.ts';

/** Dates before this are placeholders (epoch 0, 0001-01-01, 1900), not publication times. */
const EARLIEST_PLAUSIBLE = Date.UTC(1995, 0, 1);
/** Clock skew tolerated before a date in the future counts as wrong. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface ItemContext extends DateContext {
  base: string | null;
  nowMs: number;
  warn: (message: string) => void;
}

function itemUrl(raw: RawItem, base: string | null, label: () => string, warn: (m: string) => void): string | null {
  const itemBase = resolveUrl(raw.base, base) ?? base;
  const fromLink = resolveUrl(raw.link, itemBase);
  if (fromLink !== null && isWebUrl(fromLink)) return fromLink;
  if (raw.link !== null) {
    warn(`normalize: ${label()}: link "${raw.link.slice(0, 100)}" is not an absolute web URL${itemBase === null ? ' and there is no base to resolve it' : ''}`);
  }
  // RSS 2.0: a permalink guid is the item's URL (only when it is absolute on its own).
  const fromId = raw.idIsPermalink ? resolveUrl(raw.id, null) : null;
  return fromId !== null && isWebUrl(fromId) ? fromId : null;
}

function readDate(raw: string | null, field: string, context: ItemContext, label: () => string): number | null {
  if (raw === null) return null;
  const parsed = parseFeedDate(raw, context);
  if (parsed === null) {
    context.warn(`normalize: ${label()}: ${field} "${raw.slice(0, 60)}" is not a date`);
    return null;
  }
  if (parsed.ms < EARLIEST_PLAUSIBLE) {
    context.warn(`normalize: ${label()}: ${field} "${raw.slice(0, 60)}" is implausibly early, ignored`);
    return null;
  }
  for (const note of parsed.notes) context.warn(`normalize: ${field} date ${note}`);
  return parsed.ms;
}

export function normalizeItem(raw: RawItem, context: ItemContext): FeedItem {
  const title = plainText(raw.title ?? '');
  const label = (): string => `item ${JSON.stringify((raw.id ?? raw.link ?? title).slice(0, 80))}`;
  const url = itemUrl(raw, context.base, label, context.warn);
  if (title === '') context.warn('normalize: an item has no title');

  const publishedMs = readDate(raw.published, 'published', context, label);
  let updatedMs = readDate(raw.updated, 'updated', context, label);
  if (updatedMs !== null && updatedMs > context.nowMs + FUTURE_TOLERANCE_MS) {
    context.warn(`normalize: ${label()}: updated date is in the future, clamped to now`);
    updatedMs = context.nowMs;
  }
  let ms: number;
  let dateSource: FeedItem['dateSource'];
  if (publishedMs !== null) {
    ms = publishedMs;
    dateSource = 'feed';
  } else if (updatedMs !== null) {
    ms = updatedMs;
    dateSource = 'updated';
  } else {
    context.warn('normalize: an item has no usable date; using the time it was first seen');
    ms = context.nowMs;
    dateSource = 'first-seen';
  }
  if (ms > context.nowMs + FUTURE_TOLERANCE_MS) {
    context.warn(`normalize: ${label()}: date ${new Date(ms).toISOString()} is in the future, clamped to now`);
    ms = context.nowMs;
    dateSource = 'clamped';
  }

  const base = resolveUrl(raw.base, context.base) ?? context.base;
  return {
    key: itemKey(raw.id, url, title, raw.content ?? raw.summary),
    id: raw.id,
    url,
    title,
    author: authorName(raw.author),
    published: new Date(ms).toISOString(),
    publishedMs: ms,
    dateSource,
    updated: updatedMs === null ? null : new Date(updatedMs).toISOString(),
    summary: raw.summary,
    content: raw.content,
    enclosures: raw.enclosures.map((e) => ({ ...e, url: resolveUrl(e.url, base) ?? e.url })),
    categories: raw.categories.map(plainText).filter((c) => c !== ''),
  };
}
