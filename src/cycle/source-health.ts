// A source's health after one run, and the events an operator subscribes to (site/feeds/health.atom):
// switched to a fallback, back on the primary, stale, failing, keep selectors no longer matching, and
// recovered from each. Pure: what the run saw comes in, the new record and the events go out.
import type { HealthEventKind, NewHealthEvent, SourceHealth } from '../store/index.ts';
import { FAILING_AFTER_RUNS } from './health.ts';
import type { Freshness } from './staleness.ts';

/** What one run saw of one feed of the source, in the order the feeds were tried. */
export interface FeedReport {
  url: string;
  /** 0 for the primary, 1… for the fallbacks. */
  index: number;
  outcome: 'ok' | 'not-modified' | 'failed';
  /** `kind: message` when the feed failed. */
  error: string | null;
  fresh: Freshness;
  stale: boolean;
}

export interface HealthObservation {
  sourceId: string;
  nowMs: number;
  /** The source's configured fallbacks (to tell a return to the primary from a changed config). */
  fallbacks: readonly string[];
  feeds: readonly FeedReport[];
  /** Runs in a row in which every feed failed, this one included. */
  consecutiveFailures: number;
  /** Article pages this run on which the keep selectors matched nothing, and on which they matched. */
  selectorMisses: number;
  selectorHits: number;
}

export interface HealthChange {
  health: SourceHealth;
  events: NewHealthEvent[];
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Why a feed was passed over, in a few words. */
export function feedProblem(feed: FeedReport): string {
  if (feed.outcome === 'failed') return `failed (${feed.error ?? 'unknown error'})`;
  return `is stale (newest item ${feed.fresh.newestMs === null ? 'undated' : iso(feed.fresh.newestMs)})`;
}

/** The feed the run took its items from: the first that answered and is fresh, else the freshest that answered. */
export function activeFeed(feeds: readonly FeedReport[]): FeedReport | null {
  const answered = feeds.filter((feed) => feed.outcome !== 'failed');
  return answered.find((feed) => !feed.stale) ?? answered.reduce<FeedReport | null>((best, feed) => (best === null || (feed.fresh.newestMs ?? -Infinity) > (best.fresh.newestMs ?? -Infinity) ? feed : best), null);
}

export function nextHealth(previous: SourceHealth | null, seen: HealthObservation): HealthChange {
  const before: SourceHealth = previous ?? {
    sourceId: seen.sourceId,
    activeUrl: null,
    staleSinceMs: null,
    failingSinceMs: null,
    selectorMisses: 0,
    selectorsMissingSinceMs: null,
  };
  const events: NewHealthEvent[] = [];
  const event = (kind: HealthEventKind, feedUrl: string | null, detail: string) =>
    events.push({ sourceId: seen.sourceId, atMs: seen.nowMs, kind, feedUrl, detail });
  const primary = seen.feeds[0];
  const active = activeFeed(seen.feeds);
  const answered = seen.feeds.filter((feed) => feed.outcome !== 'failed');

  // Which feed: a run where nothing answered keeps the last one that did.
  const activeUrl = active?.url ?? before.activeUrl;
  if (active && active.index > 0 && active.url !== before.activeUrl) {
    const passed = seen.feeds.filter((feed) => feed.index < active.index).map((feed) => `${feed.index === 0 ? 'primary' : 'fallback'} ${feed.url} ${feedProblem(feed)}`);
    event('fallback', active.url, `${passed.join('; ')}; reading fallback ${active.url}`);
  }
  if (active && active.index === 0 && before.activeUrl !== null && seen.fallbacks.includes(before.activeUrl)) {
    event('recovered', active.url, `back on the primary feed ${active.url} (was reading ${before.activeUrl})`);
  }

  // Stale: no feed that answered has fresh items (an undated feed is not judged).
  const newest = answered.reduce<number | null>((max, feed) => (feed.fresh.newestMs !== null && (max === null || feed.fresh.newestMs > max) ? feed.fresh.newestMs : max), null);
  const stale = answered.length > 0 && answered.every((feed) => feed.stale) && newest !== null;
  let staleSinceMs = before.staleSinceMs;
  if (stale) {
    staleSinceMs = newest;
    if (before.staleSinceMs === null) {
      const tried = answered.length > 1 ? `any of its ${answered.length} feeds` : `its feed ${answered[0]!.url}`;
      event('stale', activeUrl, `no new item since ${iso(newest)} in ${tried}`);
    }
  } else if (answered.length > 0) {
    staleSinceMs = null;
    if (before.staleSinceMs !== null) event('recovered', active?.url ?? null, `fresh items again (stale since ${iso(before.staleSinceMs)})`);
  }

  // Failing: every feed failed FAILING_AFTER_RUNS runs in a row.
  let failingSinceMs = before.failingSinceMs;
  if (answered.length === 0 && seen.feeds.length > 0) {
    if (failingSinceMs === null && seen.consecutiveFailures >= FAILING_AFTER_RUNS) {
      failingSinceMs = seen.nowMs;
      const errors = seen.feeds.map((feed) => `${feed.url}: ${feed.error ?? 'unknown error'}`).join('; ');
      event('failing', primary?.url ?? null, `every feed failed ${seen.consecutiveFailures} runs in a row (${errors})`);
    }
  } else if (answered.length > 0 && failingSinceMs !== null) {
    event('recovered', active?.url ?? null, `answering again (failing since ${iso(failingSinceMs)})`);
    failingSinceMs = null;
  }

  // Selector drift: a page on which the keep selectors matched nothing fell back to Readability.
  let selectorMisses = before.selectorMisses;
  let selectorsMissingSinceMs = before.selectorsMissingSinceMs;
  if (seen.selectorMisses > 0) {
    selectorMisses += seen.selectorMisses;
    if (selectorsMissingSinceMs === null) {
      selectorsMissingSinceMs = seen.nowMs;
      event('selectors', null, `keep selectors matched nothing on ${seen.selectorMisses} page(s); extracted with Readability`);
    }
  } else if (seen.selectorHits > 0 && selectorsMissingSinceMs !== null) {
    event('recovered', null, `keep selectors match again (${selectorMisses} page(s) missed since ${iso(selectorsMissingSinceMs)})`);
    selectorMisses = 0;
    selectorsMissingSinceMs = null;
  }

  return {
    health: { sourceId: seen.sourceId, activeUrl, staleSinceMs, failingSinceMs, selectorMisses, selectorsMissingSinceMs },
    events,
  };
}
