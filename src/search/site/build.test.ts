// The site index builder: its tokens are the reader's index's tokens, posting lists survive the trip, and an
// update in segments writes only the recent segment (and a merge when the size rule says so), and finds what a full
// build of the same articles finds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fold } from '../fold.ts';
import { indexText } from '../tokenize.ts';
import { ARTICLES } from '../testdata/articles.ts';
import { buildSearchIndex, recordTokens, shardCountFor, startFullBuild, visibleIds, type BuildResult, type SegmentRule } from './build.ts';
import { decodePostings, encodePostings, shardOf } from './postings.ts';
import { formatTokenShard, parseTokenShard } from './shard-files.ts';
import { searchPaths, type SearchManifest, type SiteSearchRecord } from './types.ts';

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

function fullBuild(records: SiteSearchRecord[], rule?: SegmentRule | null): Extract<BuildResult, { kind: 'built' }> {
  return built(buildSearchIndex({ records, sources: SOURCES, previous: null, rule }));
}

interface Updated {
  files: Map<string, string>;
  written: string[];
  result: Extract<BuildResult, { kind: 'built' }>;
}

/** Applies an update to an index's files, as the publisher does on disk (replaced segments deleted). */
function updated(files: Map<string, string>, records: SiteSearchRecord[], rule?: SegmentRule | null): Updated {
  const manifest = fullManifest(files);
  const result = built(buildSearchIndex({ records, sources: SOURCES, previous: { manifest, read: (path) => files.get(path) ?? null }, rule }));
  const next = new Map(files);
  for (const id of result.removedSegments) {
    for (const path of next.keys()) if (path.startsWith(`${searchPaths.segmentDir(id)}/`)) next.delete(path);
  }
  const written: string[] = [];
  for (const [path, content] of result.files) {
    if (files.get(path) !== content) written.push(path);
    next.set(path, content);
  }
  return { files: next, written: written.sort(), result };
}

function fullManifest(files: Map<string, string>): SearchManifest {
  const text = files.get(searchPaths.manifest)!;
  return JSON.parse(text.slice(text.indexOf('(') + 1, -3)) as SearchManifest;
}

/** Every token and the ids the browser finds for it: each segment's shards read back, merged as the script does. */
function postingsOf(files: Map<string, string>): Map<string, number[]> {
  const { segments } = fullManifest(files);
  const perSegment = segments.map((segment) => {
    const out = new Map<string, number[]>();
    for (let n = 0; n < segment.shards; n++) {
      for (const [token, encoded] of parseTokenShard(segment.id, n, files.get(searchPaths.tokenShard(segment.id, n))!)!) {
        assert.equal(shardOf(token, segment.shards), n, `${token} is in the shard its hash names`);
        out.set(token, decodePostings(encoded));
      }
    }
    return out;
  });
  const drops = segments.map((segment) => decodePostings(segment.drop));
  const all = new Set(perSegment.flatMap((map) => [...map.keys()]));
  const out = new Map<string, number[]>();
  for (const token of [...all].sort()) {
    const ids = visibleIds(perSegment.map((map) => map.get(token) ?? []), drops);
    if (ids.length > 0) out.set(token, ids);
  }
  return out;
}

/** The doc shards, which say what a hit shows (title, day, removed). */
function docShardsOf(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([path]) => path.startsWith('search/d/')).sort());
}

/** What a search finds, whatever the layout: the same for an index built in cycles and one built at once. */
function sameResults(actual: Map<string, string>, expected: Map<string, string>, message: string): void {
  assert.deepEqual(postingsOf(actual), postingsOf(expected), message);
  assert.deepEqual(docShardsOf(actual), docShardsOf(expected), message);
  assert.equal(fullManifest(actual).docs, fullManifest(expected).docs, message);
}

/** A small rule so a few test articles seal and merge segments. */
const SMALL: SegmentRule = { sealAt: 4, ratio: 2 };

/** More articles than the test set holds: the test set again under new ids, text varied. */
function many(count: number): SiteSearchRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const base = RECORDS[i % RECORDS.length]!;
    return { ...base, id: i + 1, text: `${base.text} 第${i}篇 ${String.fromCharCode(0x4e00 + (i % 500))}${String.fromCharCode(0x4e00 + ((i * 7) % 500))}` };
  });
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

