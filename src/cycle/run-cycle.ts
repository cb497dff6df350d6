// One archive cycle, top to bottom: sources → fetch → parse → normalize → extract → clean → store →
// publish → git. Each source is isolated; publishing and committing happen once, after all sources.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import type { CommitResult } from '../git/index.ts';
import { emptyRecheckResult, type RecheckResult } from '../recheck/index.ts';
import type { Article, Store, SourceRunResult } from '../store/index.ts';
import type { PublishLock, SourceLeases } from '../store/lease.ts';
import { feedOnly, type ContentPipeline } from './content.ts';
import { importIfEmpty } from './import-if-empty.ts';
import { processSource } from './process-source.ts';
import { publishArchive } from './publish-archive.ts';
import { publishInTurn } from './publish-turn.ts';
import { recheckPhase } from './recheck-phase.ts';
import { cycleCommitMessage } from './commit-message.ts';
import { commitPhase } from './commit-phase.ts';
import { bundlePhase, type BundlePhaseResult } from './bundle-phase.ts';
import { emptySourceResult } from './source-result.ts';
import type { CycleExitCode, CycleResult, SourceResult } from './types.ts';

/** Sources processed at once when the config does not say (`fetch.concurrency`). */
export const SOURCE_CONCURRENCY = 16;

/** How long a source's lease lasts when its holder never releases it (killed): far longer than any fetch of one source. */
export const LEASE_TTL_MS = 15 * 60_000;

/** Several processes sharing one store (PostgreSQL): each fetches a source only under its lease (store/lease.ts). */
export interface CycleLeases {
  leases: SourceLeases;
  /** This process's name in the lease table (host, pid and a random part). */
  holder: string;
  ttlMs?: number;
  /** One publisher at a time (publish-turn.ts); absent: this process publishes. */
  publish?: PublishLock;
}

export interface CycleDeps {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  now: () => Date;
  /** Full text and images; defaults to the feed's content as sent. */
  content?: ContentPipeline;
  /** Called as each source finishes (progress on a terminal). */
  onSourceDone?: (result: SourceResult, done: number, total: number) => void;
  /** Fixed commit time for reproducible tests. */
  commitDate?: Date;
  /** Keeps the search index in step: called with every new, changed or re-marked article. */
  indexArticles?: (articles: readonly Article[]) => void | Promise<void>;
  /** Absent: this process is the store's only writer (SQLite). */
  leases?: CycleLeases;
  /**
   * This process's name in the store's re-check leases, which the re-check phase takes on either engine (a
   * `newsvault check` may run beside it). Absent: the source leases' holder, else one made for this cycle.
   */
  holder?: string;
  /**
   * True when the output's work tree held nothing uncommitted as this cycle began (git/clean-record.ts): a cycle
   * that then writes nothing has nothing to stage, and its commit phase skips `git add`. Absent: always stage.
   */
  checkoutClean?: boolean;
}

