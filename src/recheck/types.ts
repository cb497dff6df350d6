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
  /** Problems that did not stop the checks (a page that could not be re-extracted). */
  warnings: string[];
}