describe('site search index: a full build fed record by record', () => {
  const ascending = [...RECORDS].sort((a, b) => a.id - b.id);
  for (const rule of [undefined, null] as const) {
    test(`the same files as buildSearchIndex (${rule === null ? 'one unsealed segment' : 'the segment rule'})`, () => {
      const build = startFullBuild(SOURCES, rule);
      for (const record of ascending) build.add(record);
      const fed = built(build.finish());
      assert.deepEqual([...fed.files], [...fullBuild([...RECORDS].reverse(), rule).files]);
    });
  }
  test('a record out of order or given twice is refused', () => {
    const build = startFullBuild(SOURCES);
    build.add(ascending[1]!);
    assert.throws(() => build.add(ascending[1]!), /given twice/);
    assert.throws(() => build.add(ascending[0]!), /ascending ids/);
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
    assert.deepEqual(parseTokenShard(2, 3, formatTokenShard(2, 3, postings)), postings);
    assert.deepEqual(parseTokenShard(2, 3, formatTokenShard(2, 3, new Map())), new Map());
    assert.equal(parseTokenShard(2, 4, formatTokenShard(2, 3, postings)), null, 'another shard number');
    assert.equal(parseTokenShard(1, 3, formatTokenShard(2, 3, postings)), null, 'another segment');
    assert.throws(() => formatTokenShard(2, 3, new Map([['a`b', '1']])), /cannot be written/);
  });

  test("a segment's shard count grows by doubling with its size", () => {
    assert.equal(shardCountFor(0), 16);
    assert.equal(shardCountFor(1024), 128);
    assert.equal(shardCountFor(1025), 256);
    assert.equal(shardCountFor(10 ** 9), 8192);
  });
});

