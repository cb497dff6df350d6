// One source through fetch → parse → normalize → (extract) → clean → store. Never throws: every failure
// becomes the source's SourceResult, so one broken outlet cannot stop the others.
import type { Source } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import type { FeedItem } from '../normalize/types.ts';
import type { ArchiveWrite, Article, FeedState, FetchState, RevisionFetch, Store } from '../store/index.ts';
import { classifyError } from './classify-error.ts';
import type { ContentPipeline } from './content.ts';
import { feedReport, nextFeedState, readFeed, type FeedRead } from './feed-fallback.ts';
import { assessHealth } from './health.ts';
import { activeFeed, feedProblem, nextHealth } from './source-health.ts';
import { itemStages } from './item-stages.ts';
import { emptySourceResult } from './source-result.ts';
import type { ArticleRef, SourceResult } from './types.ts';

export interface ProcessSourceDeps {
  store: Store;
  fetcher: Fetcher;
  now: () => Date;
  content: ContentPipeline;
  /** The configured image proxy, so switching proxies is not mistaken for an edit. */
  imageProxy?: string;
}

export async function processSource(source: Source, deps: ProcessSourceDeps): Promise<SourceResult> {
  const { store, fetcher } = deps;
  const startedMs = deps.now().getTime();
  const previous = await store.getFetchState(source.id);
  // A permanent redirect recorded earlier is followed until the operator changes the configured URL.
  const url = previous && previous.configuredUrl === source.url ? previous.url : source.url;
  const result = emptySourceResult(source, url, 'ok');
  const state: FetchState = previous
    ? { ...previous, url, configuredUrl: source.url }
    : {
        sourceId: source.id,
        url,
        configuredUrl: source.url,
        etag: null,
        lastModified: null,
        lastAttemptMs: null,
        lastSuccessMs: null,
        lastNewItemMs: null,
        consecutiveFailures: 0,
        lastError: null,
      };
  state.lastAttemptMs = startedMs;

  // Every run starts from the primary, so a source returns to it as soon as it recovers; a fallback is
  // read only when every feed before it failed or is stale (cycle/staleness.ts), in this same run.
  const feeds = [url, ...source.fallbacks.filter((fallback) => fallback !== url)];
  const reads: FeedRead[] = [];
  // Saved with the source's state in one transaction at the end: a feed answering 304 costs one write, not two.
  const feedStates: FeedState[] = [];
  const selectors = { misses: 0, hits: 0 };
  for (const [index, feedUrl] of feeds.entries()) {
    const feedState = await store.getFeedState(source.id, feedUrl);
    // Items are prepared as the feed is read and written in batches (createItemWriter), never all held.
    const writer = createItemWriter(source, result, deps, selectors, { url: feedUrl, primaryUrl: url });
    const read = await readFeed({
      source,
      url: feedUrl,
      index,
      conditional: index === 0 ? { etag: state.etag, lastModified: state.lastModified } : { etag: feedState?.etag ?? null, lastModified: feedState?.lastModified ?? null },
      previous: feedState,
      fetcher,
      now: deps.now,
      onItem: writer.add,
    });
    let stored = read.outcome !== 'ok';
    if (read.outcome === 'ok') {
      result.warnings.push(...read.warnings.map((warning) => (index === 0 ? warning : `${feedUrl}: ${warning}`)));
      try {
        await writer.end();
        stored = true;
      } catch (error) {
        read.outcome = 'failed';
        read.error = classifyError(source.id, error);
      }
    }
    if (index === 0) {
      if (read.permanentRedirect) {
        result.movedTo = read.permanentRedirect;
        result.warnings.push(`feed moved permanently to ${read.permanentRedirect}; using the new URL from now on`);
        state.url = read.permanentRedirect;
      }
      // Validators are kept only from a response we fully processed.
      if (read.outcome === 'ok' && stored) {
        state.etag = read.etag;
        state.lastModified = read.lastModified;
      }
    } else if (read.outcome === 'failed') {
      result.warnings.push(`fallback ${feedUrl} failed: ${read.error!.kind}: ${read.error!.message}`);
    }
    reads.push(read);
    feedStates.push(nextFeedState(feedState, read, source.id, deps.now().getTime(), index > 0 && stored));
    if (read.outcome !== 'failed' && !read.stale) break;
  }

  const answered = reads.filter((read) => read.outcome !== 'failed');
  const primary = reads[0]!;
  if (answered.length === 0) {
    result.outcome = 'failed';
    result.error = primary.error;
    state.consecutiveFailures += 1;
    state.lastError = `${primary.error!.kind}: ${primary.error!.message}`;
  } else {
    result.outcome = answered.some((read) => read.outcome === 'ok') ? 'ok' : 'not-modified';
    state.lastSuccessMs = deps.now().getTime();
    state.consecutiveFailures = 0;
    state.lastError = null;
    if (result.newCount > 0) state.lastNewItemMs = state.lastSuccessMs;
  }
  const active = activeFeed(reads.map(feedReport));
  result.feedUrl = active?.url ?? null;
  result.onFallback = active !== null && active.index > 0;
  if (result.onFallback) result.warnings.push(`primary feed ${feedProblem(feedReport(primary))}; read fallback ${active!.url}`);

  try {
    const change = nextHealth(await store.getSourceHealth(source.id), {
      sourceId: source.id,
      nowMs: deps.now().getTime(),
      fallbacks: source.fallbacks,
      feeds: reads.map(feedReport),
      consecutiveFailures: state.consecutiveFailures,
      selectorMisses: selectors.misses,
      selectorHits: selectors.hits,
    });
    await store.saveSourceState({ fetchState: state, health: change.health, events: change.events, feeds: feedStates });
    result.health = await assessHealth({ store, state, sourceId: source.id, nowMs: deps.now().getTime() });
  } catch (error) {
    result.outcome = 'failed';
    result.error ??= classifyError(source.id, error);
  }
  result.url = state.url;
  result.durationMs = deps.now().getTime() - startedMs;
  return result;
}

