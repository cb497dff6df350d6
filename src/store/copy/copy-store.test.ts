// A store copied SQLite → PostgreSQL → SQLite keeps every row of every table: the digests agree at each step,
// ids continue above the copied ones, and a target that is not empty is refused.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { StoreError } from '../error.ts';
import { startPostgresCluster, type PostgresCluster } from '../postgres/test-support.ts';
import { SqliteStore } from '../sqlite/store.ts';
import type { Store } from '../types.ts';
import { copyStore } from './copy-store.ts';

async function fill(store: Store): Promise<void> {
  await store.syncSources([
    { id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
    { id: 'BBC', name: 'BBC 中文', url: 'https://feedx.net/rss/bbc.xml' },
  ]);
  const base = { author: null, sha256: 'a'.repeat(64), fingerprint: 'f'.repeat(64), seenWhere: 'feed' as const };
  const a = await store.insertArticle({ ...base, sourceId: 'voa', key: 'guid:1', url: 'https://www.voachinese.com/a/1.html', title: '習近平會見', publishedMs: 1_679_431_144_000, content: '<p>正文 “引号” \\ \' 😀</p>', seenMs: 1_700_000_000_000, feedUrl: 'https://feedx.net/rss/mgzy1.xml' });
  await store.insertArticle({ ...base, sourceId: 'voa', key: 'url:old', url: null, title: '旧文', publishedMs: 1, content: '', seenMs: 2, number: 1_000_000, fileName: '1000000_旧文.md', seenWhere: 'import' });
  await store.insertArticle({ ...base, sourceId: 'BBC', key: 'guid:b', url: 'https://www.bbc.com/zhongwen/simp/world-1', title: 'BBC', publishedMs: 5, content: '<p>b</p>', seenMs: 6 });
  await store.addRevision(a.id, { title: '习近平会见', url: 'https://www.voachinese.com/a/1-new.html', content: '<p>改</p>', sha256: 'b'.repeat(64), fingerprint: 'e'.repeat(64), seenMs: 1_700_000_100_000, seenWhere: 'recheck' });
  await store.setStatus(a.id, 'removed', 1_700_000_200_000);
  await store.recordCheck({ articleId: a.id, checkedMs: 1_700_000_200_000, outcome: 'gone', httpStatus: 404, finalUrl: null, detail: 'HTTP 404' });
  await store.setNextChecks([{ articleId: a.id, atMs: 1_800_000_000_000 }]);
  await store.saveFeedState({ sourceId: 'voa', url: 'https://b.example/feed', etag: '"e"', lastModified: null, lastAttemptMs: 1, lastSuccessMs: 1, consecutiveFailures: 0, lastError: null, newestItemMs: 3, medianIntervalMs: 4 });
  await store.saveSourceHealth({ sourceId: 'voa', activeUrl: null, staleSinceMs: 5, failingSinceMs: null, selectorMisses: 2, selectorsMissingSinceMs: 7 });
  await store.recordHealthEvent({ sourceId: 'voa', atMs: 9, kind: 'stale', feedUrl: null, detail: '没有新文章' });
  await store.recordPublished([{ id: a.id, fileBlob: 'c'.repeat(40) }]);
  await store.recordPublishedFiles(new Map([['lists/美国之音.md', 'd'.repeat(40)]]));
  const run = await store.startRun(10);
  await store.finishRun(run, 20, [{ sourceId: 'voa', outcome: 'ok', newCount: 1, changedCount: 0, unchangedCount: 0, errorKind: null, errorMessage: null }]);
}

describe('copyStore', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  test('SQLite → PostgreSQL → SQLite keeps every table, row for row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-copy-'));
    const first = join(dir, 'first.sqlite');
    const store = SqliteStore.open(first);
    await fill(store);
    await store.close();

    const url = await cluster.createDatabase();
    const there = await copyStore(first, url);
    const back = await copyStore(url, join(dir, 'back.sqlite'));
    assert.deepEqual(back, there);
    const rows = Object.fromEntries(there.map((copy) => [copy.table, copy.rows]));
    assert.deepEqual(rows, {
      sources: 2, articles: 3, revisions: 4, article_links: 3, checks: 1, status_events: 1, feed_states: 1,
      source_health: 1, health_events: 1, published_files: 1, runs: 1, run_sources: 1,
    });

    // Ids handed out after the copy continue above the copied ones.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: [run] } = await client.query<{ id: string }>('INSERT INTO runs (started_ms) VALUES (30) RETURNING id');
      assert.equal(Number(run!.id), 2);
    } finally {
      await client.end();
    }
  });

  test('a target that is not empty is refused, and left as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-copy-'));
    const file = join(dir, 'nv.sqlite');
    const store = SqliteStore.open(file);
    await fill(store);
    await store.close();
    const url = await cluster.createDatabase();
    await copyStore(file, url);
    await assert.rejects(copyStore(file, url), (error: unknown) => error instanceof StoreError && /is not empty \(sources has 2 rows\); copy into a new, empty database/.test(error.message));
    await assert.rejects(copyStore(url, file), /is not empty/);
  });
});
