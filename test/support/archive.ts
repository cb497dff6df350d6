// Builds what an end-to-end test needs: a git-initialised output folder with a bare remote, a config
// for loopback sources, a real SQLite file (or the database `extra.database` names, a postgresql:// URL),
// and the project's real fetcher. Each run opens the store and its search index as `newsvault run` does.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromValue, type Config } from '../../src/config/index.ts';
import { createContentPipeline } from '../../src/cycle/prepare-content.ts';
import { runCycle } from '../../src/cycle/run-cycle.ts';
import { createQueuedIndexer } from '../../src/cycle/search-indexer.ts';
import type { CycleResult } from '../../src/cycle/types.ts';
import { createFetcher, type FetcherOptions } from '../../src/fetch/index.ts';
import { git } from '../../src/git/exec.ts';
import { openStore } from '../../src/store/open-store.ts';

export interface TestArchive {
  root: string;
  output: string;
  remote: string;
  database: string;
  config: Config;
  run(now?: Date): Promise<CycleResult>;
  commits(): Promise<string[]>;
}

/** The fetcher's time limits; a test that expects a timeout passes short ones (see createTestArchive). */
export type TestTimeouts = Partial<Pick<FetcherOptions, 'timeoutMs' | 'bodyTimeoutMs' | 'maxTotalMs'>>;

/**
 * The fetcher's limits are generous by default: on a loaded machine this process (server and client both)
 * can stall for seconds, and a stalled timer fires before the I/O that was ready, so a source expected to
 * answer must never be near a time limit. A test that wants a `timeout` passes short limits and a server
 * that never answers, and keeps sources that must succeed out of that run.
 */
export async function createTestArchive(
  sources: { id: string; name: string; url: string; [key: string]: unknown }[],
  extra: Record<string, unknown> = {},
  timeouts: TestTimeouts = {},
): Promise<TestArchive> {
  const root = mkdtempSync(join(tmpdir(), 'nv-e2e-'));
  const output = join(root, 'archive');
  const remote = join(root, 'remote.git');
  mkdirSync(output);
  await git(root, ['init', '--quiet', '--bare', remote]);
  await git(output, ['init', '--quiet']);
  await git(output, ['remote', 'add', 'origin', remote]);
  const config = configFromValue({ output, database: join(root, 'newsvault.sqlite'), sources, ...extra }, null, root);
  const database = config.database;
  return {
    root,
    output,
    remote,
    database,
    config,
    async run(now = new Date('2024-01-01T00:00:00Z')) {
      const { store, search } = await openStore(config);
      const fetcher = createFetcher({
        timeoutMs: 60_000,
        bodyTimeoutMs: 60_000,
        maxTotalMs: 120_000,
        ...timeouts,
        // The config's size cap applies, as in a real run (too-large must come from the cap, not a clock).
        ...(config.fetch.maxBytes ? { maxBytes: config.fetch.maxBytes } : {}),
        ...(config.fetch.maxFeedBytes ? { maxStreamBytes: config.fetch.maxFeedBytes } : {}),
        retries: 1,
        sleep: async () => {},
      });
      try {
        const content = createContentPipeline({ config, fetcher, cacheDir: join(root, 'page-cache') });
        await search.prepare();
        const indexer = createQueuedIndexer(search);
        const result = await runCycle({ config, store, fetcher, content, now: () => now, commitDate: now, indexArticles: indexer.indexArticles });
        await indexer.flush();
        return result;
      } finally {
        await fetcher.close();
        await store.close();
      }
    },
    async commits() {
      const log = await git(output, ['log', '--format=%s']);
      return log.code === 0 ? log.stdout.trim().split('\n').filter(Boolean) : [];
    },
  };
}
