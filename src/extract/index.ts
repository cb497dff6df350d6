// The extract stage: when a feed carries only a summary, fetch the article page and pull out the full text.
export { extractArticle } from './extract.ts';
export { looksTruncated, needsFullText, SHORT_ARTICLE_UNITS, textUnits, visibleText } from './fulltext.ts';
export { createFilePageCache } from './page-cache.ts';
export type { FilePageCacheOptions } from './page-cache.ts';
export { createPageFetcher } from './page-fetcher.ts';
export type { PageFetcher, PageFetcherDeps, PageResult } from './page-fetcher.ts';
export { SOURCE_SELECTORS, selectorsFor } from './selectors.ts';
export { stripTrackingParams } from './tracking.ts';
export { ExtractError } from './types.ts';
export type {
  CachedPage,
  ExtractedArticle,
  ExtractErrorKind,
  ExtractOptions,
  FullTextMode,
  PageCache,
  PageFetch,
  PageFetchResponse,
  SourceSelectors,
} from './types.ts';
