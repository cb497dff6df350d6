// Which months of the manifest (archive-format/manifest.ts) an archive folder holds: what the writer appends to
// and what an import rebuilds or verifies from.
import { existsSync, readdirSync } from 'node:fs';
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
