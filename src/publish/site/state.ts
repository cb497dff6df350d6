// The one publish state of the site folder (`site/.state.json`): up to which store build mark the site, its
// search index and its EPUB digests were published, when, and a hash of everything besides the archive that
// shapes each of them (renderer version, sources, title, page size). The three publishers read one change set
// computed from it once per cycle (changes.ts) and the cycle saves it once, after all three have written.
//
// Why a file in the output and not a Store method pair: the mark says what *these files* hold, so it lives with
// them. A CI runner that lost its database checks the archive (site included) out again and rebuilds the store
// from it; a mark kept in the database would be lost with it and the next publish would render the whole site
// again. On PostgreSQL several machines share one store but each has its own output folder: a mark in the
// store would tell one machine's folder that another machine's publish had reached it. A mark in the folder
// is right for both: whichever machine publishes brings its own folder up from where that folder is.
//
// A store rebuilt from the archive gives revisions new ids, so the mark's revision id means nothing there. The
// state therefore also records how far the archive's manifest (.newsvault/manifest/, the archive's own record
// of every revision and status change) had got when it was written: right after a rebuild from an archive whose
// manifest has not grown since, the store holds exactly what was published, and the mark is moved to the
// rebuilt store's (reanchor.ts), so nothing is rendered again. Anything else unknown means: build everything.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildMark } from '../../store/types.ts';
import { makeWrittenDurable, writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
import { dayOfUtc8, dayRangeUtc8 } from '../../time/utc8.ts';

/** Bump when the HTML or Atom output changes shape, so every page is rebuilt once. */
export const RENDERER_VERSION = 3;

/** The state's place in the site folder. */
export const PUBLISH_STATE_PATH = '.state.json';
/** Where the site search kept its own mark before there was one state (read once, then removed). */
const LEGACY_SEARCH_STATE = 'search/.state.json';

/** The newest manifest file and its length when the state was written. */
export interface ManifestPosition {
  file: string;
  bytes: number;
}

export interface PublishState {
  version: 2;
  mark: BuildMark;
  /**
   * The start (UTC+8) of the day of the last publish: every day that had ended by then was given its digests, so
   * the days that end after it are due. A day, not the clock, so that a quiet hour leaves the state unchanged.
   */
  daysOverMs: number | null;
  manifest: ManifestPosition | null;
  /** Settings hash per publisher ('site', 'search'); a publisher whose hash differs (or is absent) builds all. */
  settings: Record<string, string>;
}

export function settingsHash(settings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ renderer: RENDERER_VERSION, settings }))
    .digest('hex')
    .slice(0, 16);
}

function isMark(mark: Partial<BuildMark> | undefined): mark is BuildMark {
  return typeof mark?.revisionId === 'number' && typeof mark.revisionSha256 === 'string' && typeof mark.statusChangedMs === 'number';
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`publish: reading ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // a damaged state file only costs one full build
  }
}

/**
 * The site folder's publish state, or null (never published, or unreadable). A version-1 file (the site's
 * own mark, from before there was one state) is read as the site's part, and the site search's old
 * `search/.state.json` as the search's when it had reached the same mark.
 */
export function readPublishState(siteDir: string): PublishState | null {
  const value = readJson(join(siteDir, PUBLISH_STATE_PATH)) as (Omit<Partial<PublishState>, 'version' | 'settings'> & { version?: number; settings?: unknown }) | null;
  if (value === null || typeof value !== 'object' || !isMark(value.mark)) return null;
  if (value.version === 1 && typeof value.settings === 'string') {
    const settings: Record<string, string> = { site: value.settings };
    const search = readJson(join(siteDir, LEGACY_SEARCH_STATE)) as { settings?: unknown; mark?: Partial<BuildMark> } | null;
    if (search && typeof search.settings === 'string' && isMark(search.mark) && sameMark(search.mark, value.mark)) settings['search'] = search.settings;
    return { version: 2, mark: value.mark, daysOverMs: null, manifest: null, settings };
  }
  if (value.version !== 2 || typeof value.settings !== 'object' || value.settings === null) return null;
  const settings = Object.fromEntries(Object.entries(value.settings as object).filter(([, hash]) => typeof hash === 'string')) as Record<string, string>;
  const manifest = value.manifest;
  return {
    version: 2,
    mark: value.mark,
    daysOverMs: typeof value.daysOverMs === 'number' ? value.daysOverMs : null,
    manifest: manifest && typeof manifest.file === 'string' && typeof manifest.bytes === 'number' ? { file: manifest.file, bytes: manifest.bytes } : null,
    settings,
  };
}

export function sameMark(a: BuildMark, b: BuildMark): boolean {
  return a.revisionId === b.revisionId && a.revisionSha256 === b.revisionSha256 && a.statusChangedMs === b.statusChangedMs;
}

export function formatPublishState(state: PublishState): string {
  const settings = Object.fromEntries(Object.entries(state.settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...state, settings }, null, 2)}\n`;
}

/** Writes the state (atomically, last: a publish killed before it is redone) and drops the old search state. */
export function savePublishState(siteDir: string, state: PublishState, log?: WriteLog): void {
  // The mark says the pages before it are written: they are on disk first (atomic-write.ts, barriers).
  makeWrittenDurable();
  writeFileAtomic(join(siteDir, PUBLISH_STATE_PATH), formatPublishState(state), log);
  rmSync(join(siteDir, LEGACY_SEARCH_STATE), { force: true });
}

/** PublishState.daysOverMs for a publish at `nowMs`: the start of its day in UTC+8. */
export function daysOver(nowMs: number): number {
  return dayRangeUtc8(dayOfUtc8(nowMs)).startMs;
}
