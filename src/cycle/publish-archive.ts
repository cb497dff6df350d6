// The publish half of a cycle, shared by `run` and `check`: index, Markdown archive, static site and
// Atom feeds, the fetch-state file. Every writer renders from the store; none reads another's output.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { deferDurability, makeWrittenDurable, syncWrittenFolders, writeFileAtomic, type WriteLog } from '../files/atomic-write.ts';
import { FETCH_STATE_FILE, writeFetchStateFile } from '../archive-format/fetch-state-file.ts';
import { indexBlobs } from '../git/index.ts';
import { appendManifests, manifestCovered, MANIFEST_DIR, manifestMonths, manifestPosition, monthRange, saveManifestCoverage } from '../publish/manifest/index.ts';
import { publishMarkdown, reconcileWithCheckout } from '../publish/markdown/index.ts';
import { MEDIA_DIR } from '../publish/media-links.ts';
// Modules, not their folders' index files, which load every renderer: each publisher loads its renderers only
// when it has something to render, so an hour with nothing new never loads them (issue 15).
import { healthFeed } from '../publish/atom/health-feed.ts';
import { renderHealthPage } from '../publish/site/health-page.ts';
import { sitePaths } from '../publish/site/paths.ts';
import { publishSite } from '../publish/site/publish.ts';
import { readChanges } from '../publish/site/changes.ts';
import type { ListedBundle } from '../publish/site/offline-bundle.ts';
import { daysOver, readPublishState, savePublishState } from '../publish/site/state.ts';
import { publishSiteSearch } from '../search/site/publish.ts';
import type { Article, Store } from '../store/index.ts';
import type { SiteStories } from '../publish/site/story-pass.ts';
import { healthView } from './health-view.ts';

/** Articles read from the store at a time: memory stays flat however many a run added. */
const BATCH = 500;

export interface PublishArchiveOptions {
  config: Config;
  store: Store;
  /** Sources whose lists must be rewritten. */
  touchedSources: Iterable<string>;
  indexArticles?: (articles: readonly Article[]) => void | Promise<void>;
  /** The run's clock: re-checks and health events up to now go into the manifest. */
  nowMs: number;
  /** The archive's git bundle the offline page lists (bundle-phase.ts); absent: the one listed before. */
  bundle?: ListedBundle;
  /** The git index is as the last run's commit left it (git/clean-record.ts); absent: not known. */
  checkoutClean?: boolean;
}

export interface PublishArchiveResult {
  /** Articles the checkout lacked or held differently from what the store says was published. */
  reconciled: number;
  articlesWritten: number;
  filesWritten: string[];
  /** Things repaired on the way (a manifest line a killed run cut off). */
  warnings: string[];
  /** False when this publish wrote nothing into the output folder (filesWritten, and the fetch-state file). */
  checkoutChanged: boolean;
}

export async function publishArchive(options: PublishArchiveOptions): Promise<PublishArchiveResult> {
  // Files become durable at barriers, not one fsync each (atomic-write.ts); syncWrittenFolders() ends that,
  // on failure too, so that nothing written after this publish (in a long-running process) is left unsynced.
  deferDurability();
  try {
    return await publishAll(options);
  } finally {
    syncWrittenFolders();
  }
}

