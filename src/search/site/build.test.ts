// The site index builder: its tokens are the reader's index's tokens, posting lists survive the trip, and an
// incremental update writes only the shards it must and ends where a full build of the same articles ends.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fold } from '../fold.ts';
import { indexText } from '../tokenize.ts';
import { ARTICLES } from '../testdata/articles.ts';
import { buildSearchIndex, recordTokens, shardCountFor, type BuildResult } from './build.ts';
import { decodePostings, encodePostings, shardOf } from './postings.ts';
import { formatTokenShard, parseTokenShard } from './shard-files.ts';
import { searchPaths, type SiteSearchRecord } from './types.ts';

const SOURCES = { voa: '美国之音', rfa: '自由亚洲', bbc: 'BBC', dw: '德国之声', rfi: '法广' };

export const RECORDS: SiteSearchRecord[] = ARTICLES.map((doc) => ({
  id: doc.id,
  title: doc.title,
  source: doc.source,
  publishedMs: doc.published,
  text: doc.text,
  url: `articles/${doc.source}/${1048575 - doc.id}.html`,
  removed: doc.status === 'removed',
}));

function built(result: BuildResult): Extract<BuildResult, { kind: 'built' }> {
  assert.equal(result.kind, 'built', result.kind === 'rebuild' ? result.reason : '');
  return result as Extract<BuildResult, { kind: 'built' }>;
}

function fullBuild(records: SiteSearchRecord[]): Extract<BuildResult, { kind: 'built' }> {
  return built(buildSearchIndex({ records, sources: SOURCES, previous: null }));
}

/** Applies an update to a full build's files, as the publisher does on disk. */
function updated(files: Map<string, string>, records: SiteSearchRecord[]): { files: Map<string, string>; written: string[]; shards: number } {
  const manifest = fullManifest(files);
  const result = built(buildSearchIndex({ records, sources: SOURCES, previous: { manifest, read: (path) => files.get(path) ?? null } }));
  const next = new Map(files);
  const written: string[] = [];
  for (const [path, content] of result.files) {
    if (files.get(path) !== content) written.push(path);
    next.set(path, content);
  }
  return { files: next, written: written.sort(), shards: result.tokenShardsWritten };
}

function fullManifest(files: Map<string, string>) {
  const text = files.get(searchPaths.manifest)!;
  return JSON.parse(text.slice(text.indexOf('(') + 1, -3));
}

/** Every token and its ids, read back from the token shards. */
function postingsOf(files: Map<string, string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const { shards } = fullManifest(files);
  for (let n = 0; n < shards; n++) {
    for (const [token, encoded] of parseTokenShard(n, files.get(searchPaths.tokenShard(n))!)!) {
      assert.equal(shardOf(token, shards), n, `${token} is in the shard its hash names`);
      out.set(token, decodePostings(encoded));
    }
  }
  return out;
}

describe('site search index: tokens', () => {
  test("an article's tokens are the tokens the reader's FTS5 index stores for it", () => {
    for (const record of RECORDS) {
      const expected = new Set(`${indexText(fold(record.title))} ${indexText(fold(record.text))}`.split(' ').filter((t) => t !== ''));
      assert.deepEqual(new Set(recordTokens(record)), expected, record.title);
    }
  });

  test('the shards hold exactly each article under each of its tokens', () => {
    const postings = postingsOf(fullBuild(RECORDS).files);
    const expected = new Map<string, number[]>();
    for (const record of [...RECORDS].sort((a, b) => a.id - b.id)) {
      for (const token of recordTokens(record)) expected.set(token, [...(expected.get(token) ?? []), record.id]);
    }
    assert.deepEqual(new Map([...postings].sort()), new Map([...expected].sort()));
    // 習近平 (traditional, article 2) and 习近平 (simplified, article 1) are one token list.
    assert.ok(postings.get('习近')!.includes(1) && postings.get('习近')!.includes(2));
  });
});

