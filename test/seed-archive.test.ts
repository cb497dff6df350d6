// The seed articles: newsvault must reproduce what the old archive wrote, byte for byte, whichever engine holds
// the store (a SQLite file, or a database on a throwaway PostgreSQL cluster).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { openStore } from '../src/store/open-store.ts';
import { startPostgresCluster, type PostgresCluster } from '../src/store/postgres/test-support.ts';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

const fixtures = new URL('./fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures));

let cluster: PostgresCluster | null = null;
after(async () => {
  await cluster?.stop();
});
const ENGINES: { name: string; database: () => Promise<Record<string, string>> }[] = [
  { name: 'SQLite', database: async () => ({}) },
  { name: 'PostgreSQL', database: async () => ({ database: await (cluster ??= await startPostgresCluster()).createDatabase() }) },
];

for (const engine of ENGINES) describe(`seed archive (${engine.name})`, () => {
  let server: FeedServer;
  let archive: TestArchive;

  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', serveBody(read('seed-feeds/voa.xml'), 'application/rss+xml; charset=utf-8', '"voa-1"'));
    server.routes.set('/rfi.xml', serveBody(read('seed-feeds/rfi.xml'), 'application/rss+xml; charset=utf-8', '"rfi-1"'));
    archive = await createTestArchive([
      { id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` },
      { id: 'rfi', name: '法广', url: `${server.url}/rfi.xml` },
    ], await engine.database());
  });
  after(() => server.close());

  test('the first run writes both seed articles byte for byte', async () => {
    const result = await archive.run();
    assert.equal(result.exitCode, 0, JSON.stringify(result.sources.map((s) => s.error)));
    assert.deepEqual(
      readFileSync(join(archive.output, 'articles/voa/1048574.md')),
      read('seeds/000_050e39a74adabfee.txt'),
    );
    assert.deepEqual(
      readFileSync(join(archive.output, 'articles/rfi/1048574.md')),
      read('seeds/002_e9119868c7a8961d.txt'),
    );
  });

  test('each source list holds its line, dated in UTC+8', () => {
    const voa = readFileSync(join(archive.output, 'lists/美国之音.md'), 'utf8');
    assert.equal(
      voa,
      '美国之音\n------\n\n3-22 [中俄元首呼吁重启乌克兰和谈,普京称西方没准备好；美回应：如俄撤军，战争今天就可结束](/articles/voa/1048574.md)\n\n',
    );
    const rfi = readFileSync(join(archive.output, 'lists/法广.md'), 'utf8');
    assert.match(rfi, /^法广\n------\n\n3-22 \[习近平结束访俄，北京与莫斯科建立针对西方的&quot;特殊&quot;关系\]\(\/articles\/rfi\/1048574\.md\)\n\n$/);
    const readme = readFileSync(join(archive.output, 'README.md'), 'utf8');
    assert.match(readme, /\[美国之音\]\(\/lists\/%E7%BE%8E%E5%9B%BD%E4%B9%8B%E9%9F%B3\.md\)/);
  });

  test('the cycle indexed both articles for search, traditional query included', async () => {
    const { store, search } = await openStore(archive.config, { readonly: true });
    try {
      const hits = async (query: string) => {
        const result = await search.search(query);
        if ('kind' in result) throw new Error(result.message);
        return result.hits.map((hit) => hit.source).sort();
      };
      assert.deepEqual(await hits('普京'), ['rfi', 'voa']);
      assert.deepEqual(await hits('習近平 source:rfi'), ['rfi']);
      assert.deepEqual(await hits('克里姆林宫 -特殊'), ['voa']);
    } finally {
      await store.close();
    }
  });

  test('the run made one commit saying what changed, and pushed it', async () => {
    assert.deepEqual(await archive.commits(), ['archive: 2 new articles (voa 1, rfi 1)']);
    const remoteLog = await git(archive.remote, ['log', '--all', '--format=%s']);
    assert.equal(remoteLog.stdout.trim(), 'archive: 2 new articles (voa 1, rfi 1)');
  });

  test('a second run sends conditional requests, writes nothing and makes no commit', async () => {
    const before = server.requests.length;
    const result = await archive.run(new Date('2024-01-01T01:00:00Z'));
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.sources.map((s) => s.outcome), ['not-modified', 'not-modified']);
    assert.deepEqual(result.filesWritten, []);
    assert.equal(result.commit?.committed, false);
    assert.deepEqual(await archive.commits(), ['archive: 2 new articles (voa 1, rfi 1)']);
    const conditional = server.requests.slice(before);
    assert.deepEqual(conditional.map((r) => r.headers['if-none-match']).sort(), ['"rfi-1"', '"voa-1"']);
  });

  test('a feed that gains one back-dated item adds exactly one file and one commit', async () => {
    const voa = read('seed-feeds/voa.xml').toString('utf8');
    const older = `<item><title>更早的一篇</title><link>https://www.voachinese.com/a/older/1.html</link>
<guid isPermaLink="false">voa-1600000000000</guid><pubDate>Sun, 13 Sep 2020 12:26:40 GMT</pubDate>
<description><![CDATA[<p>早于一切已存档文章的内容。</p>]]></description></item>`;
    server.routes.set('/voa.xml', serveBody(voa.replace('</channel>', `${older}\n</channel>`), undefined, '"voa-2"'));
    const result = await archive.run(new Date('2024-01-01T02:00:00Z'));
    assert.equal(result.exitCode, 0);
    assert.equal(result.sources.find((s) => s.sourceId === 'voa')?.newCount, 1);
    assert.deepEqual(readdirSync(join(archive.output, 'articles/voa')).sort(), ['1048573.md', '1048574.md']);
    const added = readFileSync(join(archive.output, 'articles/voa/1048573.md'), 'utf8');
    assert.equal(
      added,
      '<!--1600000000000-->\n[更早的一篇](https://www.voachinese.com/a/older/1.html)\n------\n\n<p>早于一切已存档文章的内容。</p>\n',
    );
    const commits = await archive.commits();
    assert.equal(commits.length, 2);
    assert.equal(commits[0], 'archive: 1 new article (voa 1)');
    // The seed file was not rewritten.
    assert.deepEqual(readFileSync(join(archive.output, 'articles/voa/1048574.md')), read('seeds/000_050e39a74adabfee.txt'));
  });
});
