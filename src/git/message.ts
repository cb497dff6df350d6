// The commit message says what changed: `archive: 12 new articles (voa 5, rfi 7)`, then details.

export interface SourceChange {
  sourceId: string;
  newCount: number;
  changedCount: number;
  removedCount?: number;
  restoredCount?: number;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function perSource(changes: readonly SourceChange[], pick: (change: SourceChange) => number): string {
  return changes
    .filter((change) => pick(change) > 0)
    .map((change) => `${change.sourceId} ${pick(change)}`)
    .join(', ');
}

export function commitMessage(changes: readonly SourceChange[], extra: readonly string[] = []): string {
  const sum = (pick: (change: SourceChange) => number) => changes.reduce((total, change) => total + pick(change), 0);
  const parts: string[] = [];
  const groups: [number, string, (change: SourceChange) => number][] = [
    [sum((c) => c.newCount), 'new article', (c) => c.newCount],
    [sum((c) => c.changedCount), 'changed article', (c) => c.changedCount],
    [sum((c) => c.removedCount ?? 0), 'removed article', (c) => c.removedCount ?? 0],
    [sum((c) => c.restoredCount ?? 0), 'restored article', (c) => c.restoredCount ?? 0],
  ];
  for (const [count, word, pick] of groups) {
    if (count > 0) parts.push(`${plural(count, word)} (${perSource(changes, pick)})`);
  }
  const subject = `archive: ${parts.length > 0 ? parts.join(', ') : 'update'}`;
  return extra.length > 0 ? `${subject}\n\n${extra.join('\n')}\n` : subject;
}
