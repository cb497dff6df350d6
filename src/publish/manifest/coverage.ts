// What the last publish found when it compared the manifest with the store: the newest month file's name, size and
// modification time after its appends, and the store's newest row id of each kind of manifest line then. The
// comparison reads every line of the month from the store and from the file (appendManifests), which grows with the
// month; an hour in which neither changed (same file bytes, same row ids: these rows are only ever added) would find
// nothing missing, so the publish skips it (issue 15).
//
// Saved only when the comparison left nothing missing (re-check lines waiting for company are missing): a record
// never claims more than the file holds. It lives in the output's .git folder, like the output lock: a cache of
// this folder's state, never committed, kept with the folder, so another machine's folder or a store rebuilt from
// the archive (other row ids, or the same ids against a file touched since) never matches it. Without a .git
// folder there is no record and every publish compares, as before.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestRowIds } from '../../store/types.ts';
import { MANIFEST_DIR } from '../../archive-format/manifest.ts';
import { manifestMonths } from '../../archive-format/manifest-months.ts';

const RECORD = 'newsvault-manifest-coverage.json';

export interface ManifestCoverage {
  /** The newest month file, e.g. `2026-12.jsonl`. */
  file: string;
  bytes: number;
  mtimeMs: number;
  ids: ManifestRowIds;
}

function recordPath(output: string): string | null {
  const dir = join(output, '.git');
  return existsSync(dir) && statSync(dir).isDirectory() ? join(dir, RECORD) : null;
}

/** The newest month file as it is now, or null when the archive has none. */
function newestFile(output: string): Omit<ManifestCoverage, 'ids'> | null {
  const month = manifestMonths(output).at(-1);
  if (month === undefined) return null;
  const file = `${month}.jsonl`;
  const stat = statSync(join(output, MANIFEST_DIR, file));
  return { file, bytes: stat.size, mtimeMs: stat.mtimeMs };
}

/** True when the newest month file and the store's row ids are what the last complete comparison left. */
export function manifestCovered(output: string, ids: ManifestRowIds): boolean {
  const path = recordPath(output);
  if (path === null || !existsSync(path)) return false;
  let saved: ManifestCoverage;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as ManifestCoverage;
  } catch {
    return false; // a damaged record only costs one comparison
  }
  const now = newestFile(output);
  const same = (a: ManifestRowIds, b: Partial<ManifestRowIds> | undefined) =>
    b !== undefined && a.revision === b.revision && a.status === b.status && a.check === b.check && a.health === b.health;
  return now !== null && now.file === saved.file && now.bytes === saved.bytes && now.mtimeMs === saved.mtimeMs && same(ids, saved.ids);
}

/** After a comparison that left nothing missing, with the row ids read before it; null (something left) removes it. */
export function saveManifestCoverage(output: string, ids: ManifestRowIds | null): void {
  const path = recordPath(output);
  if (path === null) return;
  const file = ids === null ? null : newestFile(output);
  if (ids === null || file === null) {
    rmSync(path, { force: true });
    return;
  }
  const record: ManifestCoverage = { ...file, ids: { revision: ids.revision, status: ids.status, check: ids.check, health: ids.health } };
  // Not fsynced: a record lost to a power cut only costs one comparison; one that survives a lost append is
  // caught by the file's size and time.
  writeFileSync(path, `${JSON.stringify(record)}\n`);
}
