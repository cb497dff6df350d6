// Whether a feed is stale, judged from its items' dates, not from HTTP: feedx.net's feeds go stale one by
// one while still answering 200. A feed is stale when its newest item is older than the larger of 24 hours
// and five times the median interval between its items: an hourly outlet is stale after a silent day, a
// weekly one only after five silent weeks, and nothing is stale within 24 hours.
import type { FeedItem } from '../normalize/types.ts';

export const STALE_MIN_MS = 24 * 3600 * 1000;
export const STALE_INTERVALS = 5;

export interface Freshness {
  /** The newest item's date; null when no item carries a date of its own. */
  newestMs: number | null;
  /** Median interval between consecutive item dates; null with fewer than two dated items. */
  medianIntervalMs: number | null;
}

/** Items dated by the feed (or clamped from the future); items without a date say nothing about freshness. */
export function itemDates(items: readonly Pick<FeedItem, 'publishedMs' | 'dateSource'>[]): number[] {
  return items.filter((item) => item.dateSource !== 'first-seen').map((item) => item.publishedMs);
}

export function freshness(datesMs: readonly number[]): Freshness {
  if (datesMs.length === 0) return { newestMs: null, medianIntervalMs: null };
  const sorted = [...datesMs].sort((a, b) => b - a);
  const gaps = sorted
    .slice(1)
    .map((date, index) => sorted[index]! - date)
    .sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  const median = gaps.length === 0 ? null : gaps.length % 2 === 1 ? gaps[middle]! : Math.round((gaps[middle - 1]! + gaps[middle]!) / 2);
  return { newestMs: sorted[0]!, medianIntervalMs: median };
}

export function staleAfterMs(medianIntervalMs: number | null): number {
  return Math.max(STALE_MIN_MS, STALE_INTERVALS * (medianIntervalMs ?? 0));
}

/** True when the newest item is older than the threshold at `nowMs`; an undated feed is never judged stale. */
export function isStale(fresh: Freshness, nowMs: number): boolean {
  return fresh.newestMs !== null && nowMs - fresh.newestMs > staleAfterMs(fresh.medianIntervalMs);
}
