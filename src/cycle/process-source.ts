// One source through fetch → parse → normalize → (extract) → clean → store. Never throws: every failure
// becomes the source's SourceResult, so one broken outlet cannot stop the others.
import { cleanArchival } from '../clean/index.ts';
import type { Source } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import { normalizeFeed } from '../normalize/index.ts';
import type { FeedItem } from '../normalize/types.ts';
import { parseFeed } from '../parse/index.ts';
import { fingerprint, sha256 } from '../revision/fingerprint.ts';
import type { Article, FetchState, Store } from '../store/index.ts';
import { classifyError } from './classify-error.ts';
import type { ContentPipeline } from './content.ts';
import { assessHealth } from './health.ts';
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
  const previous = store.getFetchState(source.id);
  // A permanent redirect recorded earlier is followed until the operator changes the configured URL.
  const url = previous && previous.configuredUrl === source.url ? previous.url : source.url;
  const result: SourceResult = {
    sourceId: source.id,
    name: source.name,
    url,
    outcome: 'ok',
    newCount: 0,
    changedCount: 0,
    unchangedCount: 0,
    newArticles: [],
    changedArticles: [],
    error: null,
    warnings: [],
    movedTo: null,
    health: [],
    durationMs: 0,
  };
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

  try {
    const response = await fetcher.fetch({
      url,
      conditional: { etag: state.etag, lastModified: state.lastModified },
      proxy: source.proxy,
    });
    if (response.permanentRedirect) {
      result.movedTo = response.permanentRedirect;
      result.warnings.push(`feed moved permanently to ${response.permanentRedirect}; using the new URL from now on`);
      state.url = response.permanentRedirect;
    }
    // Validators are kept only from a response we fully processed; see the end of this block.
    if (response.notModified) {
      result.outcome = 'not-modified';
    } else {
      const now = deps.now();
      const parsed = parseFeed(response.body, { contentType: response.contentType });
      const normalized = normalizeFeed(parsed, { feedUrl: response.finalUrl, now });
      result.warnings.push(...parsed.warnings, ...normalized.warnings);
      await storeItems(source, normalized.items, result, deps);
      state.etag = response.etag;
      state.lastModified = response.lastModified;
    }
    state.lastSuccessMs = deps.now().getTime();
    state.consecutiveFailures = 0;
    state.lastError = null;
    if (result.newCount > 0) state.lastNewItemMs = state.lastSuccessMs;
  } catch (error) {
    result.outcome = 'failed';
    result.error = classifyError(source.id, error);
    state.consecutiveFailures += 1;
    state.lastError = `${result.error.kind}: ${result.error.message}`;
  }

  try {
    store.saveFetchState(state);
    result.health = assessHealth({ store, state, sourceId: source.id, nowMs: deps.now().getTime() });
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
}

async function storeItems(source: Source, items: readonly FeedItem[], result: SourceResult, deps: ProcessSourceDeps) {
  const { store } = deps;
  const seen = new Set<string>();
  const prepared: PreparedItem[] = [];
  for (const item of items) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    const existing =
      store.findArticleByKey(source.id, item.key) ?? (item.url ? store.findArticleByUrl(source.id, item.url) : null);
    try {
      const content = await deps.content.prepare(item, source, { known: existing !== null });
      if (content === null) {
        result.unchangedCount++;
        continue;
      }
      result.warnings.push(...content.warnings);
      // Clean last, so nothing unsafe slips in after it: `finish` below only rewrites image URLs.
      const cleaned = cleanArchival(content.html);
      if (cleaned.removed.length > 0) {
        result.warnings.push(`${item.url ?? item.key}: removed ${cleaned.removed.join(', ')}`);
      }
      // The fingerprint is taken before image rewriting, so an unchanged article never re-downloads images.
      const print = fingerprint(cleaned.html, deps.imageProxy ? { proxyTemplates: [deps.imageProxy] } : {});
      if (existing && existing.fingerprint === print && existing.title === item.title) {
        result.unchangedCount++;
        continue;
      }
      const finished = await deps.content.finish(cleaned.html, item, source);
      result.warnings.push(...finished.warnings);
      prepared.push({ item, existing, html: finished.html, fingerprint: print, seenWhere: content.seenWhere });
    } catch (error) {
      result.warnings.push(`${item.url ?? item.key}: skipped: ${(error as Error).message}`);
    }
  }

  // Oldest first, so that within one run a newer article gets the lower (earlier-sorting) file number.
  prepared.sort((a, b) => a.item.publishedMs - b.item.publishedMs);
  const seenMs = deps.now().getTime();
  store.transaction(() => {
    for (const { item, existing, html, fingerprint: print, seenWhere } of prepared) {
      const revision = { title: item.title, url: item.url, content: html, sha256: sha256(html), fingerprint: print, seenMs, seenWhere };
      if (!existing) {
        const article = store.insertArticle({
          ...revision,
          sourceId: source.id,
          key: item.key,
          author: item.author,
          publishedMs: item.publishedMs,
        });
        result.newCount++;
        result.newArticles.push(ref(article));
      } else {
        store.addRevision(existing.id, revision);
        result.changedCount++;
        result.changedArticles.push(ref(existing));
      }
    }
  });
}

function ref(article: Article): ArticleRef {
  return { id: article.id, number: article.number, title: article.title };
}
