import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { git } from './exec.ts';
import { BULK_STAGE_FILES } from './commit.ts';
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

/** Loose object files and pack files in `dir`'s repository. */
function objectFiles(dir: string): { loose: number; packs: number } {
  const objects = join(dir, '.git', 'objects');
  let loose = 0;
  for (const name of readdirSync(objects)) if (/^[0-9a-f]{2}$/.test(name)) loose += readdirSync(join(objects, name)).length;
  return { loose, packs: readdirSync(join(objects, 'pack')).filter((name) => name.endsWith('.pack')).length };
}

/** A repository holding `count` small files in seven folders and one with CRLF line ends, none staged. */
async function repoWithFiles(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nv-git-bulk-'));
  await git(dir, ['init', '--quiet', dir]);
  for (let i = 0; i < count; i++) {
    mkdirSync(join(dir, 'articles', String(i % 7)), { recursive: true });
    writeFileSync(join(dir, 'articles', String(i % 7), `${i}.md`), `# 第${i}篇\n\n習近平 ${i}\n`);
  }
  writeFileSync(join(dir, 'crlf.txt'), 'a\r\nb\r\n');
  return dir;
}

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

  test('thousands of written files are staged into one pack: same tree and commit content, no loose blobs', async () => {
    const count = BULK_STAGE_FILES + 5;
    const loose = await repoWithFiles(count);
    const bulk = await repoWithFiles(count);
    const date = new Date('2024-03-22T04:00:00Z');
    const first = await commitArchive({ ...base, push: false, dir: loose, message: 'm', date, filesWritten: BULK_STAGE_FILES - 1 });
    const second = await commitArchive({ ...base, push: false, dir: bulk, message: 'm', date, filesWritten: count });
    assert.equal(first.committed && second.committed, true);
    // Same author, time, message and tree: the same commit id.
    assert.equal(second.commit, first.commit);
    assert.deepEqual(objectFiles(loose).packs, 0);
    const packed = objectFiles(bulk);
    assert.equal(packed.packs, 1);
    // What stays loose: the trees and the commit (8 folders' trees and one commit), never a file's blob.
    assert.ok(packed.loose <= 10, JSON.stringify(packed));
    assert.ok(objectFiles(loose).loose > count, 'below the threshold every blob is a loose object');
    assert.equal((await git(bulk, ['fsck', '--strict'])).code, 0);
    assert.equal((await git(bulk, ['cat-file', '-p', 'HEAD:articles/3/3.md'])).stdout, '# 第3篇\n\n習近平 3\n');
    assert.equal((await git(bulk, ['status', '--porcelain'])).stdout, '');
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
