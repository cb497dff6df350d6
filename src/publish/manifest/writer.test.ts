// The month manifest is append-only: a second pass appends only what the store gained, a killed append (a
// last line without its newline) is cut back and written again, re-check lines wait for other changes, and a
// new month's header carries the hash of the previous month's file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { SqliteStore } from '../../store/index.ts';
import type { NewArticle } from '../../store/types.ts';
import { manifestPath, monthOf, parseManifest } from '../../archive-format/manifest.ts';
import { appendManifests, CHECKS_WAIT_MS } from './writer.ts';

const MARCH = Date.UTC(2026, 2, 10);
const APRIL = Date.UTC(2026, 3, 10);

function article(key: string, seenMs: number): NewArticle {
  return {
    sourceId: 'voa',
    key,
    url: `https://example.com/${key}.html`,
    title: `标题 ${key}`,
    author: null,
    publishedMs: seenMs,
    content: `<p>正文 ${key}</p>`,
    sha256: createHash('sha256').update(key).digest('hex'),
    fingerprint: 'f'.repeat(64),
    seenMs,
    seenWhere: 'feed',
    fetchedUrl: 'https://example.com/feed.xml',
    httpStatus: 200,
    etag: '"v1"',
  };
}

describe('the manifest writer', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsvault-manifest-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    await store.syncSources([{ id: 'voa', name: '美国之音', url: 'https://example.com/feed.xml' }]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const output = () => join(dir, 'archive');
  const append = (nowMs: number, othersWritten = true) =>
    appendManifests(store, output(), { fromMs: MARCH, toMs: nowMs, nowMs, othersWritten });
  const march = () => join(output(), manifestPath(monthOf(MARCH)));

  test('a second pass appends only the new lines and leaves the old bytes as they were', async () => {
    await store.insertArticle(article('a', MARCH));
    assert.equal((await append(MARCH + 1000)).appended, 1);
    const first = readFileSync(march());
    await store.insertArticle(article('b', MARCH + 2000));
    assert.equal((await append(MARCH + 3000)).appended, 1);
    const second = readFileSync(march());
    assert.deepEqual(second.subarray(0, first.length), first);
    assert.equal((await append(MARCH + 4000)).appended, 0, 'nothing new: nothing appended');
    assert.deepEqual(readFileSync(march()), second);
    const lines = parseManifest(second.toString('utf8'), manifestPath(monthOf(MARCH))).lines;
    assert.deepEqual(lines.map((line) => line.type), ['revision', 'revision']);
  });

  test('a killed append (a cut-off last line) is cut back and its lines written again', async () => {
    await store.insertArticle(article('a', MARCH));
    await append(MARCH + 1000);
    const whole = readFileSync(march());
    await store.insertArticle(article('b', MARCH + 2000));
    await append(MARCH + 3000);
    const complete = readFileSync(march());
    // What a SIGKILL mid-write leaves: the first part of the new line, no newline.
    rmSync(march());
    appendFileSync(march(), Buffer.concat([whole, complete.subarray(whole.length, whole.length + 25)]));

    const repaired = await append(MARCH + 4000);
    assert.deepEqual(repaired.repaired, [manifestPath(monthOf(MARCH))]);
    assert.equal(repaired.appended, 1);
    assert.deepEqual(readFileSync(march()), complete, 'the same bytes as an uninterrupted run');
  });

  test('re-check lines alone wait, and go with the next other change or after CHECKS_WAIT_MS', async () => {
    const a = await store.insertArticle(article('a', MARCH));
    await append(MARCH + 1000);
    const before = readFileSync(march());
    await store.recordCheck({ articleId: a.id, checkedMs: MARCH + 2000, outcome: 'alive', httpStatus: 200, finalUrl: a.url, detail: null });
    assert.equal((await append(MARCH + 3000, false)).appended, 0, 'a re-check alone writes nothing');
    assert.deepEqual(readFileSync(march()), before);
    assert.equal((await append(MARCH + 2000 + CHECKS_WAIT_MS, false)).appended, 1, 'a day later it is written anyway');
    const lines = parseManifest(readFileSync(march(), 'utf8'), manifestPath(monthOf(MARCH))).lines;
    assert.deepEqual(lines.map((line) => line.type), ['revision', 'check']);
  });

  test("a new month's header carries the hash and length of the previous month's file", async () => {
    await store.insertArticle(article('a', MARCH));
    await append(MARCH + 1000);
    await store.insertArticle(article('b', APRIL));
    await append(APRIL + 1000);
    const previous = readFileSync(march());
    const april = readFileSync(join(output(), manifestPath(monthOf(APRIL))), 'utf8');
    const header = parseManifest(april, manifestPath(monthOf(APRIL))).header;
    assert.equal(header.previous, createHash('sha256').update(previous).digest('hex'));
    assert.equal(header.previousBytes, previous.length);
  });
});
