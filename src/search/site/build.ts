// The site's search index builder: article records in, shard files out. Pure (no disk, no clock): the
// previous index comes in as a file reader, the result is a map of paths to contents.
//
// Tokens are src/search's own (fold, then tokens with edges), so the static site finds exactly the articles
// whose tokens the reader's FTS5 index holds. Without positions, a term of several tokens (习近平 = 习近 +
// 近平) matches articles holding all of them, as the reader's index does before it confirms against the
// text; the site has no text to confirm against, so a rare false match (习近… and …近平 apart) is possible.
//
// Segmented, like an LSM tree, because the site lives in git and on mirrors: with one set of token shards,
// twenty new articles touch nearly every shard (their tokens hash everywhere), so each hourly cycle rewrote
// about a thousand files. Now a cycle's new and edited articles go into the recent segment, whose few shards
// (16 up to 128 articles) are rewritten; sealed segments are never rewritten. The recent segment is sealed
// at SEGMENT_RULE.sealAt articles, and then the newest sealed segments merge while the older of the last two
// is at most `ratio` times the newer (a binary counter: segment sizes grow geometrically, so there are about
// log2(archive / sealAt) segments and an article is rewritten about that many times in its life).
//
// An edit puts the article's new tokens in the recent segment and its id in that segment's drop list, which
// hides its postings in every older segment (the browser filters them; a merge deletes them). A status change
// (removed at the source) leaves the tokens alone and rewrites the article's doc shard only.
import { createHash } from 'node:crypto';
import { fold } from '../fold.ts';
import { tokens } from '../tokenize.ts';
import { dayOfUtc8 } from '../../time/utc8.ts';
import { decodePostings, encodePostings, shardOf } from './postings.ts';
import { PostingPool } from './posting-pool.ts';
import { formatDocShard, formatManifest, formatTokenShard, parseDocShard, parseTokenShard } from './shard-files.ts';
import { DOCS_PER_SHARD, INDEX_VERSION, searchPaths, type DocEntry, type SearchManifest, type SegmentInfo, type SiteSearchRecord } from './types.ts';

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

/** A power of two per segment: a segment's shard count is fixed when it is sealed. */
export function shardCountFor(docs: number): number {
  let shards = MIN_SHARDS;
  while (shards < MAX_SHARDS && shards * DOCS_PER_TOKEN_SHARD < docs) shards *= 2;
  return shards;
}

/**
 * When the recent segment is sealed and when sealed segments merge. null: one segment, never sealed, all of it
 * rewritten as it changes (the layout before segments; the cycle benchmark compares the two).
 */
export interface SegmentRule {
  /** Articles in the recent segment that seal it (at 128, its 16 shards hold 8 articles each). */
  sealAt: number;
  /** Merge the two newest sealed segments while older.docs <= ratio × newer.docs. */
  ratio: number;
}

export const SEGMENT_RULE: SegmentRule = { sealAt: 128, ratio: 2 };

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
  /** SEGMENT_RULE unless given; null for one unsealed segment. */
  rule?: SegmentRule | null;
}

export type BuildResult =
  | {
      kind: 'built';
      /** Files to write. Token shards first, then the manifest, then doc shards (see publish.ts for why). */
      files: Map<string, string>;
      manifest: SearchManifest;
      /** Segments the new manifest no longer names: their folders are deleted after it is written. */
      removedSegments: number[];
      tokenShardsWritten: number;
      /** Segments sealed or merged by this build. */
      merges: number;
    }
  /** The previous index cannot be updated in place (format, a missing or damaged file). */
  | { kind: 'rebuild'; reason: string };

/** token → ascending ids */
type Postings = Map<string, number[]>;

export function buildSearchIndex(input: BuildInput): BuildResult {
  const rule = input.rule === undefined ? SEGMENT_RULE : input.rule;
  return input.previous === null ? buildAll(input.records, input.sources, rule) : update(input.records, input.sources, input.previous, rule);
}

function addPosting(postings: Postings, token: string, id: number): void {
  const ids = postings.get(token);
  if (ids === undefined) postings.set(token, [id]);
  else ids.push(id);
}

