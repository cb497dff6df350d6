// The per-source summary every run ends with, and progress lines for a terminal.
import { describeFlag } from '../cycle/health.ts';
import type { CycleResult, SourceResult } from '../cycle/types.ts';
import type { RecheckResult } from '../recheck/index.ts';

function describe(result: SourceResult): string {
  switch (result.outcome) {
    case 'failed':
      return `FAILED ${result.error?.kind ?? 'error'}: ${result.error?.message ?? ''}`;
    case 'not-modified':
      return 'not modified (304)';
    case 'skipped':
      return 'skipped';
    default:
      return `${result.newCount} new, ${result.changedCount} changed, ${result.unchangedCount} unchanged`;
  }
}

function healthNote(result: SourceResult): string {
  return result.health.map(describeFlag).join('; ');
}

export function formatProgress(result: SourceResult, done: number, total: number): string {
  return `[${done}/${total}] ${result.sourceId}: ${describe(result)}`;
}

export function formatSummary(cycle: CycleResult): string {
  const width = Math.max(6, ...cycle.sources.map((result) => result.sourceId.length));
  const lines = cycle.sources.map((result) => {
    const notes = [healthNote(result), result.movedTo ? `moved to ${result.movedTo}` : '']
      .filter(Boolean)
      .join('; ');
    return `${result.sourceId.padEnd(width)}  ${describe(result)}${notes ? `  [${notes}]` : ''}`;
  });
  const totals = cycle.sources.reduce(
    (sum, result) => ({ added: sum.added + result.newCount, changed: sum.changed + result.changedCount }),
    { added: 0, changed: 0 },
  );
  const failed = cycle.sources.filter((result) => result.outcome === 'failed').length;
  lines.push(
    `${'total'.padEnd(width)}  ${totals.added} new, ${totals.changed} changed, ${failed} failed of ${cycle.sources.length} sources` +
      (cycle.imported > 0 ? `, ${cycle.imported} imported from the archive` : ''),
  );
  const checks = cycle.rechecks;
  if (checks.checked > 0) {
    lines.push(
      `re-checked ${checks.checked} articles: ${checks.removed.length} removed, ${checks.restored.length} restored, ` +
        `${checks.revised.length} edited at the source` + (checks.stillDue > 0 ? `; ${checks.stillDue} more due` : '') +
        (checks.leftToOthers > 0 ? `; ${checks.leftToOthers} left to another process` : ''),
    );
  }
  const offline = offlineHint(cycle);
  if (offline) lines.push(offline);
  if (cycle.publishing === 'left-to-other') {
    lines.push('publishing left to the other machine: another process sharing this database was publishing, and publishes what this run stored');
  }
  if (cycle.commit?.committed) lines.push(`committed ${cycle.commit.commit?.slice(0, 12)}`);
  for (const warning of [...cycle.warnings, ...(cycle.commit?.warnings ?? [])]) lines.push(`warning: ${warning}`);
  for (const push of cycle.commit?.pushes ?? []) {
    lines.push(`pushed to ${push.remote}: ${push.ok ? (push.rebased ? 'ok, after rebasing onto commits pushed by someone else' : 'ok') : push.error}`);
  }
  for (const error of cycle.errors) lines.push(`error: ${error}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Every source failing with a network error (DNS or connection: the kind `fetch/errors.ts` gives them) is
 * rarely every outlet at once; far more often this machine has no way out.
 */
export function offlineHint(cycle: CycleResult): string | null {
  const failed = cycle.sources.filter((result) => result.outcome === 'failed');
  if (failed.length === 0 || failed.length !== cycle.sources.length) return null;
  if (!failed.every((result) => result.error?.kind === 'network')) return null;
  // Feeds on this machine itself (the demo's, a local feed server) that refuse: the server is not running, the
  // network is not the cause.
  if (failed.every((result) => isLoopback(result.url))) {
    const hosts = [...new Set(failed.map((result) => new URL(result.url).host))].join(', ');
    return (
      `every source is on this machine (${hosts}) and none answered: the server that served them is not running ` +
      `(the one \`newsvault demo\` starts stops when the demo ends; run \`newsvault demo\` again for a new one).`
    );
  }
  return (
    `every source failed with a network error (DNS or connection): this machine may be offline, or its network ` +
    `blocks these hosts (set fetch.proxy in the config). \`newsvault demo\` shows a full cycle without internet.`
  );
}

function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false; // not a URL at all: certainly not a loopback one
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `newsvault check`'s summary: the outcomes, each error kind with a sample reason, every status change. */
export function formatCheckSummary(result: RecheckResult, committed: boolean, publishing: 'published' | 'left-to-other' = 'published'): string {
  const outcomes = Object.entries(result.outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  const lines = [
    `checked ${result.checked} article${result.checked === 1 ? '' : 's'}${outcomes ? `: ${outcomes}` : ''}`,
    ...result.errorKinds.map((group) => `  ${group.count} error${group.count === 1 ? '' : 's'} (${group.kind}), e.g. ${group.sample}`),
    ...result.removed.map((ref) => `removed  ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...result.restored.map((ref) => `restored ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...result.revised.map((ref) => `edited   ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...result.warnings,
    `${result.removed.length} removed, ${result.restored.length} restored, ${result.revised.length} edited; ` +
      `${result.stillDue} still due` +
      (result.leftToOthers > 0 ? `; ${result.leftToOthers} left to another process` : '') +
      (committed ? '; committed' : ''),
    ...(publishing === 'left-to-other'
      ? ['publishing left to the other machine: another process sharing this database was publishing, and publishes what this check found']
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Every re-check ended in an error: no answer from any source (an article checked nowhere is no news), so the
 * check learned nothing, an error of its own. Null when at least one got an answer, or nothing was due.
 */
export function nothingCheckedError(result: RecheckResult): string | null {
  if (result.checked === 0 || result.outcomes.error !== result.checked) return null;
  const offline = result.errorKinds.every((group) => group.kind === 'network' || group.kind === 'timeout');
  return (
    `check: none of the ${result.checked} re-checks got an answer (reasons above), so nothing was learned` +
    (offline ? '; the machine may be offline' : '')
  );
}
