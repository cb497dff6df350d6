// Builds the ContentPipeline a run uses from the config: full text from article pages (extract stage)
// where a source's feed carries only a summary, and image handling per source.
import { dirname, join } from 'node:path';
import type { Config, Source } from '../config/index.ts';
import { FetchError, type Fetcher } from '../fetch/types.ts';
import type { PageFetcher } from '../extract/index.ts';
import { MEDIA_DIR, MEDIA_PREFIX_FROM_ARTICLE } from '../publish/media-links.ts';
import type { FeedItem } from '../normalize/types.ts';
import { feedHtml, type ContentPipeline, type FinishedContent, type PreparedContent } from './content.ts';
import type * as Parts from './prepare-content-load.ts';

/** Loaded on the first item or page that needs them (issue 15: a 304-only cycle never does). */
let loading: Promise<typeof Parts> | null = null;
function parts(): Promise<typeof Parts> {
  loading ??= import('./prepare-content-load.ts');
  return loading;
}

export interface ContentPipelineDeps {
  config: Config;
  fetcher: Fetcher;
  /** Where fetched article pages are cached between runs (default: beside the database). */
  cacheDir?: string;
}


export function createContentPipeline(deps: ContentPipelineDeps): ContentPipeline {
  const { config, fetcher } = deps;
  const cacheDir = deps.cacheDir ?? join(dirname(config.database), 'newsvault-cache', 'pages');
  let cache: ReturnType<typeof Parts.createFilePageCache> | null = null;
  // One page fetcher per proxy setting: a source behind a proxy fetches its pages through it too.
  const pageFetchers = new Map<string, PageFetcher>();
  const pagesFor = ({ createFilePageCache, createPageFetcher, decodeText }: typeof Parts, proxy: string | null) => {
    cache ??= createFilePageCache(cacheDir);
    const key = proxy ?? '';
    let pages = pageFetchers.get(key);
    if (!pages) {
      pages = createPageFetcher({
        cache,
        decode: (bytes, contentType) => decodeText(bytes, { contentType, kind: 'html' }).text,
        fetch: async (url, conditional) => {
          const accept = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
          return { ...(await fetcher.fetch({ url, conditional, accept, proxy })) };
        },
      });
      pageFetchers.set(key, pages);
    }
    return pages;
  };

  async function fullText(item: FeedItem, source: Source): Promise<PreparedContent> {
    const fallback = feedHtml(item);
    const loaded = await parts();
    const { extractArticle, ExtractError, selectorsFor } = loaded;
    try {
      const page = await pagesFor(loaded, source.proxy).getPage(item.url!);
      const selectors = source.selectors ?? selectorsFor(source.id.toLowerCase()) ?? undefined;
      const article = extractArticle(page.html, { url: page.finalUrl, ...(selectors ? { selectors } : {}) });
      if (article.text.trim().length === 0) {
        return { html: fallback, seenWhere: 'feed', warnings: [...article.warnings, `${item.url}: page had no article text; archived the feed's content`] };
      }
      if (article.kind === 'listing') {
        const warnings = article.warnings.map((w) => `${item.url}: ${w}`);
        return { html: fallback, seenWhere: 'feed', warnings: [...warnings, `${item.url}: archived the feed's content instead of the listing`] };
      }
      return {
        html: article.content,
        seenWhere: 'page',
        fetched: { fetchedUrl: page.finalUrl, httpStatus: page.status, etag: page.etag },
        warnings: article.warnings.map((w) => `${item.url}: ${w}`),
        ...(article.keepSelectors ? { selectors: article.keepSelectors } : {}),
      };
    } catch (error) {
      const kind = error instanceof FetchError || error instanceof ExtractError ? error.kind : 'error';
      return {
        html: fallback,
        seenWhere: 'feed',
        warnings: [`${item.url}: full text not fetched (${kind}: ${(error as Error).message}); archived the feed's content`],
      };
    }
  }

  return {
    async prepare(item, source, context) {
      const { needsFullText } = await parts();
      if (!item.url || !needsFullText(item, source.fulltext)) {
        return { html: feedHtml(item), seenWhere: 'feed', warnings: [] };
      }
      if (context.known) return null;
      return fullText(item, source);
    },

    async fromPage(page, source) {
      if (source.fulltext === 'feed') return null;
      const { decodeText, extractArticle, selectorsFor } = await parts();
      const html = decodeText(page.body, { contentType: page.contentType, kind: 'html' }).text;
      const selectors = source.selectors ?? selectorsFor(source.id.toLowerCase()) ?? undefined;
      const article = extractArticle(html, { url: page.finalUrl, ...(selectors ? { selectors } : {}) });
      if (article.text.trim().length === 0) return null;
      return {
        html: article.content,
        seenWhere: 'page',
        warnings: article.warnings,
        fetched: { fetchedUrl: page.finalUrl, httpStatus: page.status, etag: page.etag },
      };
    },

    async finish(html, item, source): Promise<FinishedContent> {
      const { archiveImages, rewriteImagesProxy } = await parts();
      if (source.images === 'proxy') return { html: rewriteImagesProxy(html, config.imageProxy), warnings: [] };
      if (source.images !== 'archive') return { html, warnings: [] };
      const result = await archiveImages(html, {
        baseUrl: item.url ?? source.url,
        mediaDir: join(config.output, MEDIA_DIR),
        publicPrefix: MEDIA_PREFIX_FROM_ARTICLE,
        download: async (url) => {
          const accept = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9';
          const response = await fetcher.fetch({ url, accept, maxBytes: 10 * 1024 * 1024, proxy: source.proxy });
          return { body: response.body, contentType: response.contentType };
        },
      });
      return { html: result.html, warnings: result.failed.map((failure) => `${failure.url}: image not archived: ${failure.reason}`) };
    },
  };
}
