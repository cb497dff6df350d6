// `newsvault check [--all]`: the re-checks alone. Without --all, the articles that are due (at most
// `recheck.perRun`); with --all, every archived article now, whatever the schedule. Status changes are
// published to the Markdown archive (source lists, lists/removed.md) and committed like a run's.
import type { Config } from '../config/index.ts';
import { importIfEmpty } from '../cycle/import-if-empty.ts';
import { createContentPipeline } from '../cycle/prepare-content.ts';
import { createPageReviser } from '../cycle/revise-from-page.ts';
import { publishArchive } from '../cycle/publish-archive.ts';
import { createQueuedIndexer } from '../cycle/search-indexer.ts';
import { configuredFetcher } from './configured-fetcher.ts';
import { withOutputLock } from './output-lock.ts';
import { commitArchive, commitMessage, GitError, type SourceChange } from '../git/index.ts';
import { runRechecks, type RecheckResult } from '../recheck/index.ts';
import { openStore } from '../store/open-store.ts';
import type { CliIo } from './io.ts';
import { EXIT_FAILED, EXIT_OK } from './io.ts';

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
  const { store, search } = await openStore(config);
  const fetcher = configuredFetcher(config);
  const errors: string[] = [];
  try {
    await search.prepare();
    const indexer = createQueuedIndexer(search);
    await importIfEmpty({ store, output: config.output, sources: config.sources, now: io.now });
    await store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
    const proxies = new Map(config.sources.map((source) => [source.id, source.proxy]));
    const result = await runRechecks({
      store,
      fetcher,
      now: io.now,
      all: options.all ?? false,
      limit: options.all ? Number.MAX_SAFE_INTEGER : config.recheck.perRun,
      proxyFor: (sourceId) => proxies.get(sourceId) ?? null,
      revise: createPageReviser({
        store,
        content: createContentPipeline({ config, fetcher }),
        sources: config.sources,
        now: io.now,
        imageProxy: config.imageProxy,
      }),
    });

    let committed = false;
    try {
      // Re-check lines wait for other changes as in a cycle (the manifest writer's CHECKS_WAIT_MS): a check that
      // found nothing new makes no commit.
      const published = await publishArchive({
        config,
        store,
        touchedSources: result.touchedSources,
        indexArticles: indexer.indexArticles,
        nowMs: io.now().getTime(),
      });
      await indexer.flush();
      result.warnings.push(...published.warnings);
      if (config.git.commit) {
        const commit = await commitArchive({
          dir: config.output,
          message: commitMessage(changes(result)),
          authorName: config.git.authorName,
          authorEmail: config.git.authorEmail,
          remotes: config.git.remotes,
          push: config.git.push,
          ...(options.commitDate ? { date: options.commitDate } : {}),
        });
        committed = commit.committed;
        for (const push of commit.pushes.filter((outcome) => !outcome.ok)) errors.push(`git: push to ${push.remote} failed: ${push.error}`);
      }
    } catch (error) {
      errors.push(error instanceof GitError ? error.message : `publish: ${(error as Error).message}`);
    }

    io.stdout(options.json ? `${JSON.stringify({ ...result, committed, errors })}\n` : formatCheckSummary(result, committed));
    if (nothingChecked(result)) {
      const offline = result.errorKinds.every((group) => group.kind === 'network' || group.kind === 'timeout');
      errors.push(
        `check: none of the ${result.checked} re-checks got an answer (reasons above), so nothing was learned` +
          (offline ? '; the machine may be offline' : ''),
      );
    }
    for (const error of errors) io.stderr(`${error}\n`);
    // A publish, commit or push that failed: the archive did not advance (the exit-code contract, cli/io.ts).
    return errors.length > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    await fetcher.close();
    await store.close();
  }
}

function changes(result: RecheckResult): SourceChange[] {
  const bySource = new Map<string, SourceChange>();
  const entry = (sourceId: string) => {
    let change = bySource.get(sourceId);
    if (!change) bySource.set(sourceId, (change = { sourceId, newCount: 0, changedCount: 0, removedCount: 0, restoredCount: 0 }));
    return change;
  };
  for (const ref of result.removed) entry(ref.sourceId).removedCount! += 1;
  for (const ref of result.restored) entry(ref.sourceId).restoredCount! += 1;
  for (const ref of result.revised) entry(ref.sourceId).changedCount += 1;
  return [...bySource.values()];
}

/** Every check ended in an error: no answer from any source (an article checked nowhere is no news). */
export function nothingChecked(result: RecheckResult): boolean {
  return result.checked > 0 && result.outcomes.error === result.checked;
}

export function formatCheckSummary(result: RecheckResult, committed: boolean): string {
  const outcomes = Object.entries(result.outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  const lines = [
    `checked ${result.checked} article${result.checked === 1 ? '' : 's'}${outcomes ? `: ${outcomes}` : ''}`,
    ...result.errorKinds.map((group) => `  ${group.count} error${group.count === 1 ? '' : 's'} (${group.kind}), e.g. ${group.sample}`),
    ...result.removed.map((ref) => `removed  ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...result.restored.map((ref) => `restored ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...result.revised.map((ref) => `edited   ${ref.sourceId}/${ref.number} ${ref.title}`),
    ...result.warnings,
    `${result.removed.length} removed, ${result.restored.length} restored, ${result.revised.length} edited; ` +
      `${result.stillDue} still due${committed ? '; committed' : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
