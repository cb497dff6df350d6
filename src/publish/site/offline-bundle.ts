// The archive's git bundle as the site sees it (`offline/newsvault-YYYY-MM.bundle`): its name, and what the offline
// page says of it. git/bundle.ts makes it; the cycle (cycle/bundle-phase.ts) makes it before publishing and hands the
// description here, so the page that lists a new bundle is written, and committed, in the same cycle that made it.
// git comes after publish, so the names live here and git/ imports them.
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

/** A bundle as the offline page lists it (and the offline state records it). */
export interface ListedBundle {
  /** Site path: `offline/newsvault-2026-12.bundle`. */
  path: string;
  name: string;
  month: string;
  bytes: number;
  /** The commit the bundle's branch points at: the archive as it stood when the bundle was made. */
  commit: string;
  /** That commit's committer date. */
  committedMs: number;
}

/** A ListedBundle read back from the offline state, or null when the value is not one (an older state's string). */
export function parseListedBundle(value: unknown): ListedBundle | null {
  if (typeof value !== 'object' || value === null) return null;
  const bundle = value as Record<string, unknown>;
  const { path, name, month, bytes, commit, committedMs } = bundle;
  if (typeof name !== 'string' || !BUNDLE_NAME.test(name) || typeof path !== 'string' || typeof month !== 'string') return null;
  if (typeof bytes !== 'number' || typeof commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(commit) || typeof committedMs !== 'number') return null;
  return { path, name, month, bytes, commit, committedMs };
}

export function sameBundle(a: ListedBundle | null, b: ListedBundle | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.path === b.path && a.bytes === b.bytes && a.commit === b.commit && a.committedMs === b.committedMs && a.month === b.month;
}
