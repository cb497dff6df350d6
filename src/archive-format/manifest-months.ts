// Which months of the manifest (archive-format/manifest.ts) an archive folder holds: what the writer appends to
// and what an import rebuilds or verifies from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_DIR } from './manifest.ts';

/** Months with a manifest file, oldest first ("YYYY-MM" names are fixed-width, so they sort as dates). */
export function manifestMonths(output: string): string[] {
  const dir = join(output, MANIFEST_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^(\d{4}-\d{2})\.jsonl$/.exec(name)?.[1])
    .filter((month): month is string => month !== undefined)
    .sort();
}

/** How far the archive's manifest has got: its newest month's file and length (the site's publish state keeps it). */
export function manifestPosition(output: string): { file: string; bytes: number } | null {
  const month = manifestMonths(output).at(-1);
  if (month === undefined) return null;
  const file = `${month}.jsonl`;
  return { file, bytes: statSync(join(output, MANIFEST_DIR, file)).size };
}
