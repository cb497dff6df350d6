// A run on a full filesystem (a 4 MiB tmpfs, filled up): it fails with a message naming the path and the
// free space, exits 3, commits nothing and leaves no temporary file; once space is freed the next run
// completes with nothing lost. Needs root for mount(8): without it the test is skipped, saying why.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';
import { generatedItems, rssFeed } from './support/generated-feed.ts';
import { runCliProcess } from './support/killable-cli.ts';

const mountPoint = mkdtempSync(join(tmpdir(), 'nv-fulldisk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { encoding: 'utf8' });
const skip = mounted.status === 0 ? false : `mount -t tmpfs is not permitted here: ${(mounted.stderr || mounted.error?.message || '').trim()}`;
if (skip) console.log(`full-disk test skipped: ${skip}`);

/** Writes zeros until the filesystem refuses more. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('a full disk', { skip }, () => {
  let server: FeedServer;
  let served = 3;
  const items = generatedItems('voa', 30);
  const output = join(mountPoint, 'archive');
  const filler = join(mountPoint, 'filler');
  const root = mkdtempSync(join(tmpdir(), 'nv-fulldisk-db-'));
  const config = join(root, 'newsvault.config.json');

  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed('voa', items.slice(0, served)));
    });
    mkdirSync(output);
    await git(output, ['init', '--quiet', '--initial-branch=main']);
    const sources = [{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }];
    writeFileSync(config, JSON.stringify({ output, database: join(root, 'newsvault.sqlite'), fulltext: 'feed', recheck: { perRun: 0 }, sources }));
  });
  after(async () => {
    await server?.close();
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const run = () => runCliProcess(['run', '--config', config], root);
  const commits = async () => Number((await git(output, ['rev-list', '--count', 'HEAD'])).stdout.trim());

  test('fails naming the path and the free space, commits nothing, and the next run with space loses nothing', async () => {
    const first = await run();
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.equal(await commits(), 1);

    // Completely full: not even the lock can be written.
    fill(filler);
    served = items.length;
    const full = await run();
    assert.equal(full.code, 3, full.stderr + full.stdout);
    assert.match(full.stdout + full.stderr, /no space left on the filesystem holding .*\/archive\S* \(0 B free\)/);
    assert.equal(await commits(), 1, 'nothing committed');

    // Nearly full: the run fetches and stores, then runs out of space halfway through writing the articles.
    truncateSync(filler, statSync(filler).size - 64 * 1024);
    const half = await run();
    assert.equal(half.code, 3, half.stderr + half.stdout);
    assert.match(half.stdout + half.stderr, /^error: publish: writing .*\/archive\/\S+: no space left on the filesystem holding .*\/archive\S* \([\d.]+ (B|KiB) free\)/m);
    assert.equal(await commits(), 1, 'nothing committed');
    const temporaries = (await git(output, ['ls-files', '--others', '--ignored', '--exclude=*.nv-tmp'])).stdout;
    assert.equal(temporaries, '', 'no temporary file left behind');

    rmSync(filler);
    const freed = await run();
    assert.equal(freed.code, 0, freed.stderr + freed.stdout);
    assert.equal(await commits(), 2);
    assert.equal(readdirSync(join(output, 'articles', 'voa')).length, items.length);
    const tree = (await git(output, ['ls-tree', '-r', '--name-only', 'HEAD', 'articles/voa'])).stdout.trim().split('\n');
    assert.equal(tree.length, items.length);
    assert.equal((await git(output, ['fsck', '--no-progress'])).code, 0);
    assert.equal((await git(output, ['status', '--porcelain'])).stdout, '');
  });
});