function distinctIds(postings: Postings): number {
  const ids = new Set<number>();
  for (const list of postings.values()) for (const id of list) ids.add(id);
  return ids.size;
}

/** A segment's shard files from its postings (ids ascending in each list). */
function segmentFiles(id: number, postings: Postings, sealed: boolean, drop: readonly number[], files: Map<string, string>): SegmentInfo {
  const docs = distinctIds(postings);
  const shards = shardCountFor(docs);
  const tokenShards = Array.from({ length: shards }, () => new Map<string, string>());
  for (const [token, ids] of postings) tokenShards[shardOf(token, shards)]!.set(token, encodePostings(ids));
  const info: SegmentInfo = { id, shards, docs, sealed, t: {}, drop: encodePostings([...new Set(drop)].sort((a, b) => a - b)) };
  tokenShards.forEach((shard, n) => {
    const content = formatTokenShard(id, n, shard);
    files.set(searchPaths.tokenShard(id, n), content);
    info.t[n] = shortHash(content);
  });
  return info;
}

function buildAll(records: Iterable<SiteSearchRecord>, sources: Record<string, string>, rule: SegmentRule | null): BuildResult {
  const build = startFullBuild(sources, rule);
  for (const record of [...records].sort((a, b) => a.id - b.id)) build.add(record);
  return build.finish();
}

/** A full build fed one record at a time (startFullBuild). */
export interface FullBuild {
  /** Records in ascending id order: a record's postings are appended to the lists as it comes. */
  add(record: SiteSearchRecord): void;
  finish(): BuildResult;
  /**
   * finish(), each file handed to `write` as soon as it is made instead of all of them held in a map (the
   * token shards of a big archive are tens of megabytes), in the same order. The result's `files` is empty.
   */
  finishInto(write: (path: string, content: string) => void): Extract<BuildResult, { kind: 'built' }>;
}

/**
 * The full build of buildSearchIndex without a previous index, fed as the store is read (ascending ids), so
 * that only each article's postings are held, never every article's text (15,000 articles' text is most of a
 * first cycle's memory otherwise), and those as their encoded text (posting-pool.ts). The same records give the
 * same files as buildSearchIndex.
 */
export function startFullBuild(sources: Record<string, string>, rule: SegmentRule | null = SEGMENT_RULE): FullBuild {
  const pool = new PostingPool();
  const docShards = new Map<number, Map<number, DocEntry>>();
  let count = 0;
  let withTokens = 0; // articles holding a posting: the segment's docs
  let last = -Infinity;
  const finishInto = (write: (path: string, content: string) => void): Extract<BuildResult, { kind: 'built' }> => {
    // A full build is one segment, sealed when it is big enough to be a base.
    const sealed = rule !== null && count >= rule.sealAt;
    const shards = shardCountFor(withTokens);
    const segment: SegmentInfo = { id: 0, shards, docs: withTokens, sealed, t: {}, drop: encodePostings([]) };
    // The tokens of each shard, by a counting sort of their slots on the shard number.
    const shardOfSlot = new Int32Array(pool.size);
    const starts = new Int32Array(shards + 1);
    pool.tokens.forEach((token, slot) => {
      shardOfSlot[slot] = shardOf(token, shards);
      starts[shardOfSlot[slot]! + 1]!++;
    });
    for (let n = 0; n < shards; n++) starts[n + 1]! += starts[n]!;
    const order = new Int32Array(pool.size);
    const fill = starts.slice(0, shards);
    for (let slot = 0; slot < pool.size; slot++) order[fill[shardOfSlot[slot]!]!++] = slot;
    for (let n = 0; n < shards; n++) {
      const shard = new Map<string, string>();
      for (let k = starts[n]!; k < starts[n + 1]!; k++) shard.set(pool.tokens[order[k]!]!, pool.encoded(order[k]!));
      const content = formatTokenShard(0, n, shard);
      write(searchPaths.tokenShard(0, n), content);
      segment.t[n] = shortHash(content);
    }
    const manifest: SearchManifest = { version: INDEX_VERSION, docsPerShard: DOCS_PER_SHARD, docs: count, sources, next: 1, segments: [segment], d: {} };
    // Doc shards after the manifest (publish.ts says why), whose hashes it holds.
    const docFiles: [string, string][] = [];
    for (const [n, docs] of docShards) {
      const content = formatDocShard(n, docs);
      docFiles.push([searchPaths.docShard(n), content]);
      manifest.d[n] = shortHash(content);
    }
    write(searchPaths.manifest, formatManifest(manifest));
    for (const [path, content] of docFiles) write(path, content);
    return { kind: 'built', files: new Map(), manifest, removedSegments: [], tokenShardsWritten: shards, merges: 0 };
  };
  return {
    add(record) {
      if (record.id === last) throw new TypeError(`search: site index: article ${record.id} given twice`);
      if (record.id < last) throw new TypeError(`search: site index: article ${record.id} given after ${last}: a full build takes ascending ids`);
      last = record.id;
      count++;
      const list = recordTokens(record);
      if (list.length > 0) withTokens++;
      for (const token of list) pool.add(token, record.id);
      const n = Math.floor(record.id / DOCS_PER_SHARD);
      const shard = docShards.get(n) ?? new Map<number, DocEntry>();
      shard.set(record.id, entryOf(record, shortHash(list.join(' '))));
      docShards.set(n, shard);
    },
    finish() {
      const files = new Map<string, string>();
      const result = finishInto((path, content) => files.set(path, content));
      return { ...result, files };
    },
    finishInto,
  };
}

