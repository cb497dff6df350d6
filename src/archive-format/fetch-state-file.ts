// Per-source fetch state kept in the archive itself (`.newsvault/fetch-state.json`), so a store rebuilt from
// the archive on a fresh CI runner still sends conditional requests (to the primary and to every fallback,
// each with its own validators) and knows each source's health as the last run that wrote the archive left
// it. Only values that change with the feeds are written (not attempt times), and the file is written only
// by a run that writes something else, so a quiet run does not dirty the archive.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceHealth, Store } from '../store/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export const FETCH_STATE_FILE = '.newsvault/fetch-state.json';

/** What was last read of one feed URL: its validators, and its items' dates (a 304 says they are unchanged). */
export interface SavedFeedState {
  etag: string | null;
  lastModified: string | null;
  newestItemMs: number | null;
  medianIntervalMs: number | null;
}

export interface SavedFetchState {
  url: string;
  configuredUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Every feed of the source (primary and fallbacks) that has answered, by URL. Absent in older files. */
  feeds?: Record<string, SavedFeedState>;
  /** The source's health record (cycle/source-health.ts). Absent in older files. */
  health?: Omit<SourceHealth, 'sourceId'>;
}

export async function writeFetchStateFile(
  output: string,
  store: Store,
  sources: readonly { id: string; fallbacks?: readonly string[] }[],
): Promise<boolean> {
  const states: Record<string, SavedFetchState> = {};
  for (const source of [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const state = await store.getFetchState(source.id);
    if (!state || state.lastSuccessMs === null) continue;
    const saved: SavedFetchState = { url: state.url, configuredUrl: state.configuredUrl, etag: state.etag, lastModified: state.lastModified };
    const feeds: Record<string, SavedFeedState> = {};
    for (const url of [state.url, ...(source.fallbacks ?? [])]) {
      const feed = await store.getFeedState(source.id, url);
      if (!feed || feed.lastSuccessMs === null || url in feeds) continue;
      feeds[url] = { etag: feed.etag, lastModified: feed.lastModified, newestItemMs: feed.newestItemMs, medianIntervalMs: feed.medianIntervalMs };
    }
    if (Object.keys(feeds).length > 0) saved.feeds = feeds;
    const health = await store.getSourceHealth(source.id);
    if (health) {
      const { sourceId: _sourceId, ...rest } = health;
      saved.health = rest;
    }
    states[source.id] = saved;
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
