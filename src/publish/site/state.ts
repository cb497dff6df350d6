// How far the site has been built, kept in `site/.state.json`: the build mark and a hash of everything
// besides the archive that shapes the pages (renderer version, sources, title, page size). A missing or
// unreadable state, a different settings hash or a mark the database does not know means: build all.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BuildMark } from '../../store/types.ts';

/** Bump when the HTML or Atom output changes shape, so every page is rebuilt once. */
export const RENDERER_VERSION = 3;

export interface SiteState {
  version: number;
  settings: string;
  mark: BuildMark;
}

export function settingsHash(settings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ renderer: RENDERER_VERSION, settings }))
    .digest('hex')
    .slice(0, 16);
}

export function readSiteState(path: string): SiteState | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`site: reading ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    const value = JSON.parse(text) as Partial<SiteState>;
    const mark = value.mark;
    if (
      typeof value.version !== 'number' ||
      typeof value.settings !== 'string' ||
      typeof mark?.revisionId !== 'number' ||
      typeof mark.revisionSha256 !== 'string' ||
      typeof mark.statusChangedMs !== 'number'
    ) {
      return null;
    }
    return { version: value.version, settings: value.settings, mark };
  } catch {
    return null; // a damaged state file only costs one full build
  }
}

export function formatSiteState(state: SiteState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
