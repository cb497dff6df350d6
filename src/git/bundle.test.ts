// The archive's monthly bundle, with real git: made from the archive's branch, cloned back with no network (no
// remote, GIT_ALLOW_PROTOCOL limited to file), not remade within the month, remade and the old one replaced when
// the month changes (the clock is a parameter), kept out of the archive's own commits.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findBundle } from '../publish/site/offline-bundle.ts';
import { refreshBundle } from './bundle.ts';
import { commitArchive } from './commit.ts';
import { git } from './exec.ts';

const author = { authorName: 'newsvault', authorEmail: 'nv@localhost', push: false };
/** 2026-12-03 06:00 UTC, and the first hour of January in UTC+8 (still 31 December in UTC). */
const DECEMBER = Date.UTC(2026, 11, 3, 6);
const JANUARY = Date.UTC(2026, 11, 31, 16, 30);

async function archive() {
  const root = mkdtempSync(join(tmpdir(), 'nv-bundle-'));
  const repo = join(root, 'archive');
  await git(root, ['init', '--quiet', '--initial-branch=main', repo]);
  mkdirSync(join(repo, 'articles', 'voa'), { recursive: true });
  writeFileSync(join(repo, 'articles', 'voa', '1048574.md'), '<!--1-->\n[标题](https://www.voachinese.com/a/1.html)\n------\n\n<p>正文</p>\n');
  const first = await commitArchive({ ...author, dir: repo, message: 'archive: 1 new article' });
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
  test("made in the site's offline folder; a clone of it holds the archive's commit and files", async () => {
    const { root, repo, offline } = await archive();
    const made = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER });
    assert.equal(made.kind, 'made');
    assert.ok(made.kind === 'made' && made.path.endsWith('site/offline/newsvault-2026-12.bundle') && made.bytes > 0);
    const clone = join(root, 'clone');
    const cloned = await cloneOffline(join(offline, 'newsvault-2026-12.bundle'), clone);
    assert.equal(cloned.code, 0, cloned.stderr);
    assert.equal(await head(clone), await head(repo));
    assert.equal((await git(clone, ['symbolic-ref', '--short', 'HEAD'])).stdout.trim(), 'main', 'the branch is checked out');
    assert.ok(existsSync(join(clone, 'articles', 'voa', '1048574.md')));
    assert.deepEqual(findBundle(join(repo, 'site')), { name: 'newsvault-2026-12.bundle', month: '2026-12', path: 'offline/newsvault-2026-12.bundle', bytes: made.kind === 'made' ? made.bytes : 0 });
  });

  test('not remade within the month, even after new commits; remade when the month changes, the old one replaced', async () => {
    const { root, repo, offline } = await archive();
    assert.equal((await refreshBundle({ repo, dir: offline, nowMs: DECEMBER })).kind, 'made');
    writeFileSync(join(repo, 'articles', 'voa', '1048573.md'), '<!--2-->\n[第二篇](https://www.voachinese.com/a/2.html)\n------\n\n<p>二</p>\n');
    const second = await commitArchive({ ...author, dir: repo, message: 'archive: 1 new article' });
    assert.ok(second.committed);
    // The bundle is in the site folder inside the archive, and the commit did not take it.
    const tracked = (await git(repo, ['ls-files'])).stdout;
    assert.ok(!tracked.includes('.bundle'), tracked);
    assert.deepEqual(second.commit === null ? [] : (await git(repo, ['show', '--name-only', '--format=', 'HEAD'])).stdout.trim().split('\n'), ['articles/voa/1048573.md']);

    const later = await refreshBundle({ repo, dir: offline, nowMs: DECEMBER + 20 * 86_400_000 });
    assert.equal(later.kind, 'current');
    const stale = join(root, 'stale');
    assert.equal((await cloneOffline(join(offline, 'newsvault-2026-12.bundle'), stale)).code, 0);
    assert.notEqual(await head(stale), await head(repo), 'the December bundle still holds the first commit only');

    const january = await refreshBundle({ repo, dir: offline, nowMs: JANUARY });
    assert.equal(january.kind, 'made');
    assert.ok(january.kind === 'made' && january.month === '2027-01');
    assert.deepEqual(january.kind === 'made' ? january.replaced : null, ['newsvault-2026-12.bundle']);
    assert.deepEqual(readdirSync(offline).filter((name) => name.endsWith('.bundle')), ['newsvault-2027-01.bundle']);
    const fresh = join(root, 'fresh');
    assert.equal((await cloneOffline(join(offline, 'newsvault-2027-01.bundle'), fresh)).code, 0);
    assert.equal(await head(fresh), await head(repo));
  });

  test('a missing bundle is made again within the month; a repository without a commit has nothing to bundle', async () => {
    const { repo, offline } = await archive();
    await refreshBundle({ repo, dir: offline, nowMs: DECEMBER });
    rmSync(join(offline, 'newsvault-2026-12.bundle'));
    assert.equal((await refreshBundle({ repo, dir: offline, nowMs: DECEMBER + 86_400_000 })).kind, 'made');

    const empty = mkdtempSync(join(tmpdir(), 'nv-bundle-empty-'));
    await git(empty, ['init', '--quiet', empty]);
    assert.deepEqual(await refreshBundle({ repo: empty, dir: join(empty, 'site', 'offline'), nowMs: DECEMBER }), { kind: 'empty' });
    assert.equal(findBundle(join(empty, 'site')), null);
  });
});
