// A killed git's index.lock and a killed write's temporary file never block or pollute the next commit.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { git } from './exec.ts';
import { commitArchive } from './index.ts';

const base = { authorName: 'newsvault', authorEmail: 'nv@localhost', push: false };

describe('git crash leftovers', () => {
  test('a stale index.lock is removed with a warning and the commit goes through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-lock-'));
    await git(dir, ['init', '--quiet']);
    writeFileSync(join(dir, '.git', 'index.lock'), '');
    writeFileSync(join(dir, 'a.md'), 'x\n');
    const result = await commitArchive({ ...base, dir, message: 'm' });
    assert.equal(result.committed, true);
    assert.match(result.warnings?.join('\n') ?? '', /^git: removed a stale .*index\.lock left by a git that is no longer running$/);
    assert.equal(existsSync(join(dir, '.git', 'index.lock')), false);
  });

  test('temporary files of atomic writes are deleted and never staged, whatever folder they are in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-lock-'));
    await git(dir, ['init', '--quiet']);
    mkdirSync(join(dir, 'articles', 'voa'), { recursive: true });
    writeFileSync(join(dir, 'articles', 'voa', '1048574.md'), 'x\n');
    writeFileSync(join(dir, 'articles', 'voa', '.1048573.md.123.4.nv-tmp'), 'half');
    writeFileSync(join(dir, '.README.md.9.9.nv-tmp'), 'half');
    const result = await commitArchive({ ...base, dir, message: (staged) => staged.map((c) => `${c.status} ${c.path}`).join(', ') });
    assert.equal(result.committed, true);
    const tree = (await git(dir, ['ls-tree', '-r', '--name-only', 'HEAD'])).stdout.trim().split('\n');
    assert.deepEqual(tree, ['articles/voa/1048574.md']);
    assert.equal((await git(dir, ['log', '-1', '--format=%s'])).stdout.trim(), 'A articles/voa/1048574.md');
    assert.equal(existsSync(join(dir, '.README.md.9.9.nv-tmp')), false);
    assert.match(result.warnings?.join('\n') ?? '', /removed 2 temporary files left by an interrupted run/);
    // Even a temporary file that appears after the clean-up is ignored by the exclude file.
    writeFileSync(join(dir, 'articles', 'voa', '.x.md.1.1.nv-tmp'), 'half');
    assert.equal((await git(dir, ['status', '--porcelain'])).stdout, '');
  });
});
