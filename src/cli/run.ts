// `newsvault run [--config FILE]`: one full cycle, under the output folder's lock.
import type { Config } from '../config/index.ts';
import { createContentPipeline } from '../cycle/prepare-content.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { createQueuedIndexer } from '../cycle/search-indexer.ts';
import { saveCleanRecord } from '../git/clean-record.ts';
import { describeInitialized, ensureOwnRepository } from '../git/index.ts';
import { openStore } from '../store/open-store.ts';
import { leaseHolder } from './lease-holder.ts';
import { configuredFetcher } from './configured-fetcher.ts';
import type { CliIo } from './io.ts';
import { ensureOutputFolder, withOutputLock } from './output-lock.ts';
import { formatProgress, formatSummary } from './summary.ts';

export async function runCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): Promise<number> {
  if (config.git.commit) {
    // Before the lock is taken, so that the lock lives inside the new .git folder, where nothing is staged.
    ensureOutputFolder(config.output);
    const repository = await ensureOwnRepository(config.output);
    if (repository.initialized) io.stderr(`${describeInitialized(config.output, repository)}\n`);
  }
  return withOutputLock(config, io, 'run', ({ checkoutClean }) => runLocked(config, io, options, checkoutClean));
}

async function runLocked(config: Config, io: CliIo, options: { json?: boolean }, checkoutClean: boolean): Promise<number> {
  const opened = await openStore(config);
  const { store, search } = opened;
  const fetcher = configuredFetcher(config);
  // One name for both kinds of lease: an operator reading the tables sees which process holds what.
  const holder = leaseHolder();
  try {
    await search.prepare();
    const indexer = createQueuedIndexer(search);
    const result = await runCycle({
      config,
      store,
      fetcher,
      now: io.now,
      content: createContentPipeline({ config, fetcher }),
      checkoutClean,
      indexArticles: indexer.indexArticles,
      holder,
      // On PostgreSQL other `newsvault run` processes (other machines) may share the store: sources are leased, and
      // one of them at a time publishes.
      ...(opened.engine === 'postgresql'
        ? { leases: { leases: opened.leases, holder, ...(opened.publishLock ? { publish: opened.publishLock } : {}) } }
        : {}),
      onSourceDone: io.isTty ? (source, done, total) => io.stderr(`${formatProgress(source, done, total)}\n`) : undefined,
    });
    await indexer.flush();
    // Committed, or nothing to commit: the next run that writes nothing need not stage (git/clean-record.ts).
    if (result.commit?.repository && result.errors.length === 0) saveCleanRecord(config.output);
    io.stdout(options.json ? `${JSON.stringify(result)}\n` : formatSummary(result));
    return result.exitCode;
  } finally {
    await fetcher.close();
    await store.close();
  }
}
