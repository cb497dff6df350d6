// The archive alone is the complete record: with the database deleted, `newsvault run` rebuilds every
// article, revision (with the URL, HTTP status and ETag it came with), status event and re-check from the archive (git history + .newsvault/manifest/), makes no
// commit and rewrites no file. `newsvault verify` finds the archive clean, and names a file altered after
// the fact (exit 3).
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { SqliteStore } from '../src/store/index.ts';
import { createCliArchive, type CliArchive } from './support/cli-archive.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';
import { generatedItems, rssFeed, type GeneratedItem } from './support/generated-feed.ts';
import { runCliProcess } from './support/killable-cli.ts';

async function storeContent(database: string) {
  const store = SqliteStore.open(database);
  try {
    return await Promise.all((await store.listArticlesAfter(0, 1000)).map(async (article) => ({
      source: article.sourceId,
      number: article.number,
      key: article.key,
      title: article.title,
      url: article.url,
      publishedMs: article.publishedMs,
      firstSeenMs: article.firstSeenMs,
      status: article.status,
      statusChangedMs: article.statusChangedMs,
      revisions: (await store.listRevisions(article.id)).map(
        ({ seq, content, sha256, fingerprint, seenMs, seenWhere, title, fetchedUrl, httpStatus, etag }) => ({
          seq, content, sha256, fingerprint, seenMs, seenWhere, title, fetchedUrl, httpStatus, etag,
        }),
      ),
      events: (await store.listStatusEvents(article.id)).map(({ atMs, kind }) => ({ atMs, kind })),
      checks: (await store.listChecks(article.id)).map(({ checkedMs, outcome, httpStatus, finalUrl }) => ({ checkedMs, outcome, httpStatus, finalUrl })),
    })));
  } finally {
    await store.close();
  }
}

describe('the archive alone is the complete record', () => {
  let server: FeedServer;
  let archive: CliArchive;
  // Recent items: a feed whose newest item is old is flagged stale, and source health is not part of the record.
  const recent = Date.now() - 3600_000;
  let items: GeneratedItem[] = generatedItems('voa', 6, recent).slice(0, 4);
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed('voa', items));
    });
    archive = await createCliArchive([{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }]);
  });
  after(() => server.close());

  const run = (...args: string[]) => runCliProcess([...args, '--config', archive.configFile], archive.root);
  const head = async () => (await git(archive.output, ['rev-parse', 'HEAD'])).stdout.trim();

  test('a run without the database rebuilds articles, revisions and status events, commits nothing, writes nothing', async () => {
    assert.equal((await run('run')).code, 0);
    // The outlet edits one article and publishes two more; a re-check (here recorded directly) finds one removed.
    items = generatedItems('voa', 6, recent);
    items[1] = { ...items[1]!, title: 'voa 第1篇报道（更新）', html: '<p>更新后的正文。</p>' };
    const second = await run('run');
    assert.equal(second.code, 0, second.stderr + second.stdout);
    const store = SqliteStore.open(archive.database);
    const removed = (await store.getArticleByNumber('voa', 1048572))!;
    await store.recordCheck({ articleId: removed.id, checkedMs: Date.now() - 1000, outcome: 'alive', httpStatus: 200, finalUrl: removed.url, detail: null });
    await store.recordCheck({ articleId: removed.id, checkedMs: Date.now(), outcome: 'gone', httpStatus: 404, finalUrl: removed.url, detail: null });
    await store.setStatus(removed.id, 'removed', Date.now());
    await store.close();
    const third = await run('run');
    assert.equal(third.code, 0, third.stderr + third.stdout);
    assert.match(readFileSync(join(archive.output, 'lists', 'removed.md'), 'utf8'), /1048572/);

    const before = await storeContent(archive.database);
    assert.ok(before.some((article) => article.revisions.length === 2), 'one article has two revisions');
    assert.ok(before.some((article) => article.events.length === 1), 'one article has a status event');
    assert.ok(before.some((article) => article.checks.length === 2), 'one article has two re-checks');
    assert.ok(before.every((article) => article.revisions.every((revision) => revision.httpStatus === 200 && revision.fetchedUrl?.endsWith('/voa.xml'))));
    const commit = await head();

    rmSync(join(archive.root, 'db'), { recursive: true });
    const rebuilt = await run('run', '--json');
    assert.equal(rebuilt.code, 0, rebuilt.stderr + rebuilt.stdout);
    const result = JSON.parse(rebuilt.stdout) as { imported: number; filesWritten: string[]; commit: { committed: boolean } };
    assert.equal(result.imported, 6);
    assert.deepEqual(result.filesWritten, []);
    assert.equal(result.commit.committed, false);
    assert.equal(await head(), commit, 'no commit');
    assert.equal((await git(archive.output, ['status', '--porcelain'])).stdout, '');
    assert.deepEqual(await storeContent(archive.database), before);
  });

  test('verify finds the archive clean, and names a file altered and committed after the fact', async () => {
    const clean = await run('verify');
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /verify: 1 monthly manifests, 7 revisions, 6 article files checked; everything matches/);

    const path = join(archive.output, 'articles', 'voa', '1048574.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('第0篇报道的正文', '第0篇报道的假正文'));
    await git(archive.output, ['commit', '--quiet', '-am', 'quietly altered'], {
      GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@x', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@x',
    });
    const altered = await run('verify');
    assert.equal(altered.code, 3, altered.stdout + altered.stderr);
    assert.match(altered.stdout, /^differs: articles\/voa\/1048574\.md: git history holds a version .* that no manifest lists$/m);
    assert.match(altered.stdout, /^differs: articles\/voa\/1048574\.md: differs from its latest revision in the manifest/m);
  });
});
