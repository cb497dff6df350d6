// The site's search index builder: article records in, shard files out. Pure (no disk, no clock): the
// previous index comes in as a file reader, the result is a map of paths to contents.
//
// Tokens are src/search's own (fold, then tokens with edges), so the static site finds exactly the articles
// whose tokens the reader's FTS5 index holds. Without positions, a term of several tokens (习近平 = 习近 +
// 近平) matches articles holding all of them, as the reader's index does before it confirms against the
// text; the site has no text to confirm against, so a rare false match (习近… and …近平 apart) is possible.
//
// Incremental: a new article rewrites its doc shard and the token shards its tokens fall in. An article
// whose tokens changed (an edit) must also leave the lists it is no longer in, which only a pass over every
// token shard finds; a status change (removed at the source) leaves the tokens alone and rewrites its doc
// shard only. When the archive outgrows the shard count (it doubles), everything is rebuilt once.
import { createHash } from 'node:crypto';
import { fold } from '../fold.ts';
import { tokens } from '../tokenize.ts';
import { dayOfUtc8 } from '../../time/utc8.ts';
import { decodePostings, encodePostings, shardOf } from './postings.ts';
import { formatDocShard, formatManifest, formatTokenShard, parseDocShard, parseTokenShard } from './shard-files.ts';
import { DOCS_PER_SHARD, INDEX_VERSION, searchPaths, type DocEntry, type SearchManifest, type SiteSearchRecord } from './types.ts';

/** The distinct tokens of an article, sorted: the reader's index tokens of its title and its text. */
export function recordTokens(record: Pick<SiteSearchRecord, 'title' | 'text'>): string[] {
  const set = new Set<string>(tokens(fold(record.title), true));
  for (const token of tokens(fold(record.text), true)) set.add(token);
  return [...set].sort();
}

const MIN_SHARDS = 16;
const MAX_SHARDS = 8192;
/** Articles per token shard the index aims at (see the README's measurements). */
const DOCS_PER_TOKEN_SHARD = 8;