export async function runCycle(deps: CycleDeps): Promise<CycleResult> {
  const { config, store } = deps;
  const started = deps.now();
  const errors: string[] = [];
  const sources = config.sources.filter((source) => source.enabled);

  // A fresh CI runner has the archive but no database: read the archive first so nothing is duplicated.
  let imported: number;
  try {
    imported = await importIfEmpty({
      store,
      output: config.output,
      sources: config.sources,
      now: deps.now,
      siteDir: config.site.enabled ? config.site.dir : null,
      ...(deps.indexArticles ? { indexArticles: deps.indexArticles } : {}),
    });
  } catch (error) {
    // Fetching without knowing what the archive holds could duplicate or renumber articles: stop here.
    errors.push(`import: reading the existing archive in ${config.output} failed, so nothing was fetched: ${(error as Error).message}`);
    return emptyResult(started, deps.now(), errors);
  }
  await store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
  // Before the run is recorded: a run in the table has its start on the lease clock (a test waits on that).
  const lease = deps.leases;
  const cycleStartMs = lease ? await lease.leases.cycleStart() : 0;
  const runId = await store.startRun(started.getTime());

  const timings = { sourcesMs: 0, recheckMs: 0, publishMs: 0, commitMs: 0 };
  let phaseStarted = performance.now();
  const phaseDone = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] = Math.round(now - phaseStarted);
    phaseStarted = now;
  };

  // At most `concurrency` sources in flight: each holds its feed body and parsed items until stored,
  // so this bounds memory as well as connections (the fetcher also limits per host).
  const results: SourceResult[] = new Array(sources.length);
  /** The sources this process fetched under its leases: the ones whose articles it re-checks. */
  const claimed: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index]!;
      if (lease && !(await lease.leases.claim(source.id, lease.holder, cycleStartMs, lease.ttlMs ?? LEASE_TTL_MS))) {
        // Another process holds it, or fetched it since this cycle began.
        results[index] = skipped(source);
      } else {
        if (lease) claimed.push(source.id);
        try {
          results[index] = await processSource(source, {
            store,
            fetcher: deps.fetcher,
            now: deps.now,
            content: deps.content ?? feedOnly,
            imageProxy: config.imageProxy,
          });
        } finally {
          if (lease) await lease.leases.release(source.id, lease.holder);
        }
      }
      deps.onSourceDone?.(results[index]!, ++done, sources.length);
    }
  };
  const workers = Math.max(1, Math.min(config.fetch.concurrency ?? SOURCE_CONCURRENCY, sources.length));
  await Promise.all(Array.from({ length: workers }, worker));
  phaseDone('sourcesMs');

  // A bounded share of the archive is re-checked before publishing, so that a removal or restoration
  // found now is in this run's lists and commit (recheck/schedule.ts says which articles are due).
  // Under leases, only the articles of the sources this process fetched: each due article is re-checked once per
  // cycle however many processes share the store (articles of sources no enabled config names: `newsvault check`).
  let rechecks: RecheckResult = emptyRecheckResult();
  try {
    rechecks = await recheckPhase({
      config,
      store,
      fetcher: deps.fetcher,
      now: deps.now,
      content: deps.content ?? feedOnly,
      holder: deps.holder ?? lease?.holder ?? `cycle/${randomUUID()}`,
      ...(lease ? { sourceIds: claimed } : {}),
    });
  } catch (error) {
    errors.push(`recheck: ${(error as Error).message}`);
  }

  phaseDone('recheckMs');

  let articlesWritten = 0;
  let checkoutChanged = imported > 0 || rechecks.touchedSources.length > 0 || results.some((r) => r.newCount + r.changedCount > 0);
  const filesWritten: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let publishing: CycleResult['publishing'] = 'published';
  try {
    let touched = [
      ...results.filter((result) => result.newCount + result.changedCount > 0).map((r) => r.sourceId),
      ...rechecks.touchedSources,
    ];
    if (imported > 0) touched = config.sources.map((source) => source.id);
    let bundle: BundlePhaseResult | null = null;
    publishing = await publishInTurn(lease?.publish, store, async () => {
      // The monthly bundle first (bundle-phase.ts), by the process that publishes, so this publish lists it and this
      // cycle's commit holds the listing: the run after it has nothing to rewrite.
      if (bundle === null) {
        bundle = await bundlePhase(config, store, deps.now().getTime());
        warnings.push(...bundle.warnings);
      }
      const published = await publishArchive({
        config,
        store,
        touchedSources: touched,
        ...(deps.indexArticles ? { indexArticles: deps.indexArticles } : {}),
        nowMs: deps.now().getTime(),
        ...(bundle.bundle ? { bundle: bundle.bundle } : {}),
        checkoutClean: deps.checkoutClean === true,
      });
      touched = []; // a later round (others' writes) finds its sources from what is pending
      articlesWritten += published.articlesWritten;
      if (published.checkoutChanged) checkoutChanged = true;
      for (const file of published.filesWritten) if (!seen.has(file)) filesWritten.push(file), seen.add(file);
      warnings.push(...published.warnings);
    });
  } catch (error) {
    const message = (error as Error).message;
    errors.push(message.startsWith('publish: ') ? message : `publish: ${message}`);
  }

  phaseDone('publishMs');

  let commit: CommitResult | null = null;
  // Left to the other machine: this folder has nothing new to commit.
  if (config.git.commit && errors.length === 0 && publishing === 'published') {
    // A killed run's files are staged by the next run: it finds no record that the checkout was clean.
    const stage = deps.checkoutClean !== true || checkoutChanged;
    const committed = await commitPhase(config, cycleCommitMessage(results, rechecks), {
      stage,
      // Each article written is its Markdown file and (the site on) its page; filesWritten the rest.
      filesWritten: 2 * articlesWritten + filesWritten.length,
      ...(deps.commitDate ? { date: deps.commitDate } : {}),
    });
    commit = committed.commit;
    errors.push(...committed.errors);
  }

  phaseDone('commitMs');

  const ended = deps.now();
  await store.finishRun(runId, ended.getTime(), results.map(toRunResult));
  return {
    runId,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    sources: results,
    imported,
    rechecks,
    articlesWritten,
    filesWritten,
    publishing,
    timings,
    commit,
    warnings,
    errors,
    exitCode: cycleExitCode(results, errors),
  };
}

/**
 * The exit-code contract (README): 3 when the archive could not advance (every enabled source failed, or
 * an import, re-check, publish, commit or push error, which also stops the commit); 1 when some sources
 * failed and the rest went all the way through; 0 otherwise.
 */
export function cycleExitCode(results: readonly SourceResult[], errors: readonly string[]): CycleExitCode {
  if (errors.length > 0) return 3;
  const failed = results.filter((result) => result.outcome === 'failed').length;
  if (failed > 0 && failed === results.length) return 3;
  return failed > 0 ? 1 : 0;
}

function skipped(source: { id: string; name: string; url: string }): SourceResult {
  return emptySourceResult(source, source.url, 'skipped');
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

function emptyResult(started: Date, ended: Date, errors: string[]): CycleResult {
  return {
    runId: 0,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    sources: [],
    imported: 0,
    rechecks: emptyRecheckResult(),
    articlesWritten: 0,
    filesWritten: [],
    publishing: 'published',
    timings: { sourcesMs: 0, recheckMs: 0, publishMs: 0, commitMs: 0 },
    commit: null,
    warnings: [],
    errors,
    exitCode: 3,
  };
}
