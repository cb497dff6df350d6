// Writes the months of the manifest that changed, from the store, and every later month (their header
// carries the previous file's hash). A month's lines are in time order and new revisions are seen now,
// so in practice a file only ever grows at its end.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../store/types.ts';
import { writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
import { gitBlobId } from '../blob-id.ts';
import { MANIFEST_DIR, manifestPath, monthOf, monthRange, nextMonth, renderMonth } from './format.ts';

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Months with a manifest file, oldest first ("YYYY-MM" names are fixed-width, so they sort as dates). */
export function manifestMonths(output: string): string[] {
  const dir = join(output, MANIFEST_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^(\d{4}-\d{2})\.jsonl$/.exec(name)?.[1])
    .filter((month): month is string => month !== undefined)
    .sort();
}

/**
 * Rewrites the manifest from `fromMs`'s month to `toMs`'s month. Returns the blob id of each file written
 * (for the store's record of what the checkout should hold).
 */
export function publishManifests(store: Store, output: string, fromMs: number, toMs: number, log?: WriteLog): Map<string, string> {
  const blobs = new Map<string, string>();
  const first = monthOf(fromMs);
  const existing = manifestMonths(output);
  const before = existing.filter((month) => month < first).at(-1);
  let previous = before ? sha256File(join(output, manifestPath(before))) : null;
  const last = [monthOf(toMs), existing.at(-1) ?? first].sort().at(-1)!;
  for (let month = first; month <= last; month = nextMonth(month)) {
    const [from, to] = monthRange(month);
    const revisions = store.listRevisionsBetween(from, to);
    const events = store.listStatusEventsBetween(from, to);
    if (revisions.length === 0 && events.length === 0) continue;
    const content = renderMonth(month, previous, revisions, events);
    writeFileAtomic(join(output, manifestPath(month)), content, log);
    blobs.set(manifestPath(month), gitBlobId(content));
    previous = createHash('sha256').update(content).digest('hex');
  }
  return blobs;
}
