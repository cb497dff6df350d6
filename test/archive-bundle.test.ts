// The archive's monthly git bundle through real cycles (real feed server, SQLite, git, a bare remote): a bundle is
// made only by a cycle with news, of the commit before it, and listed by that same cycle's commit; a run with
// nothing new after it, and the first run of a new month with nothing new, write nothing and commit nothing; the
// next month's first news replaces the bundle. The bundle passes `git bundle verify`, clones with no network, and
// is in no commit.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { offlinePaths } from '../src/publish/site/index.ts';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { pathsInHistory } from './support/cli-archive.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';
import { generatedItems, rssFeed } from './support/generated-feed.ts';

const ITEMS = generatedItems('voa', 12, Date.UTC(2026, 11, 1));
/** Moments in UTC; the months are UTC+8's (the last one is 1 January in UTC+8, 31 December in UTC). */
const DEC_3 = new Date(Date.UTC(2026, 11, 3, 1));
const DEC_3_LATER = new Date(Date.UTC(2026, 11, 3, 2));
const DEC_3_AGAIN = new Date(Date.UTC(2026, 11, 3, 3));
const JAN_1 = new Date(Date.UTC(2026, 11, 31, 17));
const JAN_1_QUIET = new Date(Date.UTC(2026, 11, 31, 17, 30));
const JAN_1_LATER = new Date(Date.UTC(2026, 11, 31, 18));
const JAN_1_AGAIN = new Date(Date.UTC(2026, 11, 31, 19));

describe('the monthly bundle through cycles', () => {
  let server: FeedServer;
  let served = 4;
  let archive: TestArchive;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed('voa', ITEMS.slice(0, served)));
    });
    archive = await createTestArchive([{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }], { fulltext: 'feed', recheck: { perRun: 0 } });
  });
  after(() => server.close());

  const offline = () => join(archive.config.site.dir, 'offline');
  const bundles = () => (existsSync(offline()) ? readdirSync(offline()).filter((name) => name.includes('.bundle')) : []);
  const head = async () => (await git(archive.output, ['rev-parse', 'HEAD'])).stdout.trim();
  const status = async () => (await git(archive.output, ['status', '--porcelain', '--ignored=no'])).stdout;
  const page = () => readFileSync(join(archive.config.site.dir, offlinePaths.index), 'utf8');

  /** A cycle with nothing new: no file written, no commit, the work tree clean. */
  async function quietRun(now: Date) {
    const before = await head();
    const pageBefore = page();
    const result = await archive.run(now);
    assert.equal(result.exitCode, 0, result.errors.join('\n'));
    assert.deepEqual(result.filesWritten, [], 'nothing written');
    assert.equal(result.commit?.commit ?? null, null, 'no commit');
    assert.equal(await head(), before);
    assert.equal(await status(), '');
    assert.equal(page(), pageBefore);
  }

  test('made by the cycle with news, listed in its own commit; quiet runs after it and in a new month write nothing', async () => {
    // The first cycle: nothing committed yet, so nothing to bundle.
    const first = await archive.run(DEC_3);
    assert.equal(first.exitCode, 0, first.errors.join('\n'));
    assert.ok(first.commit?.committed);
    const december = await head();
    assert.deepEqual(bundles(), []);
    assert.ok(!page().includes('git bundle'));
    await quietRun(DEC_3);

    // News: this cycle bundles the archive as it stood (the first commit) and its commit lists that bundle.
    served = 8;
    const news = await archive.run(DEC_3_LATER);
    assert.equal(news.exitCode, 0, news.errors.join('\n'));
    assert.ok(news.commit?.committed);
    assert.deepEqual(bundles(), ['newsvault-2026-12.bundle']);
    const listed = (await git(archive.output, ['show', 'HEAD:site/offline/index.html'])).stdout;
    assert.ok(listed.includes('<a href="newsvault-2026-12.bundle" type="application/octet-stream" download>newsvault-2026-12.bundle</a>'), listed);
    assert.ok(listed.includes(`<code>${december.slice(0, 12)}</code>`), 'the commit it holds');
    assert.ok(listed.includes('<code>git clone newsvault-2026-12.bundle archive</code>'));
    assert.equal(await status(), '');
    // The run right after the bundle was made, and two more: nothing to do.
    await quietRun(DEC_3_AGAIN);
    await quietRun(DEC_3_AGAIN);

    // A new month with no news: the days and weeks that ended get their EPUB digests (committed), but no bundle is
    // made and the listing stays as it was; the run after that writes nothing.
    const rollover = await archive.run(JAN_1);
    assert.equal(rollover.exitCode, 0, rollover.errors.join('\n'));
    assert.deepEqual(bundles(), ['newsvault-2026-12.bundle']);
    assert.ok(page().includes(`<code>${december.slice(0, 12)}</code>`));
    assert.equal(await status(), '');
    await quietRun(JAN_1_QUIET);

    // The month's first news: January's bundle of the December cycle's commit replaces December's.
    const lastDecember = await head();
    served = 12;
    const january = await archive.run(JAN_1_LATER);
    assert.equal(january.exitCode, 0, january.errors.join('\n'));
    assert.ok(january.commit?.committed);
    assert.deepEqual(bundles(), ['newsvault-2027-01.bundle']);
    assert.ok(page().includes(`<code>${lastDecember.slice(0, 12)}</code>`));
    assert.ok(!page().includes('newsvault-2026-12.bundle'));
    await quietRun(JAN_1_AGAIN);
    await quietRun(JAN_1_AGAIN);

    // git checks it, and it clones with no network: the commit the page names, with its articles.
    const path = join(offline(), 'newsvault-2027-01.bundle');
    const verified = await git(archive.output, ['bundle', 'verify', path]);
    assert.equal(verified.code, 0, verified.stderr);
    const clone = join(archive.root, 'from-bundle');
    const cloned = await git(archive.root, ['clone', '--quiet', path, clone], { GIT_ALLOW_PROTOCOL: 'file' });
    assert.equal(cloned.code, 0, cloned.stderr);
    assert.equal((await git(clone, ['rev-parse', 'HEAD'])).stdout.trim(), lastDecember);
    assert.equal(readdirSync(join(clone, 'articles', 'voa')).length, 8);

    // No bundle in any commit, nor on the remote.
    const history = await pathsInHistory(archive.output);
    assert.deepEqual([...history].filter((file) => file.includes('.bundle')), []);
    assert.equal((await git(archive.remote, ['rev-parse', 'HEAD'])).stdout.trim(), await head());
  });
});
