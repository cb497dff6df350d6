// The GitHub Actions flow with a push that is rejected: a bare remote; runner 1 archives and pushes; someone
// edits an article on the web and pushes; runner 1's next run edits the same article, its push is rejected
// and the rebase conflicts (exit 3, named). Runner 1 is thrown away, the database survives in the cache,
// runner 2 starts from a fresh clone: its run finds what the checkout lacks by the store's blob ids, writes
// it again and pushes, so the remote ends up with everything the rejected run had committed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { SqliteStore } from '../src/store/index.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';
import { generatedItems, rssFeed, type GeneratedItem } from './support/generated-feed.ts';
import { runCliProcess } from './support/killable-cli.ts';

const web = { GIT_AUTHOR_NAME: 'web', GIT_AUTHOR_EMAIL: 'web@x', GIT_COMMITTER_NAME: 'web', GIT_COMMITTER_EMAIL: 'web@x' };

describe('a rejected push on a runner that is then discarded', () => {
  let server: FeedServer;
  let items: GeneratedItem[] = generatedItems('voa', 5).slice(0, 3);
  const root = mkdtempSync(join(tmpdir(), 'nv-actions-'));
  const remote = join(root, 'remote.git');
  const database = join(root, 'cache', 'newsvault.sqlite');

  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed('voa', items));
    });
    mkdirSync(join(root, 'cache'));
    await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  });
  after(() => server.close());

  /** A fresh checkout of the remote, as actions/checkout makes one, with a config beside it. */
  async function checkout(name: string): Promise<{ dir: string; config: string }> {
    const dir = join(root, name);
    await git(root, ['clone', '--quiet', remote, dir]);
    await git(dir, ['checkout', '--quiet', '-B', 'main']);
    const config = join(root, `${name}.config.json`);
    const sources = [{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }];
    writeFileSync(config, JSON.stringify({ output: dir, database, fulltext: 'feed', recheck: { perRun: 0 }, site: { enabled: false }, sources }));
    return { dir, config };
  }

  const run = (config: string) => runCliProcess(['run', '--config', config], root);
  const remoteFile = async (path: string) => (await git(remote, ['show', `main:${path}`])).stdout;

  test('the rejected run exits 3 naming the push; the next runner sends what it had committed', async () => {
    const runner1 = await checkout('runner1');
    const first = await run(runner1.config);
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.match(await remoteFile('articles/voa/1048574.md'), /voa 第0篇报道的正文/);

    // Someone edits the first article on the web.
    const other = await checkout('web');
    writeFileSync(join(other.dir, 'articles/voa/1048574.md'), `${readFileSync(join(other.dir, 'articles/voa/1048574.md'), 'utf8')}web edit\n`);
    await git(other.dir, ['commit', '--quiet', '-am', 'edit on the web'], web);
    assert.equal((await git(other.dir, ['push', '--quiet', 'origin', 'main'])).code, 0);

    // The outlet edits the same article and publishes two more: runner 1 commits, its push is rejected.
    items = generatedItems('voa', 5);
    items[0] = { ...items[0]!, html: '<p>voa 第0篇报道的更正版正文。</p>' };
    const rejected = await run(runner1.config);
    assert.equal(rejected.code, 3, rejected.stderr + rejected.stdout);
    assert.match(rejected.stdout + rejected.stderr, /git: push to origin rejected: .*conflicts in articles\/voa\/1048574\.md; rebase aborted, nothing forced/);
    assert.equal((await git(remote, ['log', '-1', '--format=%s', 'main'])).stdout.trim(), 'edit on the web');

    // Runner 1 is gone; the cached database is not. Runner 2 checks out the remote and runs.
    const runner2 = await checkout('runner2');
    const next = await run(runner2.config);
    assert.equal(next.code, 0, next.stderr + next.stdout);
    const store = SqliteStore.open(database);
    try {
      for (const article of await store.listLatest('voa', 10)) {
        const file = await remoteFile(`articles/voa/${article.number}.md`);
        assert.ok(file.includes(article.content), `the remote has the store's text of ${article.number}.md`);
      }
      assert.equal(await store.countArticles('voa'), 5);
    } finally {
      await store.close();
    }
    assert.doesNotMatch(await remoteFile('articles/voa/1048574.md'), /web edit/);
    assert.match(await remoteFile('articles/voa/1048574.md'), /更正版正文/);
    const list = await remoteFile('lists/美国之音.md');
    for (const number of [1048574, 1048573, 1048572, 1048571, 1048570]) assert.match(list, new RegExp(`/articles/voa/${number}\\.md`));
    const message = (await git(remote, ['log', '-1', '--format=%B', 'main'])).stdout;
    assert.match(message, /^archive: 2 new articles \(voa 2\), 1 changed article \(voa 1\)\n/);
    assert.match(message, /written by an earlier run that did not finish/);

    // And the run after that has nothing to send and commits nothing.
    const quiet = await run(runner2.config);
    assert.equal(quiet.code, 0, quiet.stderr + quiet.stdout);
    assert.equal((await git(remote, ['rev-list', '--count', 'main'])).stdout.trim(), '3');
  });
});