/** A power of two, so growing the archive changes it rarely (each change rebuilds every shard). */
export function shardCountFor(docs: number): number {
  let shards = MIN_SHARDS;
  while (shards < MAX_SHARDS && shards * DOCS_PER_TOKEN_SHARD < docs) shards *= 2;
  return shards;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function entryOf(record: SiteSearchRecord, fingerprint: string): DocEntry {
  return [record.title, record.source, dayOfUtc8(record.publishedMs), record.url, record.removed ? 1 : 0, fingerprint];
}

export interface PreviousIndex {
  manifest: SearchManifest;
  /** A file of the index (a path from searchPaths), or null when it is missing. */
  read(path: string): string | null;
}

export interface BuildInput {
  /** Every article (no previous index) or the articles changed since it was built. Ids are unique. */
  records: Iterable<SiteSearchRecord>;
  /** Source id → outlet name. */
  sources: Record<string, string>;
  previous: PreviousIndex | null;
}

export type BuildResult =
  | { kind: 'built'; files: Map<string, string>; manifest: SearchManifest; tokenShardsWritten: number }
  /** The previous index cannot be updated in place (format, shard count, a missing or damaged file). */
  | { kind: 'rebuild'; reason: string };

export function buildSearchIndex(input: BuildInput): BuildResult {
  return input.previous === null ? buildAll(input.records, input.sources) : update(input.records, input.sources, input.previous);
}

function buildAll(records: Iterable<SiteSearchRecord>, sources: Record<string, string>): BuildResult {
  const postings = new Map<string, number[]>();
  const docShards = new Map<number, Map<number, DocEntry>>();
  const seen = new Set<number>();
  for (const record of records) {
    if (seen.has(record.id)) throw new TypeError(`search: site index: article ${record.id} given twice`);
    seen.add(record.id);
    const list = recordTokens(record);
    for (const token of list) {
      const ids = postings.get(token);
      if (ids === undefined) postings.set(token, [record.id]);
      else ids.push(record.id);
    }
    const n = Math.floor(record.id / DOCS_PER_SHARD);
    const shard = docShards.get(n) ?? new Map<number, DocEntry>();
    shard.set(record.id, entryOf(record, shortHash(list.join(' '))));
    docShards.set(n, shard);
  }
  const shards = shardCountFor(seen.size);
  const tokenShards = Array.from({ length: shards }, () => new Map<string, string>());
  for (const [token, ids] of postings) {
    tokenShards[shardOf(token, shards)]!.set(token, encodePostings(ids.sort((a, b) => a - b)));
  }
  const manifest: SearchManifest = { version: INDEX_VERSION, shards, docsPerShard: DOCS_PER_SHARD, docs: seen.size, sources, t: {}, d: {} };
  const files = new Map<string, string>();
  tokenShards.forEach((shard, n) => {
    const content = formatTokenShard(n, shard);
    files.set(searchPaths.tokenShard(n), content);
    manifest.t[n] = shortHash(content);
  });
  for (const [n, docs] of docShards) {
    const content = formatDocShard(n, docs);
    files.set(searchPaths.docShard(n), content);
    manifest.d[n] = shortHash(content);
  }
  files.set(searchPaths.manifest, formatManifest(manifest));
  return { kind: 'built', files, manifest, tokenShardsWritten: shards };
}

function update(records: Iterable<SiteSearchRecord>, sources: Record<string, string>, previous: PreviousIndex): BuildResult {
  const old = previous.manifest;
  if (old.version !== INDEX_VERSION || old.docsPerShard !== DOCS_PER_SHARD) return { kind: 'rebuild', reason: 'index format changed' };

  // 1. Doc shards: which articles are new, which changed their tokens.
  const docShards = new Map<number, Map<number, DocEntry>>();
  const docShard = (n: number): Map<number, DocEntry> | null => {
    let shard = docShards.get(n);
    if (shard === undefined) {
      const text = previous.read(searchPaths.docShard(n));
      if (text === null && old.d[n] !== undefined) return null;
      const parsed = text === null ? new Map<number, DocEntry>() : parseDocShard(n, text);
      if (parsed === null) return null;
      shard = parsed;
      docShards.set(n, shard);
    }
    return shard;
  };
  const added = new Map<number, string[]>(); // id → tokens, for articles whose tokens are new to the index
  const leaving = new Set<number>(); // ids whose old tokens must be dropped first
  let docs = old.docs;
  for (const record of records) {
    const shard = docShard(Math.floor(record.id / DOCS_PER_SHARD));
    if (shard === null) return { kind: 'rebuild', reason: `doc shard of article ${record.id} missing or damaged` };
    const list = recordTokens(record);
    const fingerprint = shortHash(list.join(' '));
    const before = shard.get(record.id);
    if (before === undefined) docs++;
    else if (before[5] !== fingerprint) leaving.add(record.id);
    if (before === undefined || before[5] !== fingerprint) added.set(record.id, list);
    shard.set(record.id, entryOf(record, fingerprint));
  }
  if (shardCountFor(docs) > old.shards) return { kind: 'rebuild', reason: `the archive outgrew ${old.shards} token shards` };

  // 2. Token shards: the ones the added tokens fall in, or all of them when an article's tokens changed.
  const shards = old.shards;
  const adds = new Map<number, Map<string, number[]>>();
  for (const [id, list] of added) {
    for (const token of list) {
      const n = shardOf(token, shards);
      const shard = adds.get(n) ?? new Map<string, number[]>();
      const ids = shard.get(token) ?? [];
      ids.push(id);
      shard.set(token, ids);
      adds.set(n, shard);
    }
  }
  const touched = leaving.size > 0 ? Array.from({ length: shards }, (_, n) => n) : [...adds.keys()].sort((a, b) => a - b);
  const manifest: SearchManifest = { ...old, docs, sources, t: { ...old.t }, d: { ...old.d } };
  const files = new Map<string, string>();
  for (const n of touched) {
    const text = previous.read(searchPaths.tokenShard(n));
    const postings = text === null ? null : parseTokenShard(n, text);
    if (postings === null) return { kind: 'rebuild', reason: `token shard ${n} missing or damaged` };
    if (leaving.size > 0) {
      for (const [token, encoded] of postings) {
        const ids = decodePostings(encoded).filter((id) => !leaving.has(id));
        if (ids.length === 0) postings.delete(token);
        else postings.set(token, encodePostings(ids));
      }
    }
    for (const [token, ids] of adds.get(n) ?? []) {
      const all = new Set(postings.has(token) ? decodePostings(postings.get(token)!) : []);
      for (const id of ids) all.add(id);
      postings.set(token, encodePostings([...all].sort((a, b) => a - b)));
    }
    const content = formatTokenShard(n, postings);
    files.set(searchPaths.tokenShard(n), content);
    manifest.t[n] = shortHash(content);
  }
  for (const [n, shard] of docShards) {
    const content = formatDocShard(n, shard);
    files.set(searchPaths.docShard(n), content);
    manifest.d[n] = shortHash(content);
  }
  files.set(searchPaths.manifest, formatManifest(manifest));
  return { kind: 'built', files, manifest, tokenShardsWritten: touched.length };
}
