// An hourly run that writes nothing skips staging (git/clean-record.ts), but never at the cost of a killed run's
// files: a `newsvault run` SIGKILLed at `git add`, after it wrote the new article's files and before it committed
// them, is followed by a run where every feed answers 304, and that run stages and commits them. A git on PATH
// that records its subcommands (and, for the killed run, kills its parent at `add`) stands between the CLI and
// the real git.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { createCliArchive, type CliArchive } from './support/cli-archive.ts';
import { runCliProcess } from './support/killable-cli.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { generatedItems, rssFeed } from './support/generated-feed.ts';

describe('a run killed before its commit, then runs that write nothing', () => {
  let server: FeedServer;
  let archive: CliArchive;
  let wrappers: string;
  const log = () => join(wrappers, 'git.log');
  const items = generatedItems('alpha', 2);
  const serve = (count: number, etag: string) => server.routes.set('/alpha.xml', serveBody(rssFeed('alpha', items.slice(0, count)), undefined, etag));

  before(async () => {
    server = await startFeedServer();
    archive = await createCliArchive([{ id: 'alpha', name: 'alpha 新闻', url: `${server.url}/alpha.xml` }], { git: { push: false } });
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    assert.ok(realGit, 'git on PATH');
    wrappers = mkdtempSync(join(tmpdir(), 'nv-git-wrapper-'));
    for (const mode of ['record', 'kill-at-add']) {
      mkdirSync(join(wrappers, mode));
      const kill = mode === 'kill-at-add' ? `if [ "$1" = add ]; then kill -9 $PPID; exit 1; fi\n` : '';
      writeFileSync(join(wrappers, mode, 'git'), `#!/bin/sh\necho "$1" >> '${log()}'\n${kill}exec '${realGit}' "$@"\n`);
      chmodSync(join(wrappers, mode, 'git'), 0o755);
    }
  });
  after(() => {
    server.close();
    rmSync(wrappers, { recursive: true, force: true });
  });

  const run = (mode: 'record' | 'kill-at-add') => {
    rmSync(log(), { force: true });
    return runCliProcess(['run', '--config', archive.configFile], archive.root, { PATH: `${join(wrappers, mode)}${delimiter}${process.env['PATH']}` });
  };
  const subcommands = () => readFileSync(log(), 'utf8').split('\n').filter(Boolean);
  const commits = async () => (await git(archive.output, ['rev-list', '--count', 'HEAD'])).stdout.trim();
  const status = async () => (await git(archive.output, ['status', '--porcelain'])).stdout;

  test('the first run commits its article; the next, all 304, stages nothing and commits nothing', async () => {
    serve(1, '"one"');
    const first = await run('record');
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.ok(subcommands().includes('add'));
    assert.equal(await commits(), '1');

    const quiet = await run('record');
    assert.equal(quiet.code, 0, quiet.stderr + quiet.stdout);
    assert.equal(JSON.stringify(subcommands().filter((name) => name === 'add' || name === 'commit')), '[]', subcommands().join(' '));
    assert.equal(await commits(), '1');
    assert.equal(await status(), '');
  });

  test('a run killed at `git add` leaves its files uncommitted; the next run, all 304, commits them', async () => {
    serve(2, '"two"');
    const killed = await run('kill-at-add');
    assert.equal(killed.signal, 'SIGKILL', killed.stderr + killed.stdout);
    assert.notEqual(await status(), '', 'the killed run wrote files it did not commit');
    assert.equal(await commits(), '1');

    const next = await run('record');
    assert.equal(next.code, 0, next.stderr + next.stdout);
    assert.ok(subcommands().includes('add'), 'a run after a killed one stages');
    assert.equal(await commits(), '2');
    assert.equal(await status(), '', 'work tree clean');
    const head = (await git(archive.output, ['ls-tree', '-r', '--name-only', 'HEAD', 'articles/alpha'])).stdout.split('\n').filter(Boolean);
    assert.equal(head.length, 2, head.join(', '));

    const quiet = await run('record');
    assert.equal(quiet.code, 0, quiet.stderr + quiet.stdout);
    assert.ok(!subcommands().includes('add'));
    assert.equal(await commits(), '2');
  });

  test('something staged by hand since the last run is committed by a run that writes nothing, as before', async () => {
    writeFileSync(join(archive.output, 'NOTE.md'), '手写的说明\n');
    await git(archive.output, ['add', 'NOTE.md']);
    const next = await run('record');
    assert.equal(next.code, 0, next.stderr + next.stdout);
    assert.ok(subcommands().includes('add'));
    assert.equal(await commits(), '3');
    assert.equal(await status(), '');
  });

  test('an article file deleted and committed by hand comes back with a run that fetches nothing new', async () => {
    const [path] = (await git(archive.output, ['ls-files', 'articles/alpha'])).stdout.split('\n').filter(Boolean);
    await git(archive.output, ['rm', '--quiet', path!]);
    await git(archive.output, ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'by hand']);
    const next = await run('record');
    assert.equal(next.code, 0, next.stderr + next.stdout);
    assert.equal(await status(), '');
    assert.ok((await git(archive.output, ['ls-files', path!])).stdout.includes(path!), `${path} committed again`);
  });
});
