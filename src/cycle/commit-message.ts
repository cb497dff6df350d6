// What a cycle's commit says: counts per source in the subject (`archive: 12 new articles (voa 5, rfi 7)`),
// then one line per failed source and per article found removed, restored or edited at its source.
// The counts of new and changed articles come from what is staged, not from this run's feeds: a run after
// a killed one also commits the article files that run wrote, and its message must say so.
import { commitMessage, type SourceChange, type StagedChange } from '../git/index.ts';
import type { RecheckResult } from '../recheck/index.ts';
import type { SourceResult } from './types.ts';

export function cycleCommitMessage(results: readonly SourceResult[], rechecks: RecheckResult): (staged: readonly StagedChange[]) => string {
  return (staged) => {
    const fromRun = sourceChanges(results, rechecks);
    const counted = stagedArticleChanges(staged);
    const changes = mergeCounts(fromRun, counted);
    const runArticles = fromRun.reduce((sum, change) => sum + change.newCount + change.changedCount, 0);
    const stagedArticles = [...counted.values()].reduce((sum, change) => sum + change.newCount + change.changedCount, 0);
    const extra = [...summaryLines(results), ...recheckLines(rechecks)];
    if (stagedArticles > runArticles) {
      extra.push(`${stagedArticles - runArticles} of these article files were written by an earlier run that did not finish`);
    }
    const message = commitMessage(changes, extra);
    if (!message.startsWith('archive: update')) return message;
    // No article changed: say which files did (a site rebuild, lists after a re-check, files restored).
    return message.replace('archive: update', `archive: ${staged.length} files updated (${folderCounts(staged)})`);
  };
}

/** New (added) and changed (modified) article files per source folder. */
function stagedArticleChanges(staged: readonly StagedChange[]): Map<string, SourceChange> {
  const bySource = new Map<string, SourceChange>();
  for (const { status, path } of staged) {
    const match = /^articles\/([^/]+)\/[^/]+\.md$/.exec(path);
    if (!match || (status !== 'A' && status !== 'M')) continue;
    const sourceId = match[1]!;
    let change = bySource.get(sourceId);
    if (!change) bySource.set(sourceId, (change = { sourceId, newCount: 0, changedCount: 0 }));
    if (status === 'A') change.newCount++;
    else change.changedCount++;
  }
  return bySource;
}

/** Staged counts of new and changed articles replace the run's; removals and restorations stay the run's. */
function mergeCounts(fromRun: readonly SourceChange[], staged: ReadonlyMap<string, SourceChange>): SourceChange[] {
  const merged = fromRun.map((change) => ({ ...change, ...(staged.get(change.sourceId) ?? { newCount: 0, changedCount: 0 }) }));
  for (const [sourceId, change] of staged) if (!fromRun.some((run) => run.sourceId === sourceId)) merged.push({ ...change });
  return merged;
}

function folderCounts(staged: readonly StagedChange[]): string {
  const counts = new Map<string, number>();
  for (const { path } of staged) {
    const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].map(([folder, count]) => `${folder} ${count}`).join(', ');
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
