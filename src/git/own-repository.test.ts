import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { git } from './exec.ts';
import { commitArchive, ensureOwnRepository, isOwnRepository } from './index.ts';

const identity = { authorName: 'newsvault', authorEmail: 'nv@localhost', push: false };

async function outerRepository(): Promise<string> {
  const outer = realpathSync(mkdtempSync(join(tmpdir(), 'nv-outer-')));
  await git(outer, ['init', '--quiet']);
  writeFileSync(join(outer, 'notes.md'), 'mine\n');
  await git(outer, ['add', 'notes.md']);
  await git(outer, ['commit', '--quiet', '-m', 'mine'], { GIT_AUTHOR_NAME: 'me', GIT_AUTHOR_EMAIL: 'me@x', GIT_COMMITTER_NAME: 'me', GIT_COMMITTER_EMAIL: 'me@x' });
  return outer;
}

describe('a repository of its own', () => {
  test('a plain folder gets one, on branch main; the second time there is nothing to do', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nv-own-')), 'archive');
    assert.equal(await isOwnRepository(dir), false);
    assert.deepEqual(await ensureOwnRepository(dir), { initialized: true, enclosing: null });
    assert.equal(await isOwnRepository(dir), true);
    assert.equal((await git(dir, ['symbolic-ref', '--short', 'HEAD'])).stdout.trim(), 'main');
    assert.deepEqual(await ensureOwnRepository(dir), { initialized: false, enclosing: null });
  });

  test('a folder inside another repository is not its own; it gets a nested one and the outer is named', async () => {
    const outer = await outerRepository();
    const dir = join(outer, 'sub', 'archive');
    mkdirSync(dir, { recursive: true });
    assert.equal(await isOwnRepository(dir), false);
    assert.deepEqual(await ensureOwnRepository(dir), { initialized: true, enclosing: outer });
    assert.equal((await git(dir, ['rev-parse', '--show-toplevel'])).stdout.trim(), dir);
  });

  test('commitArchive never stages or commits in a repository whose top level lies above the folder', async () => {
    const outer = await outerRepository();
    const dir = join(outer, 'archive');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), 'x\n');
    const result = await commitArchive({ ...identity, dir, message: 'archive: 1 new article' });
    assert.deepEqual(result, { repository: false, committed: false, commit: null, pushes: [] });
    assert.equal((await git(outer, ['rev-list', '--count', 'HEAD'])).stdout.trim(), '1');
    assert.equal((await git(outer, ['diff', '--cached', '--name-only'])).stdout, '');
  });

  test('a .git that git refuses is never initialized over: the error names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-own-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'not a ref\n');
    await assert.rejects(ensureOwnRepository(dir), /^GitError: git: .* has a \.git that git cannot use \(.*\); repair or remove it$/);
    assert.equal(readFileSync(join(dir, '.git', 'HEAD'), 'utf8'), 'not a ref\n');
    // Inside another repository git looks past the broken .git to the outer one: still never initialized over.
    const outer = await outerRepository();
    const nested = join(outer, 'archive');
    mkdirSync(join(nested, '.git'), { recursive: true });
    writeFileSync(join(nested, '.git', 'HEAD'), 'not a ref\n');
    await assert.rejects(ensureOwnRepository(nested), /has a \.git that git cannot use; repair or remove it$/);
    assert.equal(readFileSync(join(nested, '.git', 'HEAD'), 'utf8'), 'not a ref\n');
  });
});
