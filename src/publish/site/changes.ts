// The one change set of a publish: what the store holds beyond the site folder's publish state (state.ts),
// read once per cycle and handed to the site, its search index and its EPUB digests.
import type { ArticleSummary, BuildMark, Store } from '../../store/types.ts';
import type { PublishState } from './state.ts';

export interface PublishChanges {
  /** The store's mark now: what the state records once every publisher has written. */
  mark: BuildMark;
  /** Articles new, edited or re-marked since the state's mark, in id order; null: build everything. */
  changed: readonly ArticleSummary[] | null;
  /** The state read (for each publisher's settings hash and the last publish time); null when there is none. */
  previous: PublishState | null;
}

/** An empty change set costs two indexed reads (the mark and its check) and one for the changed rows. */
export async function readChanges(store: Store, previous: PublishState | null): Promise<PublishChanges> {
  const mark = await store.currentBuildMark();
  if (previous === null || !(await store.buildMarkIsValid(previous.mark))) return { mark, changed: null, previous };
  // Status changes strictly after the mark's: the store's ">=" would hand back the newest one published every
  // time. A status change at the very millisecond of the mark but after it was read is left out; the cycle's
  // clock stamps every change of a cycle before its publish reads the mark.
  const since = { ...previous.mark, statusChangedMs: previous.mark.statusChangedMs + 1 };
  return { mark, changed: await store.listChangedSince(since), previous };
}

/** Nothing to publish: the state's mark is valid and no article changed since it. */
export function nothingChanged(changes: PublishChanges): boolean {
  return changes.changed !== null && changes.changed.length === 0;
}
