import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { git } from './exec.ts';
import { commitArchive, commitMessage } from './index.ts';

async function repoWithRemote() {
  const root = mkdtempSync(join(tmpdir(), 'nv-git-'));
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  await git(root, ['init', '--quiet', '--bare', remote]);
  await git(root, ['init', '--quiet', work]);
  await git(work, ['remote', 'add', 'origin', remote]);
  return { root, remote, work };
}

const base = { authorName: 'newsvault', authorEmail: 'nv@localhost', push: true };

describe('git', () => {
  test('the message says what changed per source', () => {
    assert.equal(
      commitMessage([
        { sourceId: 'voa', newCount: 5, changedCount: 0 },
        { sourceId: 'rfi', newCount: 7, changedCount: 1 },
        { sourceId: 'dw', newCount: 0, changedCount: 0 },
      ]),
      'archive: 12 new articles (voa 5, rfi 7), 1 changed article (rfi 1)',
    );
    assert.equal(commitMessage([{ sourceId: 'voa', newCount: 1, changedCount: 0 }]), 'archive: 1 new article (voa 1)');
  });

  test('a folder that is not a repository is left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-git-'));
    writeFileSync(join(dir, 'a.md'), 'x');
    const result = await commitArchive({ ...base, dir, message: 'm' });
    assert.deepEqual(result, { repository: false, committed: false, commit: null, pushes: [] });
  });

  test('commits changes, pushes to the bare remote, and makes no commit when nothing changed', async () => {
    const { remote, work } = await repoWithRemote();
    writeFileSync(join(work, '文章.md'), '正文\n');
    const first = await commitArchive({ ...base, dir: work, message: 'archive: 1 new article (voa 1)' });
    assert.equal(first.committed, true);
    assert.deepEqual(first.pushes, [{ remote: 'origin', ok: true, error: null }]);
    const log = await git(remote, ['log', '--format=%s', '--all']);
    assert.equal(log.stdout.trim(), 'archive: 1 new article (voa 1)');

    const second = await commitArchive({ ...base, dir: work, message: 'should not appear' });
    assert.equal(second.committed, false);
    assert.deepEqual(second.pushes, []);
    const count = await git(work, ['rev-list', '--count', 'HEAD']);
    assert.equal(count.stdout.trim(), '1');
  });

  test('a failing push is reported, the commit stays', async () => {
    const { work } = await repoWithRemote();
    await git(work, ['remote', 'add', 'broken', join(work, 'does-not-exist.git')]);
    writeFileSync(join(work, 'a.md'), 'x\n');
    const result = await commitArchive({ ...base, dir: work, message: 'm' });
    assert.equal(result.committed, true);
    const broken = result.pushes.find((push) => push.remote === 'broken');
    assert.equal(broken?.ok, false);
    assert.match(broken?.error ?? '', /does-not-exist/);
    assert.equal(result.pushes.find((push) => push.remote === 'origin')?.ok, true);
  });
});
