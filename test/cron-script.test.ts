// deploy/cron/newsvault-cron.sh, the cron job, around a real `newsvault run`: every log line carries a UTC
// timestamp; exit 0 and 1 are logged only; any other code is also printed on stderr (which cron mails).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { CLI_COMMAND, outcomeOf, type ProcessOutcome } from './support/killable-cli.ts';

const script = fileURLToPath(new URL('../deploy/cron/newsvault-cron.sh', import.meta.url));
const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));

/** A newsvault program for NEWSVAULT_BIN: the CLI from src/, through tsx. */
function cliProgram(dir: string): string {
  const program = join(dir, 'newsvault');
  writeFileSync(program, `#!/bin/sh\nexec ${CLI_COMMAND.map((part) => JSON.stringify(part)).join(' ')} "$@"\n`);
  chmodSync(program, 0o755);
  return program;
}

function runScript(dir: string): Promise<ProcessOutcome> {
  return outcomeOf(spawn('bash', [script], { env: { ...process.env, NEWSVAULT_DIR: dir, NEWSVAULT_BIN: cliProgram(dir) }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

function configure(dir: string, sources: { id: string; name: string; url: string }[]): void {
  writeFileSync(join(dir, 'newsvault.config.json'), JSON.stringify({ fetch: { retries: 0 }, git: { push: false }, sources }));
}

function logLines(dir: string): string[] {
  return readFileSync(join(dir, 'newsvault.log'), 'utf8').split('\n').filter(Boolean);
}

describe('the cron job script', () => {
  let server: FeedServer;
  let refused: string;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', serveBody(voaFeed));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });
  after(() => server.close());

  test('some sources failed (exit 1): logged with timestamps, nothing on stderr, the job succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-cron-'));
    configure(dir, [
      { id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` },
      { id: 'down', name: '不通', url: `${refused}/down.xml` },
    ]);
    const run = await runScript(dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = logLines(dir);
    for (const line of lines) assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /);
    assert.ok(lines.some((line) => / voa\s+1 new/.test(line)), lines.join('\n'));
    assert.match(lines.at(-1)!, /Z newsvault run: exit 1$/);
  });

  test('every source failed (exit 3): logged, one line on stderr for cron to mail, the job fails with 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-cron-'));
    configure(dir, [{ id: 'down', name: '不通', url: `${refused}/down.xml` }]);
    // A loopback feed refused: the summary says its server is not running.
    const run = await runScript(dir);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /^newsvault run in .* failed with exit code 3 .*; see .*newsvault\.log\n$/);
    const lines = logLines(dir);
    for (const line of lines) assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /);
    assert.ok(lines.some((line) => /none answered: the server that served them is not running/.test(line)), lines.join('\n'));
    assert.match(lines.at(-1)!, /Z newsvault run: exit 3$/);
  });
});
