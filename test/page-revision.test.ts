// For a source whose text comes from article pages, a re-check that finds the page edited stores a new
// revision and commits it; a re-check of an unchanged page stores nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkCommand } from '../src/cli/check.ts';
import type { CliIo } from '../src/cli/io.ts';
import { SqliteStore } from '../src/store/index.ts';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

const page = (paragraph: string) => `<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>编辑测试</title></head>
<body><nav><a href="/">首页</a> <a href="/world">国际</a></nav>
<article><h1>外交部回应记者提问</h1>
<p>外交部发言人周三在例行记者会上回答了有关人权问题的提问，并表示中方的立场一贯明确。</p>
<p>${paragraph}</p>
<p>分析人士认为，这一表态显示北京在相关议题上不会让步，国际社会的关注仍将持续。</p></article>
<footer>版权所有 · 联系我们</footer></body></html>`;

function quietIo(root: string, now: Date): CliIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (t) => void out.push(t), stderr: () => {}, cwd: root, now: () => now, isTty: false, env: {} };
}

describe('revisions found by re-checking article pages', () => {
  let server: FeedServer;
  let archive: TestArchive;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/feed.xml', serveBody(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>外交部回应记者提问</title><link>SERVER/a/1.html</link><guid>p-1</guid>
<pubDate>Wed, 22 Mar 2023 14:15:03 GMT</pubDate><description>外交部发言人周三……</description></item></channel></rss>`.replace('SERVER', server.url)));
    server.routes.set('/a/1.html', serveBody(page('他说，有关报道“完全不符合事实”。'), 'text/html; charset=utf-8'));
    archive = await createTestArchive([{ id: 'mfa', name: '外交部', url: `${server.url}/feed.xml`, fulltext: 'page' }], {
      git: { push: false },
    });
  });
  after(() => server.close());

  test('the first run archives the page text', async () => {
    const result = await archive.run(new Date('2024-01-01T00:00:00Z'));
    assert.equal(result.sources[0]?.newCount, 1);
    const file = readFileSync(join(archive.output, 'articles/mfa/1048574.md'), 'utf8');
    assert.match(file, /有关报道“完全不符合事实”/);
    assert.doesNotMatch(file, /版权所有/);
  });

  test('an unchanged page makes no revision and no commit', async () => {
    const io = quietIo(archive.root, new Date('2024-01-01T02:00:00Z'));
    assert.equal(await checkCommand(archive.config, io, { all: true }), 0);
    assert.match(io.out.join(''), /0 removed, 0 restored, 0 edited/);
    assert.equal((await archive.commits()).length, 1);
  });

  test('an edited page yields exactly one new revision, the new text, and one commit', async () => {
    server.routes.set('/a/1.html', serveBody(page('他说，有关报道“严重歪曲事实”，中方已提出严正交涉。'), 'text/html; charset=utf-8'));
    const io = quietIo(archive.root, new Date('2024-01-01T03:00:00Z'));
    assert.equal(await checkCommand(archive.config, io, { all: true }), 0);
    assert.match(io.out.join(''), /edited\s+mfa\/1048574 外交部回应记者提问/);
    const file = readFileSync(join(archive.output, 'articles/mfa/1048574.md'), 'utf8');
    assert.match(file, /严重歪曲事实/);
    assert.doesNotMatch(file, /完全不符合事实/);
    const commits = await archive.commits();
    assert.equal(commits.length, 2);
    assert.equal(commits[0], 'archive: 1 changed article (mfa 1)');

    const store = SqliteStore.open(archive.database);
    try {
      const article = (await store.getArticleByNumber('mfa', 1048574))!;
      const revisions = await store.listRevisions(article.id);
      assert.deepEqual(revisions.map((revision) => revision.seenWhere), ['page', 'recheck']);
      assert.match(revisions[0]!.content, /完全不符合事实/);
    } finally {
      await store.close();
    }

    // Checking the edited page again changes nothing more.
    const again = quietIo(archive.root, new Date('2024-01-01T04:00:00Z'));
    assert.equal(await checkCommand(archive.config, again, { all: true }), 0);
    assert.match(again.out.join(''), /0 edited/);
    assert.equal((await archive.commits()).length, 2);
  });
});