interface PreparedItem {
  item: FeedItem;
  existing: Article | null;
  html: string;
  fingerprint: string;
  seenWhere: 'feed' | 'page';
  /** The response the text came from: the page's for page text, the feed's for the feed's own content. */
  fetched: RevisionFetch;
}

/**
 * Article HTML held before a batch is written. Every real feed fits in one batch, so within a run a newer
 * article gets the lower (earlier-sorting) file number; a larger feed is written batch by batch, each
 * batch sorted, so memory stays bounded by the batch however long the feed is.
 */
const BATCH_HTML_CHARS = 4 * 1024 * 1024;

interface ItemWriter {
  /** Prepares one item (full text, cleaning, fingerprint, images) and queues it for the store. */
  add: (item: FeedItem, fetched: RevisionFetch) => Promise<void>;
  /** Writes what is queued. */
  end: () => Promise<void>;
}

function createItemWriter(
  source: Source,
  result: SourceResult,
  deps: ProcessSourceDeps,
  selectors: { misses: number; hits: number },
  feed: { url: string; primaryUrl: string },
): ItemWriter {
  const { store } = deps;
  const seen = new Set<string>();
  let prepared: PreparedItem[] = [];
  let batchChars = 0;

  async function add(item: FeedItem, feedFetch: RevisionFetch): Promise<void> {
    if (seen.has(item.key)) return;
    seen.add(item.key);
    // By key, else by canonical link, else by URL: one round trip on PostgreSQL.
    const { byKey, linked, byUrl } = await store.findKnownArticle(source.id, item.key, item.url || null);
    const existing = byKey ?? linked?.article ?? byUrl;
    // The same article through another feed of this source (feedx's copy and the outlet's own item: other
    // GUID, same link) is already archived: the other feed's rendering is not an edit (edits are found by
    // re-checks). The same feed sending a new GUID for a known link still revises it, as does the first
    // feed copy of an imported article. Articles from before feeds were recorded count as the primary's.
    if (linked && !byKey) {
      const archivedFrom = linked.feedUrl ?? (linked.article.seenWhere === 'import' ? feed.url : feed.primaryUrl);
      if (archivedFrom !== feed.url) {
        result.unchangedCount++;
        return;
      }
    }
    try {
      const content = await deps.content.prepare(item, source, { known: existing !== null });
      if (content === null) {
        result.unchangedCount++;
        return;
      }
      result.warnings.push(...content.warnings);
      if (content.selectors === 'missed') selectors.misses++;
      if (content.selectors === 'matched') selectors.hits++;
      const { cleanArchival, fingerprint } = await itemStages();
      // Clean last, so nothing unsafe slips in after it: `finish` below only rewrites image URLs.
      const cleaned = cleanArchival(content.html);
      if (cleaned.removed.length > 0) {
        result.warnings.push(`${item.url ?? item.key}: removed ${cleaned.removed.join(', ')}`);
      }
      // The fingerprint is taken before image rewriting, so an unchanged article never re-downloads images.
      const print = fingerprint(cleaned.html, deps.imageProxy ? { proxyTemplates: [deps.imageProxy] } : {});
      if (existing && existing.fingerprint === print && existing.title === item.title) {
        result.unchangedCount++;
        return;
      }
      const finished = await deps.content.finish(cleaned.html, item, source);
      result.warnings.push(...finished.warnings);
      // Only what the store needs waits for the batch: the feed's own summary and content go.
      const kept: FeedItem = { ...item, summary: null, content: null };
      const fetched = content.fetched ?? feedFetch;
      prepared.push({ item: kept, existing, html: finished.html, fingerprint: print, seenWhere: content.seenWhere, fetched });
      batchChars += finished.html.length;
    } catch (error) {
      result.warnings.push(`${item.url ?? item.key}: skipped: ${(error as Error).message}`);
    }
    if (batchChars >= BATCH_HTML_CHARS) await write();
  }

  async function write(): Promise<void> {
    const batch = prepared;
    prepared = [];
    batchChars = 0;
    // Oldest first, so that within one batch a newer article gets the lower (earlier-sorting) file number.
    batch.sort((a, b) => a.item.publishedMs - b.item.publishedMs);
    const { sha256 } = await itemStages();
    const seenMs = deps.now().getTime();
    const writes: ArchiveWrite[] = batch.map(({ item, existing, html, fingerprint: print, seenWhere, fetched }) => {
      const revision = { title: item.title, url: item.url, content: html, sha256: sha256(html), fingerprint: print, seenMs, seenWhere, ...fetched };
      if (existing) return { kind: 'revision', article: existing.id, revision };
      const article = { ...revision, sourceId: source.id, key: item.key, author: item.author, publishedMs: item.publishedMs, feedUrl: feed.url };
      return { kind: 'article', article };
    });
    const written = await store.writeArchive(writes);
    result.newCount += written.articles.length;
    result.newArticles.push(...written.articles.map(ref));
    for (const { existing } of batch) {
      if (!existing) continue;
      result.changedCount++;
      result.changedArticles.push(ref(existing));
    }
  }

  return { add, end: write };
}

function ref(article: Article): ArticleRef {
  return { id: article.id, number: article.number, title: article.title };
}
