// A reader request must answer quickly whatever the article: each diff is bounded (diffRevisions gives up
// beyond DEFAULT_MAX_EDITS edits), and so is a page: the newest MAX_DIFFS pairs are diffed, and none once
// PAGE_DIFF_BUDGET_MS has gone. The static site diffs every pair (its pages must not depend on the clock).
import { budgetedDiffer, diffRevisionText, type RevisionDiffer } from '../publish/pages/index.ts';

/** Revision pairs whose diff is computed on one page; older pairs say so instead. */
export const MAX_DIFFS = 20;
/** Diffs of one page stop being computed once this much time has gone (each one is bounded too). */
export const PAGE_DIFF_BUDGET_MS = 1_000;

/** A differ for one article page; `clock` is monotonic milliseconds (performance.now by default). */
export function readerDiffer(clock: () => number = () => performance.now()): RevisionDiffer {
  return budgetedDiffer(diffRevisionText, { maxDiffs: MAX_DIFFS, budgetMs: PAGE_DIFF_BUDGET_MS, clock });
}