describe('site search index: segments', () => {
  const first = RECORDS.slice(0, -1);
  const last = RECORDS.at(-1)!;

  test('a new article goes into the recent segment: its shards, the doc shard and the manifest change, the base does not', () => {
    const base = fullBuild(first, SMALL);
    assert.equal(fullManifest(base.files).segments.length, 1);
    assert.equal(fullManifest(base.files).segments[0]!.sealed, true, 'a full build of 29 is a sealed base');
    const { files, written, result } = updated(base.files, [last], SMALL);
    const [baseSegment, recent] = result.manifest.segments;
    assert.equal(recent!.sealed, false);
    assert.ok(written.every((path) => !path.startsWith(`${searchPaths.segmentDir(baseSegment!.id)}/`)), 'no base shard rewritten');
    assert.ok(written.includes(searchPaths.manifest) && written.includes(searchPaths.docShard(0)));
    assert.ok(written.length <= recent!.shards + 2, `${written.length} files`);
    sameResults(files, fullBuild(RECORDS, SMALL).files, 'same results as a full build');
  });

  test('after many small cycles the results equal a full rebuild, with seals and merges on the way', () => {
    const records = many(60);
    let files = fullBuild(records.slice(0, 10), SMALL).files;
    let merges = 0;
    let removed = 0;
    let most = 0;
    for (let end = 10; end < records.length; ) {
      const batch = records.slice(end, end + 3);
      end += batch.length;
      const step = updated(files, batch, SMALL);
      files = step.files;
      merges += step.result.merges;
      removed += step.result.removedSegments.length;
      most = Math.max(most, step.result.manifest.segments.length);
      sameResults(files, fullBuild(records.slice(0, end), SMALL).files, `after ${end} articles`);
      for (const segment of step.result.manifest.segments) {
        for (let n = 0; n < segment.shards; n++) assert.ok(files.has(searchPaths.tokenShard(segment.id, n)), `segment ${segment.id} shard ${n} present`);
      }
    }
    assert.ok(merges > 3 && removed > 1 && most >= 3, `merges ${merges}, segments removed ${removed}, at most ${most} segments`);
    // No file of a segment the manifest no longer names is left behind.
    const named = new Set(fullManifest(files).segments.map((segment) => `search/s/${segment.id}/`));
    for (const path of files.keys()) if (path.startsWith('search/s/')) assert.ok([...named].some((prefix) => path.startsWith(prefix)), path);
  });

  test('an edit of an article in a sealed segment: found by its new text only, and once', () => {
    const records = many(20);
    const base = fullBuild(records, SMALL).files;
    const target = records[3]!;
    assert.ok(postingsOf(base).get('3')!.includes(target.id));
    const edited = { ...target, title: '完全不同的标题', text: '内容已经改写。' };
    const { files, result } = updated(base, [edited], SMALL);
    assert.equal(result.manifest.segments.length, 2);
    assert.deepEqual(decodePostings(result.manifest.segments[1]!.drop), [target.id], 'the recent segment hides the old version');
    assert.ok(!postingsOf(files).get('3')?.includes(target.id), 'not found by its old text');
    assert.deepEqual(postingsOf(files).get('改写'), [target.id]);
    sameResults(files, fullBuild([edited, ...records.filter((r) => r.id !== target.id)], SMALL).files, 'as if built with the edit');
    // Edited again while its current version is in the recent segment: the recent one is rewritten, not duplicated.
    const again = { ...edited, text: '第二次改写。' };
    const second = updated(files, [again], SMALL);
    assert.ok(!postingsOf(second.files).get('内容')?.includes(target.id));
    sameResults(second.files, fullBuild([again, ...records.filter((r) => r.id !== target.id)], SMALL).files, 'second edit');
  });

  test('a removal at the source rewrites only the doc shard and the manifest, and shows it removed', () => {
    const base = fullBuild(RECORDS, SMALL).files;
    const removed = { ...RECORDS[0]!, removed: true };
    const { files, written, result } = updated(base, [removed], SMALL);
    assert.equal(result.tokenShardsWritten, 0);
    assert.deepEqual(written, [searchPaths.docShard(0), searchPaths.manifest]);
    sameResults(files, fullBuild([removed, ...RECORDS.slice(1)], SMALL).files, 'as a full build');
    assert.equal(docShardsOf(files).get(searchPaths.docShard(0))!.includes(`"${RECORDS[0]!.id}":[`), true);
  });

  test('a merge writes one new segment, deletes the ones it replaced and leaves no stale postings behind', () => {
    const records = many(16);
    // A sealed base of 8, then an edit of article 2 and three new articles seal the recent segment (4 ≥ sealAt).
    const base = fullBuild(records.slice(0, 8), SMALL).files;
    const edited = { ...records[1]!, text: '合并以前改写。' };
    const { files, result } = updated(base, [edited, ...records.slice(8, 11)], SMALL);
    // 8 ≤ 2 × 4: the sealed recent segment merges with the base into a new base.
    assert.equal(result.merges, 2, 'sealed, then merged');
    assert.deepEqual(result.removedSegments, [0]);
    assert.equal(result.manifest.segments.length, 1);
    const merged = result.manifest.segments[0]!;
    assert.ok(merged.id >= 1 && merged.sealed && merged.drop === '', 'a new id, and the base drops nothing');
    assert.ok(![...files.keys()].some((path) => path.startsWith('search/s/0/')));
    assert.ok(!postingsOf(files).get('1')?.includes(edited.id), 'the old version is gone from the merged segment itself');
    sameResults(files, fullBuild([edited, ...records.slice(0, 11).filter((r) => r.id !== edited.id)], SMALL).files, 'as a full build');
  });

  test('without the segment rule there is one segment, updated in place (the layout the benchmark compares)', () => {
    const base = fullBuild(first, null);
    const { files, result } = updated(base.files, [last], null);
    assert.equal(result.manifest.segments.length, 1);
    assert.equal(result.manifest.segments[0]!.id, 0);
    sameResults(files, fullBuild(RECORDS, null).files, 'same results');
  });

  test('a damaged shard of the recent segment asks for a rebuild instead of guessing', () => {
    const { files } = updated(fullBuild(first, SMALL).files, [last], SMALL);
    const recent = fullManifest(files).segments.at(-1)!;
    files.set(searchPaths.tokenShard(recent.id, 0), 'not ours');
    const result = buildSearchIndex({ records: [{ ...last, id: 999 }], sources: SOURCES, previous: { manifest: fullManifest(files), read: (p) => files.get(p) ?? null }, rule: SMALL });
    assert.equal(result.kind, 'rebuild');
  });

  test('an index of an older format asks for a rebuild', () => {
    const files = fullBuild(first).files;
    const manifest = { ...fullManifest(files), version: 1 };
    const result = buildSearchIndex({ records: [last], sources: SOURCES, previous: { manifest, read: (p) => files.get(p) ?? null } });
    assert.deepEqual(result, { kind: 'rebuild', reason: 'index format changed' });
  });
});
