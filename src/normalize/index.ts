// The normalize stage: ParsedFeed → the FeedItem model every later stage uses. Pure: the clock comes in
// as `now`, nothing is read or written.
import type { ParsedFeed, RawItem } from '../parse/types.ts';
import { normalizeItem } from './item.ts';
import type { FeedItem, NormalizedFeed } from './types.ts';
import { feedBase } from './urls.ts';

export type { FeedItem, NormalizedFeed } from './types.ts';
export { parseFeedDate } from './dates.ts';
export { plainText } from './title.ts';

export interface NormalizeOptions {
  /** The URL the feed was fetched from: the last base for relative links. */
  feedUrl?: string | null;
  /** The time of this fetch: the date of items without one, and the limit for dates in the future. */
  now: Date;
  /**
   * Minutes east of UTC for dates that name no zone. Default: UTC+8 when the feed's language is zh-*
   * (Chinese sites write Beijing time), UTC otherwise; either way the item gets a warning.
   */
  zonelessOffsetMinutes?: number;
}

export function isChinese(language: string | null): boolean {
  return language !== null && /^\s*zh\b/i.test(language);
}

/** The feed-level fields normalization needs (a ParsedFeed has them, so does a streamed FeedHeader). */
export interface FeedContext {
  link: string | null;
  language: string | null;
  base: string | null;
}

/** Normalizes the items of one feed one at a time (a streamed feed), dropping repeated identities. */
export interface FeedNormalizer {
  /** The item, or null when an earlier item had the same key (a warning says so). */
  item(raw: RawItem): FeedItem | null;
  /** Warnings so far, identical ones folded with a count. */
  warnings(): string[];
}

export function createFeedNormalizer(feed: FeedContext, options: NormalizeOptions): FeedNormalizer {
  const counts = new Map<string, number>();
  const warn = (message: string): void => {
    counts.set(message, (counts.get(message) ?? 0) + 1);
  };
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('normalize: `now` is an invalid Date');
  const chinese = isChinese(feed.language);
  const context = {
    base: feedBase(options.feedUrl, feed.link, feed.base),
    nowMs,
    chinese,
    zonelessOffset: options.zonelessOffsetMinutes ?? (chinese ? 480 : 0),
    warn,
  };
  const seen = new Set<string>();
  return {
    item(raw) {
      const item = normalizeItem(raw, context);
      if (seen.has(item.key)) {
        warn(`normalize: duplicate item ${item.key.slice(0, 120)} dropped`);
        return null;
      }
      seen.add(item.key);
      return item;
    },
    warnings: () => [...counts].map(([message, count]) => (count > 1 ? `${message} (${count} times)` : message)),
  };
}

export function normalizeFeed(feed: ParsedFeed, options: NormalizeOptions): NormalizedFeed {
  const normalizer = createFeedNormalizer(feed, options);
  const items: FeedItem[] = [];
  for (const raw of feed.items) {
    const item = normalizer.item(raw);
    if (item !== null) items.push(item);
  }
  return { items, warnings: normalizer.warnings() };
}
