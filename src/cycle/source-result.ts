// A source's result before anything happened to it: the one shape a processed source starts from and a
// source another machine holds (a lease, run-cycle.ts) is reported as.
import type { SourceResult } from './types.ts';

export function emptySourceResult(source: { id: string; name: string }, url: string, outcome: SourceResult['outcome']): SourceResult {
  return {
    sourceId: source.id,
    name: source.name,
    url,
    outcome,
    newCount: 0,
    changedCount: 0,
    unchangedCount: 0,
    newArticles: [],
    changedArticles: [],
    error: null,
    warnings: [],
    movedTo: null,
    health: [],
    feedUrl: null,
    onFallback: false,
    durationMs: 0,
  };
}
