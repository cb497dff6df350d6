// Per-source fetch validators kept in the archive itself (`.newsvault/fetch-state.json`), so a store
// rebuilt from the archive on a fresh CI runner still sends conditional requests. Only values that
// change with the feed are written (not attempt times), so a quiet run does not dirty the archive.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export const FETCH_STATE_FILE = '.newsvault/fetch-state.json';

export interface SavedFetchState {
  url: string;
  configuredUrl: string | null;
  etag: string | null;
  lastModified: string | null;
}

export function writeFetchStateFile(output: string, store: Store, sourceIds: readonly string[]): boolean {
  const states: Record<string, SavedFetchState> = {};
  for (const id of [...sourceIds].sort()) {
    const state = store.getFetchState(id);
    if (!state || state.lastSuccessMs === null) continue;
    states[id] = { url: state.url, configuredUrl: state.configuredUrl, etag: state.etag, lastModified: state.lastModified };
  }
  return writeFileAtomic(join(output, FETCH_STATE_FILE), `${JSON.stringify(states, null, 2)}\n`);
}

export function readFetchStateFile(output: string): Record<string, SavedFetchState> {
  const path = join(output, FETCH_STATE_FILE);
  if (!existsSync(path)) return {};
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, SavedFetchState>) : {};
  } catch (cause) {
    throw new Error(`import: ${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}
