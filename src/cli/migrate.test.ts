// `newsvault migrate --to`: a SQLite store to a PostgreSQL database and back, every article as it was; a target
// that is not empty, cannot be reached or is not a store is refused with exit 2.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { configFromValue } from '../config/index.ts';
import { PostgresStore } from '../store/postgres/store.ts';
import { startPostgresCluster, type PostgresCluster } from '../store/postgres/test-support.ts';
import { SqliteStore } from '../store/sqlite/store.ts';
import type { Store } from '../store/types.ts';
import { captureIo } from '../../test/support/io.ts';
import { main } from './main.ts';
import { migrateCommand } from './migrate.ts';

async function fill(store: Store): Promise<void> {
  await store.syncSources([
    { id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
    { id: 'rfi', name: '法广', url: 'https://feedx.net/rss/rfi.xml' },
  ]);
  const base = { author: null, sha256: 'a'.repeat(64), fingerprint: 'f'.repeat(64), seenWhere: 'feed' as const };
  const a = await store.insertArticle({ ...base, sourceId: 'voa', key: 'guid:1', url: 'https://www.voachinese.com/a/1.html', title: '习近平会见', publishedMs: 1_679_431_144_000, content: '<p>正文 😀</p>', seenMs: 1_700_000_000_000 });
  await store.insertArticle({ ...base, sourceId: 'rfi', key: 'guid:2', url: 'https://www.rfi.fr/cn/2', title: '法广', publishedMs: 1_679_431_145_000, content: '<p>二</p>', seenMs: 1_700_000_000_001 });
  await store.addRevision(a.id, { title: '習近平會見', url: a.url, content: '<p>改</p>', sha256: 'b'.repeat(64), fingerprint: 'e'.repeat(64), seenMs: 1_700_000_100_000, seenWhere: 'page', fetchedUrl: a.url, httpStatus: 200, etag: '"x"' });
  await store.setStatus(a.id, 'removed', 1_700_000_200_000);
}

async function contents(store: Store): Promise<unknown> {
  const articles = await store.listArticlesAfter(0, 100);
  return { articles, revisions: await Promise.all(articles.map((a) => store.listRevisions(a.id))), sources: await store.listSources() };
}

describe('newsvault migrate', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  test('SQLite → PostgreSQL → SQLite keeps every article and revision; the counts are printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-migrate-'));
    const file = join(dir, 'nv.sqlite');
    const sqlite = SqliteStore.open(file);
    await fill(sqlite);
    const expected = await contents(sqlite);
    await sqlite.close();

    const url = await cluster.createDatabase();
    const io = captureIo(dir);
    const config = configFromValue({ output: join(dir, 'archive'), database: file }, null, dir);
    assert.equal(await migrateCommand(config, { to: url }, io), 0, io.err.join(''));
    assert.match(io.out.join(''), /copied \d+ rows in 12 tables from .*nv\.sqlite to postgresql:\/\/newsvault@127\.0\.0\.1:\d+\/nv_test_\d+; row counts and SHA-256 agree/);
    assert.match(io.err.join(''), /migrate: articles: 2 rows, sha256 [0-9a-f]{16}\n/);
    assert.match(io.err.join(''), /migrate: revisions: 3 rows, /);
    const pg = await PostgresStore.open(url);
    try {
      assert.deepEqual(await contents(pg), expected);
    } finally {
      await pg.close();
    }

    // Back again, through the command line, from a config that names the PostgreSQL database; the file is relative to the working folder.
    writeFileSync(join(dir, 'newsvault.config.json'), JSON.stringify({ output: 'archive', database: 'nv.sqlite' }));
    const back = { ...captureIo(dir), env: { NEWSVAULT_DATABASE_URL: url } };
    assert.equal(await main(['migrate', '--to', 'back.sqlite'], back), 0, back.err.join(''));
    const copy = SqliteStore.open(join(dir, 'back.sqlite'));
    try {
      assert.deepEqual(await contents(copy), expected);
    } finally {
      await copy.close();
    }
  });

  test('a target that is not empty, unreachable or not a store is refused with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-migrate-'));
    const file = join(dir, 'nv.sqlite');
    const sqlite = SqliteStore.open(file);
    await fill(sqlite);
    await sqlite.close();
    const config = configFromValue({ output: join(dir, 'archive'), database: file }, null, dir);
    const url = await cluster.createDatabase();
    assert.equal(await migrateCommand(config, { to: url }, captureIo(dir)), 0);

    const again = captureIo(dir);
    assert.equal(await migrateCommand(config, { to: url }, again), 2);
    assert.match(again.err.join(''), /is not empty \(sources has 2 rows\); copy into a new, empty database/);

    // Back into the file it came from: not empty either.
    const pgConfig = configFromValue({ output: join(dir, 'archive'), database: url }, null, dir);
    const into = captureIo(dir);
    assert.equal(await migrateCommand(pgConfig, { to: 'nv.sqlite' }, into), 2);
    assert.match(into.err.join(''), /nv\.sqlite is not empty/);

    const port = Number(new URL(cluster.url).port);
    const unreachable = captureIo(dir);
    assert.equal(await migrateCommand(config, { to: `postgresql://newsvault:secret@127.0.0.1:${port}/no_such_db` }, unreachable), 2);
    assert.match(unreachable.err.join(''), /cannot connect to postgresql:\/\/newsvault:\*\*\*@127\.0\.0\.1:\d+\/no_such_db/);
    assert.doesNotMatch(unreachable.err.join(''), /secret/);

    for (const to of ['ftp://example.com/x', '', file]) {
      const bad = captureIo(dir);
      assert.equal(await migrateCommand(config, { to }, bad), 2, to);
      assert.match(bad.err.join(''), /migrate: --to (must be|names the configured store)/);
    }
    const same = captureIo(dir);
    assert.equal(await migrateCommand(config, { to: 'other.sqlite' }, same), 2);
    assert.match(same.err.join(''), /both SQLite/);
  });
});
