// What the end-to-end tests on PostgreSQL each set up the same way: a throwaway cluster and a loopback feed server
// for one describe block, and the config file a `newsvault` child process in its own folder reads (its own output
// folder, the shared database, git commit off, no retries).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startPostgresCluster, type PostgresCluster } from '../../src/store/postgres/test-support.ts';
import { startFeedServer, type FeedServer } from './feed-server.ts';

export interface PostgresFixture {
  /** Started before the block's first test; stopped after its last. */
  readonly cluster: PostgresCluster;
  readonly server: FeedServer;
}

/** Starts a cluster and a feed server before the enclosing describe block's tests and stops both after them. */
export function usePostgresAndFeedServer(): PostgresFixture {
  let cluster: PostgresCluster | undefined;
  let server: FeedServer | undefined;
  before(async () => {
    cluster = await startPostgresCluster();
    server = await startFeedServer();
  });
  after(async () => {
    await server?.close();
    await cluster?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is started in before(): read it inside a test`);
    return value;
  };
  return {
    get cluster() {
      return started(cluster, 'PostgreSQL cluster');
    },
    get server() {
      return started(server, 'feed server');
    },
  };
}

export interface RunConfigOptions {
  fulltext?: 'feed' | 'page';
  /** Re-checks a run makes (`recheck.perRun`); 0 by default, so a run only fetches. */
  perRun?: number;
  /** Merged over `{ retries: 0, timeoutMs: 10_000 }`. */
  fetch?: Record<string, unknown>;
}

/** Writes `dir`/newsvault.config.json for a child process archiving `sources` into `database`; returns its path. */
export function writeRunConfig(
  dir: string,
  database: string,
  sources: readonly { id: string; name: string; url: string }[],
  options: RunConfigOptions = {},
): string {
  const file = join(dir, 'newsvault.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      output: join(dir, 'archive'),
      database,
      fetch: { retries: 0, timeoutMs: 10_000, ...options.fetch },
      fulltext: options.fulltext ?? 'feed',
      git: { commit: false },
      recheck: { perRun: options.perRun ?? 0 },
      sources,
    }),
  );
  return file;
}
