// Only repeated, consistent evidence marks an article as removed; one success marks it restored.
//
// Evidence of removal is a check that found the article `gone` (404/410, or a "not found" page) or
// `redirected-away` (to a home or section page). An article is removed when its latest REMOVAL_CHECKS
// conclusive checks are all such evidence and the first and last of them are at least REMOVAL_SPAN_MS
// apart: a CMS deploy or a misconfigured cache can return 404 for minutes, a real takedown lasts.
// `blocked` and `error` say nothing about the article (the network or a firewall failed us), so they are
// skipped over, neither counting nor breaking the streak. A removed article is restored by its latest
// conclusive check finding it (`alive` or `changed`): the page is back, whatever it says now.
import type { ArticleStatus, Check, CheckOutcome } from '../store/index.ts';
import { HOUR_MS } from './schedule.ts';

export const REMOVAL_CHECKS = 2;
export const REMOVAL_SPAN_MS = 3 * HOUR_MS;

const REMOVAL_EVIDENCE: ReadonlySet<CheckOutcome> = new Set(['gone', 'redirected-away']);
const PRESENT: ReadonlySet<CheckOutcome> = new Set(['alive', 'changed']);

export function isConclusive(outcome: CheckOutcome): boolean {
  return REMOVAL_EVIDENCE.has(outcome) || PRESENT.has(outcome);
}

export function isRemovalEvidence(outcome: CheckOutcome): boolean {
  return REMOVAL_EVIDENCE.has(outcome);
}

export type Verdict = { change: 'removed' | 'restored'; atMs: number } | { change: null; suspect: boolean };

/** What the checks (newest first) say about an article whose status is `status`. */
export function judge(status: ArticleStatus, checks: readonly Pick<Check, 'checkedMs' | 'outcome'>[]): Verdict {
  const conclusive = checks.filter((check) => isConclusive(check.outcome));
  const latest = conclusive[0];
  if (!latest) return { change: null, suspect: false };
  if (status === 'removed') {
    return PRESENT.has(latest.outcome) ? { change: 'restored', atMs: latest.checkedMs } : { change: null, suspect: false };
  }
  let streak = 0;
  while (streak < conclusive.length && REMOVAL_EVIDENCE.has(conclusive[streak]!.outcome)) streak++;
  if (streak === 0) return { change: null, suspect: false };
  const oldest = conclusive[streak - 1]!;
  if (streak >= REMOVAL_CHECKS && latest.checkedMs - oldest.checkedMs >= REMOVAL_SPAN_MS) {
    // The removal time is the first check of the streak: the article has been gone since at least then.
    return { change: 'removed', atMs: oldest.checkedMs };
  }
  return { change: null, suspect: true };
}
