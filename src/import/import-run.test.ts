// Importing an archive and running again over the same feeds adds nothing: no article, no revision, no
// rewritten file but the one the archival cleaner changed on import. The feeds are built from the real archive files, with the differences that do not
// matter (a rotated feedx footer, a renamed image proxy) and GUIDs that differ from the imported keys.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SqliteStore } from '../store/index.ts';
import { createTestArchive, type TestArchive } from '../../test/support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from '../../test/support/feed-server.ts';
import { parseArticleFile } from '../archive-format/article-file.ts';

const testdata = new URL('./testdata/duty-machine/', import.meta.url).pathname;
const FEEDS = ['BBC', 'dw', 'voa'] as const;

/** What a feed would have said about the archived files of one source, with harmless differences. */
function feedFor(sourceId: string): string {
  const folder = join(testdata, 'articles', sourceId);
  const items = readdirSync(folder).map((name, index) => {
    const file = parseArticleFile(readFileSync(join(folder, name), 'utf8'), name);
    const html = file.html
      .replace(/feedx\.(site|xyz)/g, (_all, host: string) => `feedx.${host === 'site' ? 'xyz' : 'site'}`)
      .replace(/https:\/\/images\.weserv\.nl\/?\?url=/g, 'https://wsrv.nl/?url=');
    return `<item><title><![CDATA[${file.title}]]></title><link>${file.url}</link>
<guid isPermaLink="false">feedx-${sourceId}-${index}</guid><pubDate>${new Date(file.publishedMs!).toUTCString()}</pubDate>
<description><![CDATA[${html}]]></description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${sourceId}</title>
${items.join('\n')}</channel></rss>`;
}

function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const sourceId of readdirSync(join(dir, 'articles'))) {
    for (const name of readdirSync(join(dir, 'articles', sourceId))) {
      files.set(`${sourceId}/${name}`, readFileSync(join(dir, 'articles', sourceId, name)));
    }
  }
  return files;
}

describe('import, then run over the same feeds', () => {
  let server: FeedServer;
  let archive: TestArchive;
  before(async () => {
    server = await startFeedServer();
    for (const id of FEEDS) server.routes.set(`/${id}.xml`, serveBody(feedFor(id)));
    archive = await createTestArchive(
      FEEDS.map((id) => ({ id, name: id, url: `${server.url}/${id}.xml`, fulltext: 'feed' })),
      { recheck: { perRun: 0 }, git: { commit: false, push: false } },
    );
    cpSync(join(testdata, 'articles'), join(archive.output, 'articles'), { recursive: true });
  });
  after(() => server.close());

  test('a store rebuilt from the archive sees every feed item as already archived', async () => {
    const before = snapshot(archive.output);
    const result = await archive.run(new Date('2025-03-01T00:00:00Z'));
    assert.equal(result.exitCode, 0, JSON.stringify([result.errors, result.sources.map((s) => s.error)]));
    assert.equal(result.imported, 19);
    for (const source of result.sources) {
      assert.deepEqual(
        [source.sourceId, source.newCount, source.changedCount, source.unchangedCount],
        [source.sourceId, 0, 0, readdirSync(join(testdata, 'articles', source.sourceId)).length],
        JSON.stringify(source.warnings),
      );
    }
    const store = SqliteStore.open(archive.database);
    try {
      assert.equal(await store.countArticles(), 19);
      assert.ok((await store.listLatestAll(100)).every((article) => article.revisionCount === 1));
    } finally {
      await store.close();
    }
    // Every file as it was, except the one whose HTML the archival cleaner changed on import: it is
    // rewritten with what the store holds (BBC/1047443 without BBC's player <iframe>).
    const after = snapshot(archive.output);
    const cut = 'BBC/1047443.md';
    const iframe = /<iframe [^>]*><\/iframe>/;
    assert.match(before.get(cut)!.toString('utf8'), iframe);
    assert.equal(after.get(cut)!.toString('utf8'), before.get(cut)!.toString('utf8').replace(iframe, ''));
    before.delete(cut);
    after.delete(cut);
    assert.deepEqual(after, before);
  });

  test('and a second run over the same feeds still adds nothing', async () => {
    const result = await archive.run(new Date('2025-03-01T01:00:00Z'));
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.sources.map((s) => s.newCount + s.changedCount), [0, 0, 0]);
    assert.equal(result.imported, 0);
  });
});
