// Pushing after someone else pushed: rebase onto their commits (never force), or abort on a conflict.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { git } from './exec.ts';
import { commitArchive } from './index.ts';

const base = { authorName: 'newsvault', authorEmail: 'nv@localhost', push: true };
const identity = { GIT_AUTHOR_NAME: 'web', GIT_AUTHOR_EMAIL: 'web@x', GIT_COMMITTER_NAME: 'web', GIT_COMMITTER_EMAIL: 'web@x' };

/** A bare remote, our clone `work` with one pushed commit, and someone else's clone `other`. */
async function twoClones() {
  const root = mkdtempSync(join(tmpdir(), 'nv-sync-'));
  const remote = join(root, 'remote.git');
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  const work = join(root, 'work');
  await git(root, ['clone', '--quiet', remote, work]);
  await git(work, ['checkout', '--quiet', '-b', 'main']);
  writeFileSync(join(work, 'a.md'), 'one\n');
  assert.equal((await commitArchive({ ...base, dir: work, message: 'first' })).pushes[0]?.ok, true);
  const other = join(root, 'other');
  await git(root, ['clone', '--quiet', remote, other]);
  return { remote, work, other };
}

async function pushFromOther(other: string, file: string, text: string) {
  writeFileSync(join(other, file), text);
  await git(other, ['add', '-A']);
  await git(other, ['commit', '--quiet', '-m', `web edit of ${file}`], identity);
  assert.equal((await git(other, ['push', '--quiet', 'origin', 'HEAD'])).code, 0);
}

describe('git sync', () => {
  test('a push rejected because someone else pushed is rebased onto their commit and sent, without force', async () => {
    const { remote, work, other } = await twoClones();
    await pushFromOther(other, 'README.md', 'edited on the web\n');
    writeFileSync(join(work, 'b.md'), 'two\n');
    const result = await commitArchive({ ...base, dir: work, message: 'second' });
    assert.deepEqual(result.pushes, [{ remote: 'origin', ok: true, error: null, rebased: true }]);
    const log = await git(remote, ['log', '--format=%s', 'main']);
    assert.deepEqual(log.stdout.trim().split('\n'), ['second', 'web edit of README.md', 'first']);
    assert.equal(result.commit, (await git(remote, ['rev-parse', 'main'])).stdout.trim());
  });

  test('a rebase that conflicts is aborted and named; the remote keeps its commit and ours stays here', async () => {
    const { remote, work, other } = await twoClones();
    await pushFromOther(other, 'a.md', 'theirs\n');
    writeFileSync(join(work, 'a.md'), 'ours\n');
    const result = await commitArchive({ ...base, dir: work, message: 'second' });
    assert.equal(result.committed, true);
    assert.equal(result.pushes[0]?.ok, false);
    assert.match(result.pushes[0]?.error ?? '', /^git: push to origin rejected: .*conflicts in a\.md; rebase aborted, nothing forced/);
    assert.equal((await git(remote, ['log', '-1', '--format=%s', 'main'])).stdout.trim(), 'web edit of a.md');
    assert.equal(readFileSync(join(work, 'a.md'), 'utf8'), 'ours\n');
    assert.equal((await git(work, ['status', '--porcelain'])).stdout, '', 'no rebase left half done');
    assert.equal((await git(work, ['log', '-1', '--format=%s'])).stdout.trim(), 'second');
  });

  test('a commit that never reached the remote is sent by the next call even when nothing new is committed', async () => {
    const { remote, work, other } = await twoClones();
    await pushFromOther(other, 'a.md', 'theirs\n');
    writeFileSync(join(work, 'a.md'), 'ours\n');
    assert.equal((await commitArchive({ ...base, dir: work, message: 'second' })).pushes[0]?.ok, false);
    // The operator resolves it on the remote side (reverts the web edit): our commit now applies.
    await pushFromOther(other, 'a.md', 'one\n');
    const retry = await commitArchive({ ...base, dir: work, message: 'unused' });
    assert.equal(retry.committed, false);
    assert.equal(retry.pushes[0]?.ok, true, retry.pushes[0]?.error ?? '');
    assert.equal((await git(remote, ['log', '-1', '--format=%s', 'main'])).stdout.trim(), 'second');
  });
});
