// What a batch of re-checks reports.
import type { CheckOutcome } from '../store/index.ts';

export interface CheckedRef {
  id: number;
  sourceId: string;
  number: number;
  title: string;
}

export interface RecheckResult {
  checked: number;
  /** How many checks had each outcome. */
  outcomes: Record<CheckOutcome, number>;
  removed: CheckedRef[];
  restored: CheckedRef[];
  /** Articles whose page now carries different text: a new revision was stored. */
  revised: CheckedRef[];
  /** Sources whose lists must be rewritten (an article's status changed). */
  touchedSources: string[];
  /** How many articles are still due, beyond the cap, for a later run. */
  stillDue: number;
  /** Due articles left to another process: it was re-checking them, or had re-checked them since they were listed. */
  leftToOthers: number;
  /** Problems that did not stop the checks (a page that could not be re-extracted). */
  warnings: string[];
  /** The checks whose outcome was `error`, grouped by the fetch error's kind, most frequent first. */
  errorKinds: CheckErrorGroup[];
}

export interface CheckErrorGroup {
  /** The fetch error's kind (`timeout`, `dns`, `http`…), or `internal`. */
  kind: string;
  count: number;
  /** The first such check's detail, so the user sees a reason, not just a count. */
  sample: string;
}
