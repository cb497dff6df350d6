// A database written by an earlier schema version is migrated in place, keeping its data.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MIGRATIONS } from './schema.ts';
import { sqliteHandle, SqliteStore } from './store.ts';

test('a version 1 database gains re-check scheduling, checks and status events, keeping its articles', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'nv-migrate-')), 'old.sqlite');
  const old = new Database(file);
  old.exec(MIGRATIONS[0]!);
  old.pragma('user_version = 1');
  old.exec(`INSERT INTO sources (id, name, url, next_number) VALUES ('voa', '美国之音', 'https://feedx.net/rss/mgzy1.xml', 1048573);
    INSERT INTO articles (id, source_id, number, key, url, title, published_ms, first_seen_ms, revision_id, revision_count, needs_publish)
      VALUES (1, 'voa', 1048574, 'guid:1', 'https://example.com/1', '旧文章', 1000, 2000, 1, 1, 0);
    INSERT INTO revisions (id, article_id, seq, title, url, content, sha256, fingerprint, seen_ms, seen_where)
      VALUES (1, 1, 1, '旧文章', 'https://example.com/1', '<p>旧</p>', 'a', 'b', 2000, 'feed');`);
  old.close();

  const store = SqliteStore.open(file);
  try {
    assert.equal(sqliteHandle(store).pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal((await store.getArticle(1))?.title, '旧文章');
    assert.deepEqual((await store.listUnscheduled(10)).map((a) => [a.id, a.nextCheckMs]), [[1, null]]);
    await store.recordCheck({ articleId: 1, checkedMs: 3000, outcome: 'gone', httpStatus: 404, finalUrl: null, detail: null });
    await store.setStatus(1, 'removed', 3000);
    assert.deepEqual((await store.listStatusEvents(1)).map((e) => e.kind), ['removed']);
    assert.deepEqual((await store.listRemoved()).map((a) => a.id), [1]);
  } finally {
    await store.close();
  }
});

test('a version 2 database gains canonical links for its articles, so a second feed of a source finds them', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'nv-migrate-')), 'v2.sqlite');
  const old = new Database(file);
  old.exec(MIGRATIONS[0]!);
  old.exec(MIGRATIONS[1]!);
  old.pragma('user_version = 2');
  old.exec(`INSERT INTO sources (id, name, url, next_number) VALUES ('BBC', 'BBC', 'https://feedx.net/rss/bbc.xml', 1048573);
    INSERT INTO articles (id, source_id, number, key, url, title, published_ms, first_seen_ms, revision_id, revision_count, needs_publish)
      VALUES (1, 'BBC', 1048574, 'guid:feedx-1', 'https://www.bbc.com/zhongwen/simp/world-1', '旧文章', 1000, 2000, 1, 1, 0);
    INSERT INTO revisions (id, article_id, seq, title, url, content, sha256, fingerprint, seen_ms, seen_where)
      VALUES (1, 1, 1, '旧文章', 'https://www.bbc.com/zhongwen/simp/world-1', '<p>旧</p>', 'a', 'b', 2000, 'feed');`);
  old.close();
  const store = SqliteStore.open(file);
  try {
    assert.equal((await store.findArticleByLink('BBC', 'https://www.bbc.com/zhongwen/simp/world-1?at_medium=RSS&at_campaign=rss'))?.article.id, 1);
    assert.deepEqual(await store.listHealthEvents(10), []);
  } finally {
    await store.close();
  }
});
