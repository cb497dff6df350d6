// One archive cycle, top to bottom: sources → fetch → parse → normalize → extract → clean → store →
// publish → git. Each source is isolated; publishing and committing happen once, after all sources.
import type { Config, Source } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import { commitArchive, commitMessage, GitError, type CommitResult } from '../git/index.ts';
import { publishMarkdown } from '../publish/markdown/index.ts';
import { writeFetchStateFile } from '../publish/fetch-state-file.ts';
import type { Store, SourceRunResult } from '../store/index.ts';
import { feedContent, type ContentPreparer } from './content.ts';
import { importIfEmpty } from './import-if-empty.ts';
import { processSource } from './process-source.ts';
import type { CycleResult, SourceResult } from './types.ts';

export interface CycleDeps {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  now: () => Date;
  prepareContent?: ContentPreparer;
  /** Called as each source finishes (progress on a terminal). */
  onSourceDone?: (result: SourceResult, done: number, total: number) => void;
  /** Fixed commit time for reproducible tests. */
  commitDate?: Date;
}

export async function runCycle(deps: CycleDeps): Promise<CycleResult> {
  const { config, store } = deps;
  const started = deps.now();
  const errors: string[] = [];
  const sources = config.sources.filter((source) => source.enabled);

  // A fresh CI runner has the archive but no database: read the archive first so nothing is duplicated.
  const imported = importIfEmpty({ store, output: config.output, sources: config.sources, now: deps.now });
  store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
  const runId = store.startRun(started.getTime());

  let done = 0;
  const results = await Promise.all(
    sources.map(async (source: Source) => {
      const result = await processSource(source, {
        store,
        fetcher: deps.fetcher,
        now: deps.now,
        prepareContent: deps.prepareContent ?? feedContent,
      });
      deps.onSourceDone?.(result, ++done, sources.length);
      return result;
    }),
  );

  let articlesWritten = 0;
  let filesWritten: string[] = [];
  try {
    const touched = results.filter((result) => result.newCount + result.changedCount > 0).map((r) => r.sourceId);
    const published = publishMarkdown({
      store,
      output: config.output,
      sources: config.sources,
      listSize: config.listSize,
      touchedSources: imported > 0 ? config.sources.map((source) => source.id) : touched,
    });
    articlesWritten = published.articlesWritten;
    filesWritten = published.files;
    writeFetchStateFile(config.output, store, config.sources.map((source) => source.id));
  } catch (error) {
    errors.push(`publish: ${(error as Error).message}`);
  }

  let commit: CommitResult | null = null;
  if (config.git.commit && errors.length === 0) {
    try {
      commit = await commitArchive({
        dir: config.output,
        message: commitMessage(
          results.map((result) => ({ sourceId: result.sourceId, newCount: result.newCount, changedCount: result.changedCount })),
          summaryLines(results),
        ),
        authorName: config.git.authorName,
        authorEmail: config.git.authorEmail,
        remotes: config.git.remotes,
        push: config.git.push,
        ...(deps.commitDate ? { date: deps.commitDate } : {}),
      });
      for (const push of commit.pushes.filter((outcome) => !outcome.ok)) {
        errors.push(`git: push to ${push.remote} failed: ${push.error}`);
      }
    } catch (error) {
      errors.push(error instanceof GitError ? error.message : `git: ${(error as Error).message}`);
    }
  }

  const ended = deps.now();
  store.finishRun(runId, ended.getTime(), results.map(toRunResult));
  const failed = results.some((result) => result.outcome === 'failed') || errors.length > 0;
  return {
    runId,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    sources: results,
    imported,
    articlesWritten,
    filesWritten,
    commit,
    errors,
    exitCode: failed ? 1 : 0,
  };
}

function toRunResult(result: SourceResult): SourceRunResult {
  return {
    sourceId: result.sourceId,
    outcome: result.outcome,
    newCount: result.newCount,
    changedCount: result.changedCount,
    unchangedCount: result.unchangedCount,
    errorKind: result.error?.kind ?? null,
    errorMessage: result.error?.message ?? null,
  };
}

function summaryLines(results: readonly SourceResult[]): string[] {
  return results
    .filter((result) => result.newCount + result.changedCount > 0 || result.outcome === 'failed')
    .map((result) =>
      result.outcome === 'failed'
        ? `${result.sourceId}: failed (${result.error?.kind}): ${result.error?.message}`
        : `${result.sourceId}: ${result.newCount} new, ${result.changedCount} changed`,
    );
}