async function publishAll(options: PublishArchiveOptions): Promise<PublishArchiveResult> {
  const { config, store } = options;
  // Articles still unpublished are exactly those new, edited or re-marked since the last publish.
  if (options.indexArticles) {
    for (let batch = await store.pendingPublish(BATCH); batch.length > 0; batch = await store.pendingPublish(BATCH, batch.at(-1)!.id)) {
      await options.indexArticles(batch);
    }
  }
  // Read before the comparisons: a row another process adds meanwhile is above these ids, so never claimed covered.
  const rowIds = await store.manifestRowIds();
  const covered = manifestCovered(config.output, rowIds);
  // Only where this archive commits: elsewhere the index never holds what was written. Not when the index is as the
  // last run's commit left it (checkoutClean) and the store's rows as they were then (covered): that commit made the
  // index hold exactly what the store recorded writing, so reading it (every file of the archive) finds nothing.
  const touched = new Set(options.touchedSources);
  let reconciled = 0;
  const checkout = config.git.commit && !(options.checkoutClean === true && covered) ? indexBlobs(config.output, ['articles', 'lists', MANIFEST_DIR]) : null;
  if (checkout) {
    const result = await reconcileWithCheckout(store, checkout, config.sources);
    reconciled = result.rewritten;
    for (const sourceId of result.touchedSources) touched.add(sourceId);
  }
  const manifestSpan = await manifestRange(store, config.output, checkout);
  const log: WriteLog = { written: [] };
  const published = await publishMarkdown({
    store,
    output: config.output,
    sources: config.sources,
    listSize: config.listSize,
    touchedSources: touched,
    log,
  });
  // The manifest after the article files it describes: a run killed between the two writes both again.
  const warnings: string[] = [];
  // Nothing new in the store and the newest month file as the last comparison left it: the comparison, which reads
  // the whole month from both, would find nothing (publish/manifest/coverage.ts).
  if (manifestSpan && !(spanInNewestMonth(config.output, manifestSpan) && covered)) {
    const manifest = await appendManifests(store, config.output, {
      fromMs: manifestSpan[0],
      toMs: Math.max(manifestSpan[1], options.nowMs),
      nowMs: options.nowMs,
      othersWritten: log.written.length > 0,
      log,
    });
    makeWrittenDurable();
    await store.recordPublishedFiles(manifest.blobs);
    saveManifestCoverage(config.output, manifest.withheld === 0 ? rowIds : null);
    for (const path of manifest.repaired) warnings.push(`publish: ${path} ended in a line cut off by an interrupted run; cut it and wrote its lines again`);
  }
  // The site, its search and its EPUB digests read one change set, from the site folder's one publish state
  // (publish/site/state.ts), which is saved once all three have written: a run that failed before catches up.
  if (config.site.enabled) {
    const siteSources = config.sources.map(({ id, name, language }) => ({ id, name, language }));
    const changes = await readChanges(store, readPublishState(config.site.dir));
    const site = await publishSite({
      changes,
      store,
      stories: lazyStories(store),
      dir: config.site.dir,
      siteTitle: config.site.title,
      sources: siteSources,
      pageSize: config.site.pageSize,
      atomEntries: config.site.atomEntries,
      baseUrl: config.site.baseUrl,
      mediaDir: join(config.output, MEDIA_DIR),
      nowMs: options.nowMs,
      log,
      ...(options.bundle ? { bundle: options.bundle } : {}),
    });
    const search = await publishSiteSearch({ changes, store, dir: config.site.dir, siteTitle: config.site.title, sources: siteSources, log });
    // Source health: rewritten only when its bytes change (a new event, a switch, a stale source).
    const view = await healthView(store, config.sources);
    writeFileAtomic(join(config.site.dir, sitePaths.health), renderHealthPage(config.site.title, view), log);
    const feed = healthFeed({ siteTitle: config.site.title, baseUrl: config.site.baseUrl, view, entries: config.site.atomEntries });
    writeFileAtomic(join(config.site.dir, feed.path), feed.content, log);
    savePublishState(
      config.site.dir,
      { version: 2, mark: changes.mark, daysOverMs: daysOver(options.nowMs), manifest: manifestPosition(config.output), settings: { ...changes.previous?.settings, site: site.settings, search: search.settings } },
      log,
    );
  }
  // Validators alone changing (a server rotating its ETag) is not worth a commit of its own.
  let fetchStateWritten = false;
  if (log.written.length > 0 || !existsSync(join(config.output, FETCH_STATE_FILE))) {
    fetchStateWritten = await writeFetchStateFile(config.output, store, config.sources);
  }
  // Every new name durable before git records it: publishArchive's syncWrittenFolders().
  return { reconciled, articlesWritten: published.articlesWritten, filesWritten: log.written, warnings, checkoutChanged: log.written.length > 0 || fetchStateWritten };
}

/** True when the span to compare starts in the archive's newest month file (nothing older is due). */
function spanInNewestMonth(output: string, span: [number, number]): boolean {
  const newest = manifestMonths(output).at(-1);
  return newest !== undefined && span[0] >= monthRange(newest)[0];
}

/**
 * The span of time whose manifest months are compared with the store: from the last month with a file (a run
 * that was killed, or re-checks waiting, left lines there), the new revisions and status changes waiting to be
 * published, every month when the archive has no manifest yet, and months the checkout lacks or holds
 * differently from what was written. Null when the archive has no manifest and the store no revision.
 */
async function manifestRange(store: Store, output: string, checkout: ReadonlyMap<string, string> | null): Promise<[number, number] | null> {
  let from = Infinity;
  let to = -Infinity;
  const include = (ms: number | null | undefined) => {
    if (ms === null || ms === undefined) return;
    from = Math.min(from, ms);
    to = Math.max(to, ms);
  };
  for (let batch = await store.pendingPublish(BATCH); batch.length > 0; batch = await store.pendingPublish(BATCH, batch.at(-1)!.id)) {
    for (const article of batch) {
      include(article.revisionCount > 1 ? (await store.listRevisions(article.id)).at(-1)?.seenMs : article.firstSeenMs);
      include(article.statusChangedMs);
    }
  }
  const months = manifestMonths(output);
  if (months.length === 0) include(await store.firstRevisionMs());
  else include(monthRange(months.at(-1)!)[0]);
  if (checkout) {
    for (const [path, blob] of await store.publishedFiles()) {
      if (!path.startsWith(`${MANIFEST_DIR}/`) || checkout.get(path) === blob) continue;
      const month = /(\d{4}-\d{2})\.jsonl$/.exec(path)?.[1];
      if (month) include(monthRange(month)[0]);
    }
  }
  return from === Infinity ? null : [from, to];
}

/** The site's stories (stories/createDayStories), whose grouper and 简/繁 table are loaded on a first story asked for. */
function lazyStories(store: Store): SiteStories {
  let stories: SiteStories | null = null;
  return async (day) => {
    stories ??= (await import('../stories/archive.ts')).createDayStories(store);
    return stories(day);
  };
}
