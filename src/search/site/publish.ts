// Writes the site's search: the page, the script, the fold table and the index shards, from the same
// store reads the site is built from. It reads the cycle's change set (publish/site/changes.ts) from the site
// folder's one publish state, so it updates only what changed since the last publish and catches up after a run
// that failed before it.
import { join } from 'node:path';
import { writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
import { listFolder, readFileOrNull, removeFolder } from './read-file.ts';
import type { PageSource } from '../../publish/pages/index.ts';
import { sitePaths } from '../../publish/site/paths.ts';
import type { ArticleSummary, Store } from '../../store/index.ts';
import { readPublishState, savePublishState, settingsHash } from '../../publish/site/state.ts';
import { readChanges, type PublishChanges } from '../../publish/site/changes.ts';
// Types only: the builder, the page, the script and the fold table are loaded when something changed, so an
// hour with nothing new never loads them (issue 15).
import type { documentOf as DocumentOf } from '../document.ts';
import type { BuildResult, FullBuild, SegmentRule } from './build.ts';
import { INDEX_VERSION, searchPaths, type SiteSearchRecord } from './types.ts';

export interface PublishSiteSearchOptions {
  store: Store;
  /** The site folder (absolute). */
  dir: string;
  siteTitle: string;
  sources: readonly PageSource[];
  /** Rebuild the whole index, whatever the saved state says. */
  full?: boolean;
  /** The segment rule (build.ts); null keeps one unsealed segment, the layout before segments (benchmarks). */
  rule?: SegmentRule | null;
  /** The cycle's change set; the caller saves the publish state. Without it the search reads and saves the state itself. */
  changes?: PublishChanges;
  log?: WriteLog;
}

export interface PublishSiteSearchResult {
  full: boolean;
  /** The settings hash the index was built with (PublishState.settings.search). */
  settings: string;
  /** Articles (re)indexed. */
  articles: number;
  /** Token shards rebuilt (written or found identical). */
  tokenShards: number;
  /** Segments in the index after this publish, and how many were sealed or merged by it. */
  segments: number;
  merges: number;
  /** Segment folders deleted (replaced by a merge). */
  removedSegments: number;
  files: string[];
}

const BATCH = 500;

async function recordOf(store: Store, summary: ArticleSummary, documentOf: typeof DocumentOf): Promise<SiteSearchRecord | null> {
  const article = await store.getArticle(summary.id);
  if (!article) return null;
  const doc = documentOf(article);
  return {
    id: article.id,
    title: doc.title,
    source: article.sourceId,
    publishedMs: article.publishedMs,
    text: doc.text,
    url: sitePaths.article(article.sourceId, article.number),
    removed: article.status === 'removed',
  };
}

// Every article's record, read `BATCH` at a time in ascending ids and handed to the full build as it is read:
// the builder keeps each article's postings and doc entry, not its text.
async function buildFromAll(store: Store, documentOf: typeof DocumentOf, build: FullBuild): Promise<number> {
  let count = 0;
  for (let batch = await store.listSummariesAfter(0, BATCH); batch.length > 0; batch = await store.listSummariesAfter(batch.at(-1)!.id, BATCH)) {
    for (const summary of batch) {
      const record = await recordOf(store, summary, documentOf);
      if (record) {
        build.add(record);
        count++;
      }
    }
  }
  return count;
}

export async function publishSiteSearch(options: PublishSiteSearchOptions): Promise<PublishSiteSearchResult> {
  const { store, dir } = options;
  const log: WriteLog = options.log ?? { written: [] };
  const before = log.written.length;
  const write = (path: string, content: string): boolean => writeFileAtomic(join(dir, path), content, log);
  const settings = settingsHash({ searchIndex: INDEX_VERSION });
  const own = options.changes === undefined;
  const changes = options.changes ?? (await readChanges(store, readPublishState(dir)));
  const incremental = !options.full && changes.changed !== null && changes.previous?.settings['search'] === settings;
  const saveOwn = () => {
    if (own) savePublishState(dir, { version: 2, mark: changes.mark, daysOverMs: null, manifest: null, settings: { ...changes.previous?.settings, search: settings } }, log);
  };
  // Nothing changed since the mark: nothing is read or written.
  if (incremental && changes.changed!.length === 0) {
    saveOwn();
    return { full: false, settings, articles: 0, tokenShards: 0, segments: 0, merges: 0, removedSegments: 0, files: log.written.slice(before) };
  }
  const [{ siteContext }, { SIMPLIFIED_PAIRS }, { buildSearchIndex, startFullBuild }, { CLIENT_SCRIPT }, { renderSearchPage }, { formatFoldTable, parseManifest }, { documentOf }] = await Promise.all([
    import('../../publish/site/site-links.ts'),
    import('../simplified-table.ts'),
    import('./build.ts'),
    import('./client-script.ts'),
    import('./page.ts'),
    import('./shard-files.ts'),
    import('../document.ts'),
  ]);
  const sourceMap = new Map(options.sources.map((source) => [source.id, source]));
  write(searchPaths.page, renderSearchPage(siteContext(options.siteTitle, sourceMap, searchPaths.page)));
  write(searchPaths.script, CLIENT_SCRIPT);
  write(searchPaths.fold, formatFoldTable(SIMPLIFIED_PAIRS));

  const names = Object.fromEntries(options.sources.map((source) => [source.id, source.name]));
  const manifestText = incremental ? readFileOrNull(join(dir, searchPaths.manifest)) : null;
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  const counter = { n: 0 };
  let result: BuildResult | null = null;
  let full = true;
  if (manifest !== null) {
    const records: SiteSearchRecord[] = [];
    for (const summary of changes.changed!) {
      const record = await recordOf(store, summary, documentOf);
      if (record) records.push(record);
    }
    counter.n = records.length;
    result = buildSearchIndex({
      records,
      sources: names,
      previous: { manifest, read: (path) => readFileOrNull(join(dir, path)) },
      rule: options.rule,
    });
    full = result.kind === 'rebuild';
  }
  // In the builder's order: token shards, the manifest, doc shards. A reader never sees a manifest naming
  // token shards not yet written. Doc shards come after it because they say which articles are indexed:
  // a run killed between the two leaves them without the new articles, so the next run (the mark was not
  // saved) indexes them again into the recent segment; the other way round, a killed run that had sealed or
  // merged would leave doc shards claiming articles whose tokens are only in files no manifest names.
  if (result === null || result.kind === 'rebuild') {
    const build = startFullBuild(names, options.rule);
    counter.n = await buildFromAll(store, documentOf, build);
    // Written as they are made: the whole index is never held at once.
    result = build.finishInto(write);
  } else {
    for (const [path, content] of result.files) write(path, content);
  }
  // Segments a merge replaced, and the unsegmented layout's folder after a rebuild: gone once nothing names them.
  for (const segment of result.removedSegments) removeFolder(join(dir, searchPaths.segmentDir(segment)));
  if (full) {
    removeFolder(join(dir, searchPaths.legacyTokenDir));
    const named = new Set(result.manifest.segments.map((segment) => String(segment.id)));
    for (const name of listFolder(join(dir, 'search', 's'))) if (!named.has(name)) removeFolder(join(dir, 'search', 's', name));
  }
  saveOwn();
  return {
    full,
    settings,
    articles: counter.n,
    tokenShards: result.tokenShardsWritten,
    segments: result.manifest.segments.length,
    merges: result.merges,
    removedSegments: result.removedSegments.length,
    files: log.written.slice(before),
  };
}
