// newsvault commits only into a repository of its own. An output folder inside someone else's repository
// (a home folder kept in git, newsvault's own clone) gets a nested repository, and the outer one is untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { git } from '../src/git/exec.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { captureIo } from './support/io.ts';

const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));
const author = { GIT_AUTHOR_NAME: 'me', GIT_AUTHOR_EMAIL: 'me@x', GIT_COMMITTER_NAME: 'me', GIT_COMMITTER_EMAIL: 'me@x' };

/** A repository with one commit holding `files`, like a home folder kept in git or a clone. */
async function outerRepository(files: Record<string, string>): Promise<string> {
  const outer = realpathSync(mkdtempSync(join(tmpdir(), 'nv-outer-')));
  await git(outer, ['init', '--quiet']);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outer, name), text);
  await git(outer, ['add', '--all']);
  await git(outer, ['commit', '--quiet', '-m', 'mine'], author);
  return outer;
}

async function assertUntouched(outer: string): Promise<void> {
  assert.equal((await git(outer, ['rev-list', '--count', 'HEAD'])).stdout.trim(), '1', 'the outer repository got a commit');
  assert.equal((await git(outer, ['diff', '--cached', '--name-only'])).stdout, '', 'something was staged in the outer repository');
}

describe('a repository of its own', () => {
  let server: FeedServer;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', serveBody(voaFeed));
  });
  after(() => server.close());

  test('output inside another repository: the outer one gets no commit, the output folder its own repository and the commit', async () => {
    const outer = await outerRepository({ 'notes.md': 'mine\n' });
    const output = join(outer, 'news', 'archive');
    writeFileSync(
      join(outer, 'newsvault.config.json'),
      JSON.stringify({ output: 'news/archive', database: 'news/newsvault.sqlite', git: { push: false }, sources: [{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }] }),
    );
    const io = captureIo(outer);
    assert.equal(await main(['run'], io), 0, io.err.join(''));
    assert.match(io.err.join(''), new RegExp(`lies inside the git repository ${outer}, which newsvault never commits into; initialized a repository of its own`));
    await assertUntouched(outer);
    assert.equal((await git(output, ['rev-parse', '--show-toplevel'])).stdout.trim(), output);
    assert.equal((await git(output, ['symbolic-ref', '--short', 'HEAD'])).stdout.trim(), 'main');
    assert.deepEqual((await git(output, ['log', '--format=%s'])).stdout.trim().split('\n'), ['archive: 1 new article (voa 1)']);

    // The next run uses that repository and says nothing about initializing.
    const again = captureIo(outer);
    assert.equal(await main(['run'], again), 0, again.err.join(''));
    assert.doesNotMatch(again.err.join(''), /initialized/);
    await assertUntouched(outer);
  });

  test("the README quick start in a clone (./archive git-ignored by the clone) commits into ./archive's own repository, with no git error", async () => {
    const gitignore = readFileSync(new URL('../.gitignore', import.meta.url), 'utf8');
    assert.match(gitignore, /^\/archive\/$/m, "the project's .gitignore no longer ignores /archive/: update this test");
    const clone = await outerRepository({ '.gitignore': gitignore, 'README.md': '# newsvault\n' });
    // The quick start runs against the built-in outlets; here one loopback outlet stands in for them.
    writeFileSync(join(clone, 'newsvault.config.json'), JSON.stringify({ sources: [{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }] }));
    const io = captureIo(clone);
    assert.equal(await main(['run'], io), 0, io.err.join(''));
    const output = join(clone, 'archive');
    assert.doesNotMatch(io.err.join('') + io.out.join(''), /error/i);
    assert.match(io.err.join(''), /initialized a repository of its own in .*archive \(branch main\)/);
    assert.deepEqual((await git(output, ['log', '--format=%s'])).stdout.trim().split('\n'), ['archive: 1 new article (voa 1)']);
    await assertUntouched(clone);
    // The clone sees the archive as ignored, not as changes of its own.
    assert.doesNotMatch((await git(clone, ['status', '--porcelain'])).stdout, /archive/);
  });

  test('newsvault demo DIR inside a repository commits nothing into it, and never commits the lock', async () => {
    const outer = await outerRepository({ 'notes.md': 'mine\n' });
    const io = captureIo(outer);
    assert.equal(await main(['demo', 'mydemo'], io), 0, io.err.join(''));
    await assertUntouched(outer);
    const archive = join(outer, 'mydemo', 'archive');
    assert.equal((await git(archive, ['rev-parse', '--show-toplevel'])).stdout.trim(), archive);
    const tracked = (await git(archive, ['ls-files'])).stdout.split('\n').filter(Boolean);
    assert.ok(tracked.some((path) => path.startsWith('articles/')), tracked.join('\n'));
    assert.deepEqual(tracked.filter((path) => /lock|\.nv-tmp$/.test(path)), []);
  });
});
