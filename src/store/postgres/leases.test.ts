// Source leases: one holder at a time, at most once per cycle, a lost holder's lease expires; and two processes'
// cycles running at once against one database store every item once, with gapless numbers per source.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FIRST_ARTICLE_NUMBER, type NewArticle } from '../types.ts';
import { PostgresStore } from './store.ts';
import { startPostgresCluster, type PostgresCluster } from './test-support.ts';

function item(sourceId: string, n: number): NewArticle {
  return {
    sourceId,
    key: `guid:${sourceId}-${n}`,
    url: `https://example.com/${sourceId}/${n}.html`,
    title: `${sourceId} ${n}`,
    author: null,
    publishedMs: 1_700_000_000_000 + n * 60_000,
    content: `<p>${n}</p>`,
    sha256: 'a'.repeat(64),
    fingerprint: 'f'.repeat(64),
    seenMs: 1_700_000_000_000,
    seenWhere: 'feed',
  };
}

describe('PostgresLeases', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  test('one holder at a time; a finished source is not claimed again in a cycle that began before it finished', async () => {
    const store = await PostgresStore.open(await cluster.createDatabase());
    try {
      await store.syncSources([{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }]);
      const { leases } = store;
      const cycle = await leases.cycleStart();
      assert.equal(await leases.claim('voa', 'a', cycle, 60_000), true);
      assert.equal(await leases.claim('voa', 'b', cycle, 60_000), false, 'held by a');
      assert.equal(await leases.claim('voa', 'a', cycle, 60_000), true, 'a holds it already');
      await leases.release('voa', 'b'); // not b's: nothing happens
      assert.equal(await leases.claim('voa', 'b', cycle, 60_000), false);
      await leases.release('voa', 'a');
      assert.equal(await leases.claim('voa', 'b', cycle, 60_000), false, 'fetched in this round already');
      assert.equal(await leases.claim('voa', 'a', cycle, 60_000), false, 'not twice in one cycle, by anyone');
      const next = await leases.cycleStart();
      assert.ok(next >= cycle);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const later = await leases.cycleStart();
      assert.equal(await leases.claim('voa', 'b', later, 60_000), true, 'a later cycle fetches it again');
      // b dies holding it; its lease expires and a claims it.
      assert.equal(await leases.claim('voa', 'a', later, 60_000), false);
      await store.leases.claim('voa', 'b', later, 1); // shortens b's lease to 1 ms
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(await leases.claim('voa', 'a', later, 60_000), true, 'an expired lease is taken over');
    } finally {
      await store.close();
    }
  });

  test('two cycles at once against one database: each source fetched by one of them, every item stored once, numbers gapless', async () => {
    const url = await cluster.createDatabase();
    const SOURCES = Array.from({ length: 24 }, (_, i) => ({ id: `s${String(i).padStart(2, '0')}`, name: `源${i}`, url: `https://example.com/${i}/feed` }));
    const ITEMS = 12;
    const processes = await Promise.all([PostgresStore.open(url, { max: 4 }), PostgresStore.open(url, { max: 4 })]);
    try {
      // As `runCycle` does with leases: sync, then workers that claim each source before fetching and storing it.
      // Both cycles have begun before either fetches: they overlap, so between them each source is fetched once.
      const cycle = async (store: PostgresStore, holder: string, started: number) => {
        const fetched: string[] = [];
        let next = 0;
        const worker = async () => {
          while (next < SOURCES.length) {
            const source = SOURCES[next++]!;
            if (!(await store.leases.claim(source.id, holder, started, 600_000))) continue;
            try {
              fetched.push(source.id);
              for (let n = 0; n < ITEMS; n++) {
                if ((await store.findArticleByKey(source.id, item(source.id, n).key)) !== null) continue;
                await store.writeArchive([{ kind: 'article', article: item(source.id, n) }]);
              }
            } finally {
              await store.leases.release(source.id, holder);
            }
          }
        };
        await Promise.all(Array.from({ length: 4 }, worker));
        return fetched;
      };
      await Promise.all(processes.map((p) => p.syncSources(SOURCES)));
      const round = async () => {
        const starts = await Promise.all(processes.map((p) => p.leases.cycleStart()));
        return Promise.all([cycle(processes[0]!, 'machine-a', starts[0]!), cycle(processes[1]!, 'machine-b', starts[1]!)]);
      };
      const [first, second] = await round();
      assert.deepEqual([...first, ...second].sort(), SOURCES.map((s) => s.id), 'every source fetched exactly once between them');

      const store = processes[0]!;
      assert.equal(await store.countArticles(), SOURCES.length * ITEMS);
      for (const source of SOURCES) {
        const numbers = (await store.listSourceSlice(source.id, 0, 100)).map((a) => a.number).sort((a, b) => b - a);
        assert.deepEqual(numbers, Array.from({ length: ITEMS }, (_, i) => FIRST_ARTICLE_NUMBER - i), source.id);
      }

      // The next cycle of both, again at once: every source is fetched again by one of them, and nothing new is stored.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const [third, fourth] = await round();
      assert.deepEqual([...third, ...fourth].sort(), SOURCES.map((s) => s.id));
      assert.equal(await store.countArticles(), SOURCES.length * ITEMS);
    } finally {
      await Promise.all(processes.map((p) => p.close()));
    }
  });

  test('numbers stay unique and gapless when two processes insert into one source at once', async () => {
    const url = await cluster.createDatabase();
    const processes = await Promise.all([PostgresStore.open(url, { max: 4 }), PostgresStore.open(url, { max: 4 })]);
    try {
      await processes[0]!.syncSources([{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }]);
      await Promise.all(
        Array.from({ length: 40 }, (_, n) => processes[n % 2]!.insertArticle(item('voa', n))),
      );
      const numbers = (await processes[1]!.listSourceSlice('voa', 0, 100)).map((a) => a.number).sort((a, b) => b - a);
      assert.deepEqual(numbers, Array.from({ length: 40 }, (_, i) => FIRST_ARTICLE_NUMBER - i));
    } finally {
      await Promise.all(processes.map((p) => p.close()));
    }
  });
});
