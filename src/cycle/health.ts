// Flags sources that need the operator's attention: failing several runs in a row, stale (judged from the
// feed's items, cycle/staleness.ts; before a source has a health record, from the articles it published),
// read from a fallback feed, or with keep selectors that no longer match.
import type { FetchState, Store } from '../store/index.ts';
import { staleAfterMs } from './staleness.ts';
import type { HealthFlag } from './types.ts';

export const FAILING_AFTER_RUNS = 3;
const MIN_EXPECTED_INTERVAL_MS = 6 * 3600 * 1000;
const STALE_FACTOR = 4;
const HISTORY = 30;

export function expectedIntervalMs(publishedMs: readonly number[]): number | null {
  if (publishedMs.length < 5) return null;
  const sorted = [...publishedMs].sort((a, b) => b - a);
  const gaps = sorted.slice(1).map((value, index) => sorted[index]! - value).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return Math.max(MIN_EXPECTED_INTERVAL_MS, median * STALE_FACTOR);
}

export async function assessHealth(input: { store: Store; state: FetchState; sourceId: string; nowMs: number }): Promise<HealthFlag[]> {
  const flags: HealthFlag[] = [];
  if (input.state.consecutiveFailures >= FAILING_AFTER_RUNS) {
    flags.push({ kind: 'failing', runs: input.state.consecutiveFailures });
  }
  const health = await input.store.getSourceHealth(input.sourceId);
  if (health !== null) {
    if (health.staleSinceMs !== null) {
      const feed = health.activeUrl === null ? null : await input.store.getFeedState(input.sourceId, health.activeUrl);
      flags.push({ kind: 'stale', sinceMs: health.staleSinceMs, expectedIntervalMs: staleAfterMs(feed?.medianIntervalMs ?? null) });
    }
    if (health.activeUrl !== null && health.activeUrl !== input.state.url && health.activeUrl !== input.state.configuredUrl) flags.push({ kind: 'fallback', url: health.activeUrl });
    if (health.selectorsMissingSinceMs !== null) flags.push({ kind: 'selectors', sinceMs: health.selectorsMissingSinceMs, misses: health.selectorMisses });
    return flags;
  }
  const latest = await input.store.listLatest(input.sourceId, HISTORY);
  const interval = expectedIntervalMs(latest.map((article) => article.firstSeenMs));
  const lastNew = input.state.lastNewItemMs ?? latest[0]?.firstSeenMs ?? null;
  if (interval !== null && lastNew !== null && input.nowMs - lastNew > interval) {
    flags.push({ kind: 'stale', sinceMs: lastNew, expectedIntervalMs: interval });
  }
  return flags;
}

/** A source no cycle has tried yet (configured since the last run, or only imported). */
export function neverFetched(state: FetchState | null): boolean {
  return state === null || (state.lastAttemptMs === null && state.lastSuccessMs === null && state.consecutiveFailures === 0);
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A flag in a few words, for `status` and the run summary. */
export function describeFlag(flag: HealthFlag): string {
  switch (flag.kind) {
    case 'failing':
      return `failing ${flag.runs} runs`;
    case 'stale':
      return `stale since ${iso(flag.sinceMs)}`;
    case 'fallback':
      return `on fallback ${flag.url}`;
    case 'selectors':
      return `selectors missing since ${iso(flag.sinceMs)} (${flag.misses} pages)`;
  }
}
