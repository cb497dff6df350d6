// The static site's search index: what goes in (one record per article) and the manifest that describes the
// segments and shards. The browser script (client-script.ts) reads exactly these shapes.

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

/** Bump when the shard format or the tokens change: every shard is rebuilt once. 2: segments. */
export const INDEX_VERSION = 2;

/** Article records per doc shard (d/N.js holds ids [N·DOCS_PER_SHARD, (N+1)·DOCS_PER_SHARD)). */
export const DOCS_PER_SHARD = 256;

/**
 * One segment of the token index: its own token shards (s/<id>/N.js, a token in shard hash mod `shards`).
 * Segments are listed oldest first; the newest, unsealed one takes each cycle's new and edited articles.
 */
export interface SegmentInfo {
  /** Never reused: a merged segment gets a new id, so its files never overwrite the ones a mirror caches. */
  id: number;
  shards: number;
  /** Distinct articles holding postings here (superseded versions included until a merge drops them). */
  docs: number;
  /** A sealed segment's files are never rewritten; only a merge replaces them (with a new id). */
  sealed: boolean;
  /** Short content hashes of the token shards by number (cache busting on HTTP mirrors). */
  t: Record<string, string>;
  /**
   * Articles (encoded postings) whose tokens in every OLDER segment are stale: edited since, their current
   * tokens are here or newer. The browser ignores them there, so an edit is never found by its old text.
   */
  drop: string;
}

export interface SearchManifest {
  version: number;
  docsPerShard: number;
  /** Articles in the index. */
  docs: number;
  /** Source id → outlet name, for result lines. */
  sources: Record<string, string>;
  /** The next segment id. */
  next: number;
  segments: SegmentInfo[];
  /** Short content hashes of the doc shards by number. */
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
  segmentDir: (segment: number): string => `search/s/${segment}`,
  tokenShard: (segment: number, n: number): string => `search/s/${segment}/${n}.js`,
  docShard: (n: number): string => `search/d/${n}.js`,
  /** The unsegmented layout (index version 1); removed when the index is rebuilt. */
  legacyTokenDir: 'search/t',
};
