// Issue 5, end to end: a loopback outlet edits one article and deletes another. The edit makes exactly one
// new revision and one commit; the deletion, once the evidence is consistent, is marked in the source list
// and in lists/removed.md; the article coming back is marked restored. Real HTTP, SQLite, git.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CliIo } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { git } from '../src/git/exec.ts';
import { diffRevisions } from '../src/revision/index.ts';
import { SqliteStore } from '../src/store/index.ts';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

const T0 = Date.parse('2024-03-01T00:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000);

const A = { path: '/news/2024/a.html', title: '港府宣布新一轮防疫措施', guid: 'lb-a' };
const B = { path: '/news/2024/b.html', title: '记者在新疆采访时遭到拘留', guid: 'lb-b' };
const textA1 = '<p>香港特区政府周五宣布新一轮防疫措施，餐厅晚市堂食将延长至晚上十时。</p><p>措施下周一生效。</p>';
const textA2 = '<p>香港特区政府周五宣布新一轮防疫措施，餐厅晚市堂食将延长至晚上十一时。</p><p>措施下周一生效。</p>';
const textB = '<p>一名外国记者周四在新疆喀什采访时遭到当地警方拘留，数小时后获释。</p><img src="https://images.weserv.nl/?url=img.example/b.jpg">';
const footer = (host: string) =>
  `<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> <br><a href="https://${host}" style="color:orange" target="_blank">https://${host}</a><br></div>`;

function feed(base: string, items: { path: string; title: string; guid: string; html: string }[]): string {
  const entries = items.map(
    (item) => `<item><title>${item.title}</title><link>${base}${item.path}</link><guid isPermaLink="false">${item.guid}</guid>
<pubDate>Thu, 29 Feb 2024 23:30:00 GMT</pubDate><description><![CDATA[${item.html}]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>环回新闻</title><link>${base}/</link>
${entries.join('\n')}
</channel></rss>`;
}

const page = (title: string, html: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} - 环回新闻</title></head><body><h1>${title}</h1>${html}</body></html>`;

describe('revisions and deletions', () => {
  let server: FeedServer;
  let archive: TestArchive;
  let base: string;
  const list = () => readFileSync(join(archive.output, 'lists/环回新闻.md'), 'utf8');
  const withStore = async <T>(fn: (store: SqliteStore) => T | Promise<T>): Promise<T> => {
    const store = SqliteStore.open(archive.database);
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };
  const article = async (path: string) => await withStore(async (store) => (await store.findArticleByUrl('lb', `${base}${path}`))!);

  before(async () => {
    server = await startFeedServer();
    base = server.url;
    server.routes.set('/feed.xml', serveBody(feed(base, [{ ...A, html: textA1 + footer('feedx.xyz') }, { ...B, html: textB + footer('feedx.xyz') }]), undefined, '"v1"'));
    server.routes.set(A.path, serveBody(page(A.title, textA1), 'text/html; charset=utf-8'));
    server.routes.set(B.path, serveBody(page(B.title, textB), 'text/html; charset=utf-8'));
    // A full-text feed (like feedx.net's): an edit arrives in the feed itself.
    archive = await createTestArchive([{ id: 'lb', name: '环回新闻', url: `${base}/feed.xml`, fulltext: 'feed' }], { recheck: { perRun: 10 } });
  });
  after(() => server.close());

  test('the first run archives both articles in one commit', async () => {
    const result = await archive.run(at(0));
    assert.equal(result.exitCode, 0, JSON.stringify(result.errors));
    assert.equal(result.sources[0]?.newCount, 2);
    assert.deepEqual(await archive.commits(), ['archive: 2 new articles (lb 2)']);
    assert.ok(!existsSync(join(archive.output, 'lists/removed.md')));
  });

  test('an edit makes exactly one revision and one commit; a rotated footer, whitespace and proxy host make none', async () => {
    // Noise: a line break between Chinese characters and between tags, a renamed image proxy, a rotated footer.
    const bNoise = textB.replace('数小时后', '数小时\n后').replace('</p><img', '</p>\n  <img').replace('images.weserv.nl/?url=img.example', 'wsrv.nl/?url=https%3A%2F%2Fimg.example') + footer('feedx.site');
    server.routes.set('/feed.xml', serveBody(feed(base, [{ ...A, html: textA2 + footer('feedx.site') }, { ...B, html: bNoise }]), undefined, '"v2"'));
    server.routes.set(A.path, serveBody(page(A.title, textA2), 'text/html; charset=utf-8'));
    const result = await archive.run(at(1));
    assert.equal(result.exitCode, 0, JSON.stringify(result.errors));
    assert.equal(result.sources[0]?.changedCount, 1);
    assert.equal(result.sources[0]?.unchangedCount, 1);

    const commits = await archive.commits();
    assert.deepEqual(commits, ['archive: 1 changed article (lb 1)', 'archive: 2 new articles (lb 2)']);
    // In the Markdown archive only the edited article's file changed (the site and fetch state have their own files).
    const changed = (await git(archive.output, ['show', '--name-only', '--format=', 'HEAD'])).stdout.trim().split('\n');
    const markdown = changed.filter((path) => !path.startsWith('site/') && !path.startsWith('.newsvault/'));
    assert.deepEqual(markdown, [`articles/lb/${(await article(A.path)).number}.md`]);

    const { revisions, bRevisions, checks } = await withStore(async (store) => ({
      revisions: await store.listRevisions((await article(A.path)).id),
      bRevisions: await store.listRevisions((await article(B.path)).id),
      checks: await store.listChecks((await article(A.path)).id),
    }));
    assert.equal(revisions.length, 2);
    assert.equal(bRevisions.length, 1);
    assert.deepEqual(revisions.map((r) => [r.seq, r.seenMs, r.seenWhere]), [[1, T0, 'feed'], [2, at(1).getTime(), 'feed']]);
    // The Markdown file shows the latest revision; the store keeps both, and the diff is one character.
    assert.match(readFileSync(join(archive.output, `articles/lb/${(await article(A.path)).number}.md`), 'utf8'), /晚上十一时/);
    assert.deepEqual(
      diffRevisions(revisions[0]!.content, revisions[1]!.content).filter((part) => part.kind !== 'equal'),
      [{ kind: 'insert', text: '一' }],
    );
    // The run re-checked both young articles (due one hour after first sight) and found them alive.
    assert.deepEqual(checks.map((c) => [c.outcome, c.httpStatus]), [['alive', 200]]);
  });

  test('a deletion is only suspected at first: no mark, no commit', async () => {
    // The page answers 404 now. The feed is left as it was (answering 304), so the only news is the deletion.
    server.routes.delete(B.path);
    const commitsBefore = await archive.commits();
    for (const hour of [2, 3]) {
      const result = await archive.run(at(hour));
      assert.equal(result.exitCode, 0, JSON.stringify(result.errors));
    }
    const b = await article(B.path);
    assert.equal(b.status, 'live');
    assert.deepEqual(await withStore(async (store) => (await store.listChecks(b.id)).map((c) => [c.outcome, c.httpStatus])), [
      ['gone', 404],
      ['gone', 404],
      ['alive', 200],
    ]);
    assert.doesNotMatch(list(), /已删除/);
    assert.deepEqual(await archive.commits(), commitsBefore);
  });

  test('consistent evidence hours apart marks it removed: source list, lists/removed.md, README, commit', async () => {
    const result = await archive.run(at(5));
    assert.equal(result.exitCode, 0, JSON.stringify(result.errors));
    const b = await article(B.path);
    assert.equal(b.status, 'removed');
    assert.equal(b.statusChangedMs, at(2).getTime(), 'removed since the first check that found it gone');
    const [subject] = await archive.commits();
    assert.equal(subject, 'archive: 1 removed article (lb 1)');
    // Published 2-29 23:30 UTC, which is 3-1 in UTC+8; removed since 3-1 10:00 UTC+8.
    assert.match(list(), new RegExp(`3-1 \\[${B.title}\\]\\(/articles/lb/${b.number}\\.md\\) ~~已删除~~ \\(3-1 起原网页已删除\\)\\n`));
    assert.match(list(), new RegExp(`\\[${A.title}\\]\\(/articles/lb/${(await article(A.path)).number}\\.md\\)\\n`));
    assert.equal(
      readFileSync(join(archive.output, 'lists/removed.md'), 'utf8'),
      `已删除的文章\n------\n\n2024-03-01 10:00 环回新闻 [${B.title}](/articles/lb/${b.number}.md)\n\n`,
    );
    assert.match(readFileSync(join(archive.output, 'README.md'), 'utf8'), /\[已删除的文章\]\(\/lists\/removed\.md\)/);
    // The removed article's file stays, unchanged.
    assert.match(readFileSync(join(archive.output, `articles/lb/${b.number}.md`), 'utf8'), /遭到当地警方拘留/);
  });

  test('`newsvault check` finds it back: restored, mark gone, commit', async () => {
    server.routes.set(B.path, serveBody(page(B.title, textB), 'text/html; charset=utf-8'));
    const config = join(archive.root, 'newsvault.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        output: archive.output,
        database: archive.database,
        fetch: { retries: 0 },
        recheck: { perRun: 10 },
        sources: [{ id: 'lb', name: '环回新闻', url: `${base}/feed.xml`, fulltext: 'feed' }],
      }),
    );
    const out: string[] = [];
    const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void out.push(t), cwd: archive.root, now: () => at(6), isTty: false, env: {} };
    assert.equal(await main(['check', '--config', config], io), 0, out.join(''));
    assert.match(out.join(''), /^restored lb\/\d+ 记者在新疆采访时遭到拘留$/m);
    assert.match(out.join(''), /0 removed, 1 restored, 0 edited; 0 still due; committed/);

    const b = await article(B.path);
    assert.equal(b.status, 'live');
    assert.deepEqual(await withStore(async (store) => (await store.listStatusEvents(b.id)).map((e) => [e.kind, e.atMs])), [
      ['removed', at(2).getTime()],
      ['restored', at(6).getTime()],
    ]);
    assert.equal((await archive.commits())[0], 'archive: 1 restored article (lb 1)');
    assert.doesNotMatch(list(), /已删除/);
    assert.equal(readFileSync(join(archive.output, 'lists/removed.md'), 'utf8'), '已删除的文章\n------\n\n');

    // --all re-checks everything now, whatever the schedule; nothing changed, so no commit.
    const commits = await archive.commits();
    out.length = 0;
    assert.equal(await main(['check', '--all', '--config', config], io), 0, out.join(''));
    assert.match(out.join(''), /^checked 2 articles: 2 alive$/m);
    assert.deepEqual(await archive.commits(), commits);
  });
});
