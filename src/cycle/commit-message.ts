// What a cycle's commit says: counts per source in the subject (`archive: 12 new articles (voa 5, rfi 7)`),
// then one line per failed source and per article found removed, restored or edited at its source.
import { commitMessage, type SourceChange } from '../git/index.ts';
import type { RecheckResult } from '../recheck/index.ts';
import type { SourceResult } from './types.ts';

export function cycleCommitMessage(results: readonly SourceResult[], rechecks: RecheckResult): string {
  return commitMessage(sourceChanges(results, rechecks), [...summaryLines(results), ...recheckLines(rechecks)]);
}

/** Per source: new and changed from the feeds, removed and restored from the re-checks. */
function sourceChanges(results: readonly SourceResult[], rechecks: RecheckResult): SourceChange[] {
  const changes = new Map<string, SourceChange>(
    results.map((result) => [result.sourceId, { sourceId: result.sourceId, newCount: result.newCount, changedCount: result.changedCount }]),
  );
  const entry = (sourceId: string) => {
    let change = changes.get(sourceId);
    if (!change) changes.set(sourceId, (change = { sourceId, newCount: 0, changedCount: 0 }));
    return change;
  };
  for (const ref of rechecks.removed) entry(ref.sourceId).removedCount = (entry(ref.sourceId).removedCount ?? 0) + 1;
  for (const ref of rechecks.restored) entry(ref.sourceId).restoredCount = (entry(ref.sourceId).restoredCount ?? 0) + 1;
  for (const ref of rechecks.revised) entry(ref.sourceId).changedCount += 1;
  return [...changes.values()];
}

function recheckLines(rechecks: RecheckResult): string[] {
  return [
    ...rechecks.removed.map((ref) => `removed at source: ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...rechecks.restored.map((ref) => `restored at source: ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...rechecks.revised.map((ref) => `edited at source: ${ref.sourceId}/${ref.number} ${ref.title}`),
  ];
}

function summaryLines(results: readonly SourceResult[]): string[] {
  return results
    .filter((result) => result.newCount + result.changedCount > 0 || result.outcome === 'failed')
    .map((result) =>
      result.outcome === 'failed'
        ? `${result.sourceId}: failed (${result.error?.kind}): ${result.error?.message}`
        : `${result.sourceId}: ${result.newCount} new, ${result.changedCount} changed`,
    );
}
