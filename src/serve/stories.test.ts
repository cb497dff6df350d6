// The reader's stories over real HTTP on 127.0.0.1 and a real store opened read-only (as `newsvault serve` opens
// it), a SQLite file and a database on a throwaway PostgreSQL cluster: the JSON API returns the day's groups, the
// HTML pages show them, and a report stored while the reader runs joins its story on the next request.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../store/index.ts';
import { openStore, type OpenedStore } from '../store/open-store.ts';
import { startPostgresCluster, type PostgresCluster } from '../store/postgres/test-support.ts';
import { RFI, SOURCES, storeFixture, THIRD, UNRELATED, VOA } from '../stories/test-support.ts';
import { startReader, type RunningReader } from './server.ts';

let cluster: PostgresCluster | null = null;
after(async () => {
  await cluster?.stop();
});
const ENGINES: { name: string; database: () => Promise<string> }[] = [
  { name: 'SQLite', database: async () => join(mkdtempSync(join(tmpdir(), 'nv-stories-reader-')), 'db.sqlite') },
  { name: 'PostgreSQL', database: async () => (cluster ??= await startPostgresCluster()).createDatabase() },
];

interface StoriesJson {
  day: string;
  stories: { articles: { id: number; source: string; sourceName: string; title: string; publishedMs: number }[] }[];
}

for (const engine of ENGINES) describe(`reader stories (${engine.name})`, () => {
  let writer: Store;
  let reader: OpenedStore;
  let running: RunningReader;
  const ids: Record<string, number> = {};

  before(async () => {
    const database = await engine.database();
    writer = (await openStore({ database })).store;
    await writer.syncSources(SOURCES);
    ids.voa = (await storeFixture(writer, VOA, 'voa-1')).id;
    ids.rfi = (await storeFixture(writer, RFI, 'rfi-1')).id;
    ids.dw = (await storeFixture(writer, UNRELATED, 'dw-1')).id;
    reader = await openStore({ database }, { readonly: true });
    running = await startReader({ store: reader.store, search: reader.search, port: 0 });
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  after(async () => {
    await running.close();
    await reader.store.close();
    await writer.close();
  });

  const getJson = async (path: string): Promise<{ status: number; body: StoriesJson }> => {
    const res = await fetch(`${running.url}${path}`);
    return { status: res.status, body: (await res.json()) as StoriesJson };
  };
  const getHtml = async (path: string): Promise<string> => {
    const res = await fetch(`${running.url}${path}`);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  test('GET /api/stories/:day returns the day’s stories, each oldest first, without unrelated articles', async () => {
    const { status, body } = await getJson('/api/stories/2023-03-22');
    assert.equal(status, 200);
    assert.equal(body.day, '2023-03-22');
    assert.deepEqual(body.stories.map((story) => story.articles.map((a) => a.id)), [[ids.voa, ids.rfi]]);
    const [voa, rfi] = body.stories[0]!.articles;
    assert.deepEqual([voa!.source, voa!.sourceName, rfi!.source, rfi!.sourceName], ['voa', '美国之音', 'rfi', '法广']);
    assert.equal(rfi!.title, RFI.title);
    assert.deepEqual((await getJson('/api/stories/2023-03-26')).body.stories, []);
  });

  test('a bad day is a 400 with a kind', async () => {
    const res = await fetch(`${running.url}/api/stories/2023-02-30`);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { kind: string; parameter: string } };
    assert.equal(body.error.parameter, 'day');
  });

  test('the article page lists the other outlets’ reports; the stories page lists the story', async () => {
    const voaPage = await getHtml(`/articles/${ids.voa}`);
    const coverage = /<section class="coverage"[\s\S]*?<\/section>/.exec(voaPage)?.[0];
    assert.ok(coverage, 'no coverage section on the VOA page');
    assert.ok(coverage.includes(`href="/articles/${ids.rfi}"`), coverage);
    assert.ok(coverage.includes('href="/stories/2023-03-22"'));
    assert.ok(!(await getHtml(`/articles/${ids.dw}`)).includes('class="coverage"'));
    const stories = await getHtml('/stories/2023-03-22');
    assert.ok(stories.includes(`href="/articles/${ids.voa}"`) && stories.includes(`href="/articles/${ids.rfi}"`));
    assert.ok(!stories.includes(`href="/articles/${ids.dw}"`));
    assert.ok((await getHtml('/days/2023-03-22')).includes('href="/stories/2023-03-22"'));
  });

  test('a report stored while the reader runs joins its story', async () => {
    const hk = (await storeFixture(writer, THIRD, 'hk-1')).id;
    const { body } = await getJson('/api/stories/2023-03-22');
    assert.deepEqual(body.stories.map((story) => story.articles.map((a) => a.id)), [[ids.voa, hk, ids.rfi]]);
    assert.ok((await getHtml(`/articles/${ids.rfi}`)).includes(`href="/articles/${hk}"`));
  });
});
