// Flags sources that need the operator's attention: failing several runs in a row, or silent for much
// longer than their usual interval between articles (learned from the articles they published).
import type { FetchState, Store } from '../store/index.ts';
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

export function assessHealth(input: { store: Store; state: FetchState; sourceId: string; nowMs: number }): HealthFlag[] {
  const flags: HealthFlag[] = [];
  if (input.state.consecutiveFailures >= FAILING_AFTER_RUNS) {
    flags.push({ kind: 'failing', runs: input.state.consecutiveFailures });
  }
  const latest = input.store.listLatest(input.sourceId, HISTORY);
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