/** Every posting of a segment, read back from its files; null when one is missing or damaged. */
function readSegment(segment: SegmentInfo, read: PreviousIndex['read']): Postings | null {
  const postings: Postings = new Map();
  for (let n = 0; n < segment.shards; n++) {
    const text = read(searchPaths.tokenShard(segment.id, n));
    const shard = text === null ? null : parseTokenShard(segment.id, n, text);
    if (shard === null) return null;
    for (const [token, encoded] of shard) postings.set(token, decodePostings(encoded));
  }
  return postings;
}

/** The older segment's postings without the ids the newer one drops, then the newer's added. */
function mergePostings(older: Postings, newer: Postings, dropped: ReadonlySet<number>): Postings {
  const out: Postings = new Map();
  for (const [token, ids] of older) {
    const kept = dropped.size === 0 ? ids : ids.filter((id) => !dropped.has(id));
    if (kept.length > 0) out.set(token, kept);
  }
  for (const [token, ids] of newer) {
    const before = out.get(token);
    out.set(token, before === undefined ? ids : [...new Set([...before, ...ids])].sort((a, b) => a - b));
  }
  return out;
}

function update(records: Iterable<SiteSearchRecord>, sources: Record<string, string>, previous: PreviousIndex, rule: SegmentRule | null): BuildResult {
  const old = previous.manifest;
  if (old.version !== INDEX_VERSION || old.docsPerShard !== DOCS_PER_SHARD) return { kind: 'rebuild', reason: 'index format changed' };
  if (rule === null && old.segments.length !== 1) return { kind: 'rebuild', reason: 'the index has segments and the rule says one' };

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
  const edited: number[] = []; // ids whose tokens in older segments are stale
  let docs = old.docs;
  for (const record of records) {
    const shard = docShard(Math.floor(record.id / DOCS_PER_SHARD));
    if (shard === null) return { kind: 'rebuild', reason: `doc shard of article ${record.id} missing or damaged` };
    const list = recordTokens(record);
    const fingerprint = shortHash(list.join(' '));
    const before = shard.get(record.id);
    if (before === undefined) docs++;
    else if (before[5] !== fingerprint) edited.push(record.id);
    if (before === undefined || before[5] !== fingerprint) added.set(record.id, list);
    shard.set(record.id, entryOf(record, fingerprint));
  }

  // 2. The recent segment: read whole (it is small), the changed articles taken out and put back in.
  const files = new Map<string, string>();
  const segments = [...old.segments];
  let next = old.next;
  const removedSegments: number[] = [];
  let merges = 0;
  if (added.size > 0) {
    const last = segments.at(-1);
    let recent: Postings = new Map();
    let recentDrop: number[] = [];
    let recentId = next;
    if (last !== undefined && !last.sealed) {
      const read = readSegment(last, previous.read);
      if (read === null) return { kind: 'rebuild', reason: `a shard of segment ${last.id} missing or damaged` };
      recent = read;
      recentDrop = decodePostings(last.drop);
      segments.pop();
      // Rewritten in place: a cycle changes the same few files, as the point of the recent segment is.
      recentId = last.id;
    } else {
      next++;
    }
    for (const [token, ids] of recent) {
      const kept = ids.filter((id) => !added.has(id));
      if (kept.length === 0) recent.delete(token);
      else recent.set(token, kept);
    }
    for (const [id, list] of [...added].sort(([a], [b]) => a - b)) {
      for (const token of list) {
        const ids = recent.get(token);
        if (ids === undefined) recent.set(token, [id]);
        else if (ids.at(-1)! < id) ids.push(id);
        else ids.splice(sortedIndex(ids, id), 0, id);
      }
    }
    // With older segments behind it, an edit hides their postings of the article.
    if (segments.length > 0) recentDrop.push(...edited);

    // 3. Seal, then merge while the size rule says so. Merges are computed in memory, so each one is written
    // once, under a new id, and the segments it replaces are deleted after the new manifest names it.
    type Pending = { info: SegmentInfo; postings: Postings | null; drop: number[]; written: boolean };
    const pending: Pending[] = segments.map((info) => ({ info, postings: null, drop: decodePostings(info.drop), written: false }));
    const recentDocs = distinctIds(recent);
    const sealNow = rule !== null && recentDocs >= rule.sealAt;
    pending.push({ info: { id: recentId, shards: 0, docs: recentDocs, sealed: sealNow, t: {}, drop: '' }, postings: recent, drop: recentDrop, written: true });
    if (sealNow) merges++;
    while (rule !== null && pending.length >= 2) {
      const newer = pending.at(-1)!;
      const older = pending.at(-2)!;
      if (!newer.info.sealed || !older.info.sealed || older.info.docs > rule.ratio * newer.info.docs) break;
      const olderPostings = older.postings ?? readSegment(older.info, previous.read);
      if (olderPostings === null) return { kind: 'rebuild', reason: `a shard of segment ${older.info.id} missing or damaged` };
      const merged = mergePostings(olderPostings, newer.postings!, new Set(newer.drop));
      pending.splice(-2, 2, {
        info: { id: next++, shards: 0, docs: distinctIds(merged), sealed: true, t: {}, drop: '' },
        postings: merged,
        // The newer's drops applied to the older; both still apply to what is older still (none: the base).
        drop: pending.length === 2 ? [] : [...older.drop, ...newer.drop],
        written: true,
      });
      merges++;
    }
    segments.splice(0, segments.length);
    for (const segment of pending) {
      segments.push(segment.written ? segmentFiles(segment.info.id, segment.postings!, segment.info.sealed, segment.drop, files) : segment.info);
    }
    const named = new Set(segments.map((segment) => segment.id));
    for (const segment of old.segments) if (!named.has(segment.id)) removedSegments.push(segment.id);
  }
  const tokenShardsWritten = files.size;

  const manifest: SearchManifest = { ...old, docs, sources, next, segments, d: { ...old.d } };
  for (const [n, shard] of docShards) manifest.d[n] = shortHash(formatDocShard(n, shard));
  files.set(searchPaths.manifest, formatManifest(manifest));
  for (const [n, shard] of docShards) files.set(searchPaths.docShard(n), formatDocShard(n, shard));
  return { kind: 'built', files, manifest, removedSegments, tokenShardsWritten, merges };
}

function sortedIndex(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the browser finds for one token (client-script.ts's visible() mirrors this): `lists[k]` its ids in
 * segment k, oldest first, `drops[k]` the ids segment k hides in older ones. An id counts once.
 */
export function visibleIds(lists: readonly (readonly number[])[], drops: readonly (readonly number[])[]): number[] {
  const out = new Set<number>();
  const hidden = new Set<number>();
  for (let k = lists.length - 1; k >= 0; k--) {
    for (const id of lists[k]!) if (!hidden.has(id)) out.add(id);
    for (const id of drops[k]!) hidden.add(id);
  }
  return [...out].sort((a, b) => a - b);
}