describe('site search index: posting lists', () => {
  test('round-trip for any ascending ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 200 }), (ids) => {
        const sorted = [...ids].sort((a, b) => a - b);
        assert.deepEqual(decodePostings(encodePostings(sorted)), sorted);
      }),
    );
  });

  test('a dense list costs one character per article', () => {
    assert.equal(encodePostings([1, 2, 3, 4, 5, 6]).length, 6);
    assert.throws(() => encodePostings([3, 2]), /ascend/);
  });

  test('a token shard reads back as written, and refuses a token it could not quote', () => {
    const postings = new Map([['习近', '21'], ['covid', 'B1'], ['近平', '1']]);
    assert.deepEqual(parseTokenShard(3, formatTokenShard(3, postings)), postings);
    assert.deepEqual(parseTokenShard(3, formatTokenShard(3, new Map())), new Map());
    assert.equal(parseTokenShard(4, formatTokenShard(3, postings)), null, 'another shard number');
    assert.throws(() => formatTokenShard(3, new Map([['a`b', '1']])), /cannot be written/);
  });

  test('the shard count grows by doubling with the archive', () => {
    assert.equal(shardCountFor(0), 16);
    assert.equal(shardCountFor(1024), 128);
    assert.equal(shardCountFor(1025), 256);
    assert.equal(shardCountFor(10 ** 9), 8192);
  });
});

describe('site search index: incremental', () => {
  const first = RECORDS.slice(0, -1);
  const last = RECORDS.at(-1)!;

  test('a new article rewrites its doc shard, the token shards of its tokens and the manifest, and nothing else', () => {
    const { files, written, shards } = updated(fullBuild(first).files, [last]);
    const tokenShards = new Set(recordTokens(last).map((token) => shardOf(token, fullManifest(files).shards)));
    assert.equal(shards, tokenShards.size);
    assert.ok(tokenShards.size < fullManifest(files).shards, 'some shards untouched');
    assert.deepEqual(written, [searchPaths.docShard(0), searchPaths.manifest, ...[...tokenShards].map(searchPaths.tokenShard)].sort());
    assert.deepEqual(files, fullBuild(RECORDS).files, 'same files as a full build');
  });

  test('an edited article leaves the lists of the words it lost', () => {
    const edited = { ...RECORDS[0]!, title: '完全不同的标题', text: '内容已经改写。' };
    const { files } = updated(fullBuild(RECORDS).files, [edited]);
    assert.deepEqual(files, fullBuild([edited, ...RECORDS.slice(1)]).files);
    assert.ok(!postingsOf(files).get('习近')!.includes(edited.id));
    assert.ok(postingsOf(files).get('改写')!.includes(edited.id));
  });

  test('a status change rewrites only the doc shard and the manifest', () => {
    const removed = { ...RECORDS[0]!, removed: true };
    const { files, written, shards } = updated(fullBuild(RECORDS).files, [removed]);
    assert.equal(shards, 0);
    assert.deepEqual(written, [searchPaths.docShard(0), searchPaths.manifest]);
    assert.deepEqual(files, fullBuild([removed, ...RECORDS.slice(1)]).files);
  });

  test('a damaged shard asks for a rebuild instead of guessing', () => {
    const files = fullBuild(first).files;
    const n = shardOf(recordTokens(last)[0]!, fullManifest(files).shards);
    files.set(searchPaths.tokenShard(n), 'not ours');
    const result = buildSearchIndex({ records: [last], sources: SOURCES, previous: { manifest: fullManifest(files), read: (p) => files.get(p) ?? null } });
    assert.equal(result.kind, 'rebuild');
  });

  test('outgrowing the shard count asks for a rebuild', () => {
    const many = Array.from({ length: 129 }, (_, i) => ({ ...RECORDS[0]!, id: 100 + i }));
    const files = fullBuild(many.slice(0, 128)).files;
    assert.equal(fullManifest(files).shards, 16);
    const result = buildSearchIndex({ records: [many[128]!], sources: SOURCES, previous: { manifest: fullManifest(files), read: (p) => files.get(p) ?? null } });
    assert.deepEqual(result, { kind: 'rebuild', reason: 'the archive outgrew 16 token shards' });
  });
});
