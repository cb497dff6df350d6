// Ordinary mistakes are one line on stderr that names the problem and what to do, exit code 2, no stack
// trace and nothing on stdout.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { captureIo } from './support/io.ts';

/** Runs the CLI in process and checks the shape every ordinary failure has. */
async function failsWithOneLine(root: string, args: string[], config: Record<string, unknown>): Promise<string> {
  const file = join(root, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ sources: [], ...config }));
  const io = captureIo(root);
  const code = await main(['--config', file, ...args], io);
  const stderr = io.err.join('');
  assert.equal(code, 2, stderr);
  assert.deepEqual(io.out, [], 'an error went to stdout');
  const lines = stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /);
  return lines[0]!;
}

describe('ordinary failures', () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-errors-'));
  const database = join(root, 'newsvault.sqlite');
  let busy: Server;
  let busyPort: number;
  before(async () => {
    // A database with its search index built, so that serve has nothing to print before it listens.
    writeFileSync(join(root, 'newsvault.config.json'), JSON.stringify({ database, sources: [] }));
    assert.equal(await main(['reindex'], captureIo(root)), 0);
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  test('serve on a port in use', async () => {
    const line = await failsWithOneLine(root, ['serve', '--port', String(busyPort)], { database, output: join(root, 'archive') });
    assert.match(line, new RegExp(`^serve: 127\\.0\\.0\\.1:${busyPort} is already in use .*--port`));
  });

  test('serve with a --host that is not an address of this machine, or not an address at all', async () => {
    const config = { database, output: join(root, 'archive') };
    assert.match(await failsWithOneLine(root, ['serve', '--port', '0', '--host', '192.0.2.1'], config), /^serve: 192\.0\.2\.1 is not an address of this machine; use --host 127\.0\.0\.1/);
    assert.match(await failsWithOneLine(root, ['serve', '--port', '0', '--host', '999.1.1.1'], config), /^serve: --host 999\.1\.1\.1 is not an address or a name .*--host 127\.0\.0\.1/);
  });

  test('output naming a file', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder\n');
    const line = await failsWithOneLine(root, ['run'], { output: file, database: join(root, 'run.sqlite') });
    assert.match(line, /^output: .*a-file is a file, not a folder; set `output` in the config to a folder$/);
  });

  test('a database path that is a folder, lies under a file, or is not SQLite', async () => {
    const folder = join(root, 'db-folder');
    mkdirSync(folder);
    assert.match(await failsWithOneLine(root, ['reindex'], { database: folder }), /^store: cannot open .*db-folder: .*; set `database` in the config to a file in a folder you can write$/);
    const file = join(root, 'plain-file');
    writeFileSync(file, 'x');
    assert.match(await failsWithOneLine(root, ['reindex'], { database: join(file, 'x.sqlite') }), /^store: cannot open .*plain-file\/x\.sqlite: /);
    const text = join(root, 'text.sqlite');
    writeFileSync(text, 'this is a text file, not a database\n'.repeat(200));
    assert.match(await failsWithOneLine(root, ['reindex'], { database: text }), /^store: cannot open .*text\.sqlite: file is not a database; /);
  });

  test('a database in a folder this user cannot write', async () => {
    // Root may write in any folder whatever its mode, and CI runs as root: there the folder is one of /proc's,
    // where no user can create a file.
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? '/proc/1' : join(root, 'read-only');
    if (!asRoot) mkdirSync(locked, { mode: 0o555 });
    const name = asRoot ? '/proc/1/x\\.sqlite' : 'read-only/x\\.sqlite';
    assert.match(await failsWithOneLine(root, ['reindex'], { database: join(locked, 'x.sqlite') }), new RegExp(`^store: cannot open .*${name}: `));
  });
});
