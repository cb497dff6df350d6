// The exit codes automation relies on: 0 all went through, 1 some sources failed, 3 the archive could not
// advance (every source failed; a push the remote rejected), 4 an unexpected internal error, in one line.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { main } from '../src/cli/main.ts';
import { MIGRATIONS } from '../src/store/sqlite/schema.ts';
import { git } from '../src/git/exec.ts';
import { createTestArchive } from './support/archive.ts';
import { runCliProcess } from './support/killable-cli.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { captureIo } from './support/io.ts';

const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));

/** A loopback port nothing listens on: connecting to it is refused at once (a stopped local server). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('exit codes', () => {
  let server: FeedServer;
  let refused: string;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', serveBody(voaFeed));
    server.routes.set('/500.xml', (_request, response) => response.writeHead(500).end('internal error'));
    refused = `http://127.0.0.1:${await closedPort()}`;
  });
  after(() => server.close());

  test('one source down, the other archived, committed and pushed: 1', async () => {
    const archive = await createTestArchive([
      { id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` },
      { id: 'down', name: '不通', url: `${refused}/feed.xml` },
    ]);
    const result = await archive.run();
    assert.equal(result.exitCode, 1, JSON.stringify(result.errors));
    assert.equal(result.sources.find((source) => source.sourceId === 'down')?.error?.kind, 'network');
    assert.equal((await archive.commits()).length, 1);
    assert.equal((await git(archive.remote, ['rev-list', '--count', '--all'])).stdout.trim(), '1');
  });

  // Every source failed, so the archive could not advance: 3. What the summary then says depends on how they
  // failed: [name, sources, what it must say, what it must not say].
  const everySourceFailed: [string, () => { id: string; name: string; url: string }[], RegExp[], RegExp][] = [
    ['unreachable by name (a machine with no network): it may be offline, and the demo is named',
      () => [
        { id: 'a', name: '甲', url: 'http://feeds-a.newsvault.invalid/a.xml' },
        { id: 'b', name: '乙', url: 'http://feeds-b.newsvault.invalid/b.xml' },
      ],
      [/0 new, 0 changed, 2 failed of 2 sources/, /may be offline/, /`newsvault demo`/],
      /the server that served them is not running/],
    ["on loopback and refused (the demo's server gone): the server is not running, not offline",
      () => [
        { id: 'a', name: '甲', url: `${refused}/a.xml` },
        { id: 'b', name: '乙', url: `${refused}/b.xml` },
      ],
      [/0 new, 0 changed, 2 failed of 2 sources/,
        /every source is on this machine \(127\.0\.0\.1:\d+\) and none answered: the server that served them is not running/],
      /may be offline/],
    ['answering HTTP 500: named as such, not called offline',
      () => [{ id: 'e', name: '五百', url: `${server.url}/500.xml` }],
      [/FAILED http-status/],
      /offline/],
  ];
  for (const [name, sources, says, doesNotSay] of everySourceFailed) {
    test(`every source failing, ${name}: 3`, async () => {
      const archive = await createTestArchive([]);
      const config = join(archive.root, 'newsvault.config.json');
      writeFileSync(
        config,
        JSON.stringify({ output: archive.output, database: archive.database, fetch: { retries: 0, timeoutMs: 2000 }, sources: sources() }),
      );
      const io = captureIo(archive.root);
      assert.equal(await main(['run', '--config', config], io), 3, io.err.join(''));
      const summary = io.out.join('');
      for (const pattern of says) assert.match(summary, pattern);
      assert.doesNotMatch(summary, doesNotSay);
    });
  }

  test('a push the remote rejects: 3, the reason named, the commit kept for the next run', async () => {
    const archive = await createTestArchive([{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }]);
    const hook = join(archive.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "pushes are closed today" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const result = await archive.run();
    assert.equal(result.exitCode, 3);
    assert.equal(result.sources[0]?.newCount, 1);
    assert.match(result.errors.join('\n'), /^git: push to origin failed: .*pushes are closed today/m);
    assert.equal((await archive.commits()).length, 1);
    assert.equal((await git(archive.remote, ['rev-list', '--count', '--all'])).stdout.trim(), '0');
  });

  test('an unexpected internal error: 4 and one line on stderr; --debug adds the stack', async () => {
    // A SQLite file that claims newsvault's current schema version but holds none of its tables: nothing
    // newsvault anticipates, so the store's first query fails with an error no command classifies.
    const archive = await createTestArchive([]);
    const database = join(archive.root, 'foreign.sqlite');
    const db = new Database(database);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
    db.close();
    const config = join(archive.root, 'newsvault.config.json');
    writeFileSync(config, JSON.stringify({ output: archive.output, database, sources: [] }));

    const plain = await runCliProcess(['--config', config, 'reindex'], archive.root);
    assert.equal(plain.code, 4, plain.stderr);
    assert.equal(plain.stdout, '');
    const lines = plain.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, plain.stderr);
    assert.match(lines[0]!, /^newsvault: internal error: .*no such table.* \(run with --debug for the stack\)$/);

    const debug = await runCliProcess(['--debug', '--config', config, 'reindex'], archive.root);
    assert.equal(debug.code, 4);
    assert.match(debug.stderr, /^newsvault: internal error: SqliteError: no such table/);
    assert.match(debug.stderr, /\n\s+at /);
  });

  test('a copy of newsvault that was never built (no dist/): 4 and one line saying how to build it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'nv-unbuilt-'));
    mkdirSync(join(copy, 'bin'));
    copyFileSync(new URL('../bin/newsvault.js', import.meta.url), join(copy, 'bin', 'newsvault.js'));
    const run = spawnSync(process.execPath, [join(copy, 'bin', 'newsvault.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 4, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^newsvault: .*dist\/cli\/main\.js is missing: this copy was never built; run `npm run build` in .*\n$/);
  });
});
