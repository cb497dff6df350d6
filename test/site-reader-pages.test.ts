// The static site and the reader render from one set of pages: for the same archive, an article's body,
// its revision history with the diffs, and the removed and changed lists are the same markup on both,
// apart from where the links point (relative files on the site, routes in the reader); on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { publishSite, sitePaths } from '../src/publish/site/index.ts';
import { createReaderApp } from '../src/serve/index.ts';
import { createSampleArchive, SOURCES, type SampleArchive } from '../src/serve/testdata/sample-archive.ts';
import { startPostgresCluster, type PostgresCluster } from '../src/store/postgres/test-support.ts';

/** The markup between the first `open` and its `close`, with every href emptied. */
function part(page: string, open: string, close: string): string {
  const start = page.indexOf(open);
  assert.ok(start >= 0, `${open} is on the page`);
  const end = page.indexOf(close, start);
  assert.ok(end > start, `${close} follows ${open}`);
  return page.slice(start, end + close.length).replace(/ href="[^"]*"/g, ' href=""');
}

let cluster: PostgresCluster | null = null;
after(async () => {
  await cluster?.stop();
});
const ENGINES: { name: string; database: () => Promise<string | undefined> }[] = [
  { name: 'SQLite', database: async () => undefined },
  { name: 'PostgreSQL', database: async () => (cluster ??= await startPostgresCluster()).createDatabase() },
];

for (const engine of ENGINES) describe(`site and reader pages (${engine.name})`, () => {
  let archive: SampleArchive;
  let siteDir: string;
  let app: ReturnType<typeof createReaderApp>;
  const site = (path: string): string => readFileSync(join(siteDir, path), 'utf8');
  const reader = async (path: string): Promise<string> => {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  before(async () => {
    archive = await createSampleArchive({ database: await engine.database() });
    siteDir = join(archive.dir, 'site');
    await publishSite({
      store: archive.store,
      dir: siteDir,
      siteTitle: 'newsvault 新闻存档',
      // The reader knows no source's script (the store keeps none): the site is given none either.
      sources: SOURCES.map((source) => ({ id: source.id, name: source.name, language: null })),
      pageSize: 50,
      atomEntries: 10,
    });
    app = createReaderApp({ store: archive.store, search: archive.search, now: () => new Date(Date.UTC(2024, 2, 21)) });
  });
  after(() => archive.close());

  test('an article with a revision: the same body, history and diff', async () => {
    const article = (await archive.store.getArticle(archive.ids.meeting))!;
    const onSite = site(sitePaths.article(article.sourceId, article.number));
    const inReader = await reader(`/articles/${article.id}`);
    for (const [open, close] of [
      ['<article>', '</article>'],
      ['<section class="history"', '</section>'],
    ] as const) {
      assert.equal(part(inReader, open, close), part(onSite, open, close));
    }
    // The part compared holds the diff and the title change, not just boilerplate.
    assert.match(part(onSite, '<section class="history"', '</section>'), /<ins>，会谈持续两小时<\/ins>/);
    assert.match(part(onSite, '<section class="history"', '</section>'), /标题：<del lang="zh">习近平会见布林肯<\/del>/);
  });

  test('a removed article and one with hostile HTML: the same notice and the same cleaned body', async () => {
    for (const id of [archive.ids.removed, archive.ids.hostile, archive.ids.traditional]) {
      const article = (await archive.store.getArticle(id))!;
      const onSite = site(sitePaths.article(article.sourceId, article.number));
      const inReader = await reader(`/articles/${id}`);
      assert.equal(part(inReader, '<article>', '</article>'), part(onSite, '<article>', '</article>'), article.title);
    }
  });

  test('the removed and changed lists: the same lines', async () => {
    for (const [file, route] of [
      [sitePaths.removed, '/removed'],
      [sitePaths.changed, '/changed'],
    ] as const) {
      const lines = part(site(file), '<ul class="articles">', '</ul>');
      assert.equal(part(await reader(route), '<ul class="articles">', '</ul>'), lines, route);
      assert.match(lines, /<li><time datetime=/);
    }
  });

  test('only the links differ: relative files on the site, routes in the reader', async () => {
    const article = (await archive.store.getArticle(archive.ids.meeting))!;
    const onSite = site(sitePaths.article(article.sourceId, article.number));
    const inReader = await reader(`/articles/${article.id}`);
    assert.match(onSite, /<a href="\.\.\/\.\.\/sources\/voa\/index\.html">美国之音<\/a>/);
    assert.match(inReader, /<a href="\/sources\/voa">美国之音<\/a>/);
    for (const [, href] of onSite.matchAll(/ href="([^"]*)"/g)) assert.ok(!href!.startsWith('/'), `site link ${href} is relative`);
  });
});
