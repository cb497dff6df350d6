// `newsvault check [--all]`: the re-checks alone. Without --all, the articles that are due (at most
// `recheck.perRun`); with --all, every archived article now, whatever the schedule. Status changes are
// published to the Markdown archive (source lists, lists/removed.md) and committed like a run's: the re-check,
// publish and commit phases are the cycle's own (cycle/recheck-phase.ts, publish-archive.ts, commit-phase.ts).
import type { Config } from '../config/index.ts';
import { cycleCommitMessage } from '../cycle/commit-message.ts';
import { commitPhase } from '../cycle/commit-phase.ts';
import { importIfEmpty } from '../cycle/import-if-empty.ts';
import { createContentPipeline } from '../cycle/prepare-content.ts';
import { publishArchive } from '../cycle/publish-archive.ts';
import { publishInTurn, type PublishTurn } from '../cycle/publish-turn.ts';
import { recheckPhase } from '../cycle/recheck-phase.ts';
import { cycleExitCode } from '../cycle/run-cycle.ts';
import { createQueuedIndexer } from '../cycle/search-indexer.ts';
import { openStore } from '../store/open-store.ts';
import { configuredFetcher } from './configured-fetcher.ts';
import { leaseHolder } from './lease-holder.ts';
import type { CliIo } from './io.ts';
import { withOutputLock } from './output-lock.ts';
import { formatCheckSummary, nothingCheckedError } from './summary.ts';

export interface CheckOptions {
  all?: boolean;
  json?: boolean;
  /** Fixed commit time for reproducible tests. */
  commitDate?: Date;
}

export function checkCommand(config: Config, io: CliIo, options: CheckOptions = {}): Promise<number> {
  return withOutputLock(config, io, 'check', () => checkLocked(config, io, options));
}

async function checkLocked(config: Config, io: CliIo, options: CheckOptions): Promise<number> {
  // SQLite or PostgreSQL, as the config says (store/open-store.ts), with its search index.
  const { store, search, publishLock } = await openStore(config);
  const fetcher = configuredFetcher(config);
  const errors: string[] = [];
  try {
    await search.prepare();
    const indexer = createQueuedIndexer(search);
    await importIfEmpty({ store, output: config.output, sources: config.sources, now: io.now });
    await store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
    const result = await recheckPhase({
      config,
      store,
      fetcher,
      now: io.now,
      content: createContentPipeline({ config, fetcher }),
      all: options.all ?? false,
      // Under re-check leases, on either engine: another `check` or a run's re-check phase may share the store.
      holder: leaseHolder(),
    });

    let committed = false;
    let publishing: PublishTurn = 'published';
    try {
      // Re-check lines wait for other changes as in a cycle (the manifest writer's CHECKS_WAIT_MS): a check that
      // found nothing new makes no commit. On PostgreSQL one process publishes at a time, as a run does
      // (cycle/publish-turn.ts): a check beside another check or a run leaves publishing to the holder.
      let touched = result.touchedSources;
      publishing = await publishInTurn(publishLock, store, async () => {
        const published = await publishArchive({
          config,
          store,
          touchedSources: touched,
          indexArticles: indexer.indexArticles,
          nowMs: io.now().getTime(),
        });
        touched = []; // a later round (others' writes) finds its sources from what is pending
        result.warnings.push(...published.warnings);
      });
      await indexer.flush();
      if (config.git.commit && publishing === 'published') {
        const commit = await commitPhase(config, cycleCommitMessage([], result), options.commitDate ? { date: options.commitDate } : {});
        committed = commit.commit?.committed ?? false;
        errors.push(...commit.errors);
      }
    } catch (error) {
      const message = (error as Error).message;
      errors.push(message.startsWith('publish: ') ? message : `publish: ${message}`);
    }

    io.stdout(options.json ? `${JSON.stringify({ ...result, publishing, committed, errors })}\n` : formatCheckSummary(result, committed, publishing));
    const nothingLearned = nothingCheckedError(result);
    if (nothingLearned) errors.push(nothingLearned);
    for (const error of errors) io.stderr(`${error}\n`);
    // The exit-code contract (cli/io.ts) as a cycle without sources reads it: a re-check that learned nothing, a
    // publish, commit or push that failed is 3 (the archive did not advance), anything else 0.
    return cycleExitCode([], errors);
  } finally {
    await fetcher.close();
    await store.close();
  }
}
