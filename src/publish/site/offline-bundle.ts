// The archive's git bundle as the site sees it (`offline/newsvault-YYYY-MM.bundle`): its name, and which one is
// there to list. git/bundle.ts makes it after the commit (git comes after publish, so the name lives here and
// the offline page lists whatever file the last cycle left).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dayOfUtc8 } from '../../time/utc8.ts';

/** The folder of the site the bundle goes in (the EPUB digests' folder). */
export const BUNDLE_DIR = 'offline';
/** Every bundle's file name matches this (git/ignore.ts keeps it out of `git add`). */
export const BUNDLE_PATTERN = 'newsvault-*.bundle';
export const BUNDLE_NAME = /^newsvault-(\d{4}-\d{2})\.bundle$/;

export function bundleName(month: string): string {
  return `newsvault-${month}.bundle`;
}

/** The month (UTC+8, as the site's days) a moment falls in: `2026-12`. */
export function monthOfUtc8(ms: number): string {
  return dayOfUtc8(ms).slice(0, 7);
}

export interface ListedBundle {
  /** Site path: `offline/newsvault-2026-12.bundle`. */
  path: string;
  name: string;
  month: string;
  bytes: number;
}

/** The newest bundle in the site folder's offline folder, or null when there is none. */
export function findBundle(siteDir: string): ListedBundle | null {
  const dir = join(siteDir, BUNDLE_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`offline: listing ${dir}: ${(cause as Error).message}`, { cause });
  }
  const bundles = names.flatMap((name) => {
    const match = BUNDLE_NAME.exec(name);
    return match ? [{ name, month: match[1]! }] : [];
  });
  const newest = bundles.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0))[0];
  if (newest === undefined) return null;
  return { ...newest, path: `${BUNDLE_DIR}/${newest.name}`, bytes: statSync(join(dir, newest.name)).size };
}
