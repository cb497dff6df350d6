// openStore picks the engine from the configured database: a SQLite file or a postgresql:// URL, each with its
// search index, answering the same; a server that cannot be reached is StoreError 'connect'.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { documentOf } from '../search/document.ts';
import { SearchError } from '../search/types.ts';
import { StoreError } from './error.ts';
import { openStore, type OpenedStore } from './open-store.ts';
import { startPostgresCluster, type PostgresCluster } from './postgres/test-support.ts';

async function exercise(opened: OpenedStore): Promise<unknown> {
  const { store, search } = opened;
  assert.deepEqual(await search.prepare(), { needsReindex: true });
  await store.syncSources([{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }]);
  const base = { sourceId: 'voa', author: null, sha256: 'a'.repeat(64), fingerprint: 'f'.repeat(64), seenWhere: 'feed' as const, seenMs: 1_700_000_000_000 };
  const a = await store.insertArticle({ ...base, key: 'guid:1', url: 'https://www.voachinese.com/a/1.html', title: '習近平會見布林肯', publishedMs: 1_679_431_144_000, content: '<p>北京消息</p>' });
  const b = await store.insertArticle({ ...base, key: 'guid:2', url: 'https://www.voachinese.com/a/2.html', title: '台风', publishedMs: 1_679_431_145_000, content: '<p>香港</p>' });
  assert.equal(await search.index([documentOf(a), documentOf(b)]), 2);
  assert.equal(await search.index([documentOf(a)]), 0);
  assert.equal(await search.count(), 2);
  const found = await search.search('习近平');
  assert.ok(!(found instanceof SearchError));
  assert.ok((await search.search('港')) instanceof SearchError);
  assert.equal(await search.setStatus(a.id, 'removed'), true);
  const removed = await search.search('status:removed');
  assert.ok(!(removed instanceof SearchError));
  async function* docs() {
    for (const article of await store.listArticlesAfter(0, 10)) yield documentOf(article);
  }
  assert.equal(await search.reindexAll(docs(), { batchSize: 1 }), 2);
  const again = await search.search('台風');
  assert.ok(!(again instanceof SearchError));
  return {
    found: found.hits.map((hit) => [hit.id, hit.title, hit.titleHtml]),
    removed: removed.hits.map((hit) => hit.id),
    again: again.hits.map((hit) => hit.title),
    count: await search.count(),
  };
}

describe('openStore', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  test('a SQLite file and a PostgreSQL URL each open a store with its search index, and both answer alike', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nv-open-')), 'nv.sqlite');
    const sqlite = await openStore({ database: file });
    const postgres = await openStore({ database: await cluster.createDatabase() });
    try {
      assert.equal(sqlite.engine, 'sqlite');
      assert.equal(postgres.engine, 'postgresql');
      const expected = await exercise(sqlite);
      assert.deepEqual(expected, { found: [[1, '習近平會見布林肯', '<mark>習近平</mark>會見布林肯']], removed: [1], again: ['台风'], count: 2 });
      assert.deepEqual(await exercise(postgres), expected);
    } finally {
      await sqlite.store.close();
      await postgres.store.close();
    }
  });

  test('a server that cannot be reached is StoreError connect', async () => {
    // A port nothing listens on: taken and released.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    await assert.rejects(openStore({ database: `postgresql://nv:pw@127.0.0.1:${port}/nv` }), (error: unknown) => error instanceof StoreError && error.kind === 'connect' && !error.message.includes('pw'));
  });
});
