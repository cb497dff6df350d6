// Search for the static site: a prebuilt, sharded index with the reader's 简/繁 folding and bigram tokens,
// and the small script that queries it from any HTTP mirror or from file://.
export { publishSiteSearch, type PublishSiteSearchOptions, type PublishSiteSearchResult } from './publish.ts';
export { buildSearchIndex, recordTokens, shardCountFor, type BuildInput, type BuildResult, type PreviousIndex } from './build.ts';
export { searchPaths, type SearchManifest, type SiteSearchRecord } from './types.ts';
