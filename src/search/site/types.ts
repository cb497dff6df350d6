// The static site's search index: what goes in (one record per article) and the manifest that describes the
// shards. The browser script (client-script.ts) reads exactly these shapes.

/** One article as the site's search index sees it: plain text in, a link out. */
export interface SiteSearchRecord {
  /** The store's article id: stable, so an article edited later replaces its own postings. */
  id: number;
  title: string;
  /** Source id (the manifest maps it to the outlet's name). */
  source: string;
  publishedMs: number;
  /** Plain text of the current revision (search/html-text.ts, as the reader's index reads it). */
  text: string;
  /** The article page, relative to the site root. */
  url: string;
  removed: boolean;
}

import { sitePaths } from '../../publish/site/paths.ts';

/** Bump when the shard format or the tokens change: every shard is rebuilt once. */
export const INDEX_VERSION = 1;

/** Article records per doc shard (d/N.js holds ids [N·DOCS_PER_SHARD, (N+1)·DOCS_PER_SHARD)). */
export const DOCS_PER_SHARD = 256;

export interface SearchManifest {
  version: number;
  /** Number of token shards; a token lives in t/(hash mod shards).js. */
  shards: number;
  docsPerShard: number;
  /** Articles in the index. */
  docs: number;
  /** Source id → outlet name, for result lines. */
  sources: Record<string, string>;
  /** Short content hashes (cache busting on HTTP mirrors): token shards by number, doc shards by number. */
  t: Record<string, string>;
  d: Record<string, string>;
}

/** A doc shard entry: title, source id, UTC+8 day, URL, 1 when removed at the source, token-set fingerprint. */
export type DocEntry = [title: string, source: string, day: string, url: string, removed: 0 | 1, tokens: string];

/** Where the index lives inside the site folder. */
export const searchPaths = {
  dir: 'search',
  page: sitePaths.search,
  script: 'search/search.js',
  fold: 'search/fold.js',
  manifest: 'search/manifest.js',
  tokenShard: (n: number): string => `search/t/${n}.js`,
  docShard: (n: number): string => `search/d/${n}.js`,
};
