// The archive's monthly bundle, with real git: made from the archive's branch, passing `git bundle verify`, cloned
// back with no network (no remote, GIT_ALLOW_PROTOCOL limited to file), described and not remade within the
// month, remade and the old one replaced when the month changes (the clock is a parameter), kept out of the
// archive's own commits, and a killed run's half-written bundle neither listed nor left behind.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TEMP_SUFFIX } from '../files/atomic-write.ts';
import { refreshBundle } from './bundle.ts';
import { commitArchive } from './commit.ts';
import { git } from './exec.ts';

const author = { authorName: 'newsvault', authorEmail: 'nv@localhost', push: false };
/** 2026-12-03 06:00 UTC, and the first hour of January in UTC+8 (still 31 December in UTC). */
const DECEMBER = Date.UTC(2026, 11, 3, 6);
const JANUARY = Date.UTC(2026, 11, 31, 16, 30);
const COMMITTED = new Date(Date.UTC(2026, 11, 2, 1, 0));

async function archive() {
  const root = mkdtempSync(join(tmpdir(), 'nv-bundle-'));
  const repo = join(root, 'archive');
  await git(root, ['init', '--quiet', '--initial-branch=main', repo]);
  mkdirSync(join(repo, 'articles', 'voa'), { recursive: true });
  writeFileSync(join(repo, 'articles', 'voa', '1048574.md'), '<!--1-->\n[标题](https://www.voachinese.com/a/1.html)\n------\n\n<p>正文</p>\n');
  const first = await commitArchive({ ...author, dir: repo, message: 'archive: 1 new article', date: COMMITTED });
  assert.ok(first.committed);
  return { root, repo, offline: join(repo, 'site', 'offline') };
}

async function head(repo: string): Promise<string> {
  return (await git(repo, ['rev-parse', 'HEAD'])).stdout.trim();
}

/** Clones a bundle with every network transport refused: only the file itself can serve it. */
async function cloneOffline(bundle: string, into: string) {
  return git(tmpdir(), ['clone', '--quiet', bundle, into], { GIT_ALLOW_PROTOCOL: 'file', http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9' });
}

describe('git bundle of the archive', () => {
  test("made in the site's offline folder, verified by git; a clone of it holds the archive's commit and files", async () => {
    const { root, repo, offline } = await archive();
    const made = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER });
    assert.equal(made.kind, 'made');
    const bundle = made.kind === 'made' ? made.bundle : null;
    const path = join(offline, 'newsvault-2026-12.bundle');
    assert.deepEqual(bundle, {
      path: 'offline/newsvault-2026-12.bundle',
      name: 'newsvault-2026-12.bundle',
      month: '2026-12',
      bytes: bundle!.bytes,
      commit: await head(repo),
      committedMs: COMMITTED.getTime(),
    });
    assert.ok(bundle!.bytes > 0);
    const verified = await git(repo, ['bundle', 'verify', path]);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stderr + verified.stdout, /is okay/);

    const clone = join(root, 'clone');
    const cloned = await cloneOffline(path, clone);
    assert.equal(cloned.code, 0, cloned.stderr);
    assert.equal(await head(clone), await head(repo));
    assert.equal((await git(clone, ['symbolic-ref', '--short', 'HEAD'])).stdout.trim(), 'main', 'the branch is checked out');
    assert.ok(existsSync(join(clone, 'articles', 'voa', '1048574.md')));
    assert.equal((await git(clone, ['fsck', '--strict'])).code, 0);
    // The bundle sits in the work tree but git does not see it (the exclude file commitArchive wrote).
    assert.equal((await git(repo, ['status', '--porcelain'])).stdout, '');
  });

  test('described, not remade, within the month even after new commits; remade when the month changes, the old one replaced', async () => {
    const { root, repo, offline } = await archive();
    const december = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER });
    assert.equal(december.kind, 'made');
    const first = await head(repo);
    writeFileSync(join(repo, 'articles', 'voa', '1048573.md'), '<!--2-->\n[第二篇](https://www.voachinese.com/a/2.html)\n------\n\n<p>二</p>\n');
    const second = await commitArchive({ ...author, dir: repo, message: 'archive: 1 new article' });
    assert.ok(second.committed);
    // The bundle is in the site folder inside the archive, and the commit did not take it.
    const tracked = (await git(repo, ['ls-files'])).stdout;
    assert.ok(!tracked.includes('.bundle'), tracked);
    assert.deepEqual((await git(repo, ['show', '--name-only', '--format=', 'HEAD'])).stdout.trim().split('\n'), ['articles/voa/1048573.md']);

    const later = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER + 20 * 86_400_000 });
    assert.equal(later.kind, 'current');
    assert.deepEqual(later.kind === 'current' ? later.bundle : null, december.kind === 'made' ? december.bundle : null, 'the same description as when made');
    assert.equal(later.kind === 'current' ? later.bundle.commit : null, first, 'the December bundle still holds the first commit only');
    const stale = join(root, 'stale');
    assert.equal((await cloneOffline(join(offline, 'newsvault-2026-12.bundle'), stale)).code, 0);
    assert.equal(await head(stale), first);

    const january = await refreshBundle({ repo, dir: offline, nowMs: JANUARY });
    assert.equal(january.kind, 'made');
    assert.ok(january.kind === 'made' && january.bundle.month === '2027-01' && january.bundle.commit === (await head(repo)));
    assert.deepEqual(january.kind === 'made' ? january.replaced : null, ['newsvault-2026-12.bundle']);
    assert.deepEqual(readdirSync(offline).filter((name) => name.endsWith('.bundle')), ['newsvault-2027-01.bundle']);
    const fresh = join(root, 'fresh');
    assert.equal((await cloneOffline(join(offline, 'newsvault-2027-01.bundle'), fresh)).code, 0);
    assert.equal(await head(fresh), await head(repo));
  });

  test("a killed run's half-written bundle is never taken for one and is removed; a damaged bundle is made again", async () => {
    const { repo, offline } = await archive();
    mkdirSync(offline, { recursive: true });
    // What `git bundle create` leaves when killed part way: a temporary name with some bytes in it.
    const half = join(offline, `.newsvault-2026-12.bundle.4242${TEMP_SUFFIX}`);
    writeFileSync(half, '# v2 git bundle\n');
    const made = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER });
    assert.equal(made.kind, 'made');
    assert.ok(!existsSync(half), 'the leftover is gone');
    assert.deepEqual(readdirSync(offline), ['newsvault-2026-12.bundle']);

    writeFileSync(join(offline, 'newsvault-2026-12.bundle'), 'not a bundle');
    const again = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER + 3600_000 });
    assert.equal(again.kind, 'made');
    assert.equal((await git(repo, ['bundle', 'verify', join(offline, 'newsvault-2026-12.bundle')])).code, 0);
  });

  test('a missing bundle is made again within the month; a repository without a commit has nothing to bundle', async () => {
    const { repo, offline } = await archive();
    await refreshBundle({ repo, dir: offline, nowMs: DECEMBER });
    rmSync(join(offline, 'newsvault-2026-12.bundle'));
    assert.equal((await refreshBundle({ repo, dir: offline, nowMs: DECEMBER + 86_400_000 })).kind, 'made');

    const empty = mkdtempSync(join(tmpdir(), 'nv-bundle-empty-'));
    await git(empty, ['init', '--quiet', empty]);
    assert.deepEqual(await refreshBundle({ repo: empty, dir: join(empty, 'site', 'offline'), nowMs: DECEMBER }), { kind: 'empty' });
    assert.ok(!existsSync(join(empty, 'site')));
  });
});
