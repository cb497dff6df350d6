// Locking against real files in a temp folder; the clock, sleep and "is this pid alive" are injected,
// and one test uses a real second process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { acquireLock, LockError, parseHolder, type LockOptions } from './lock-file.ts';
import { isProcessAlive, lockOutput, lockPathFor } from './process.ts';

function setup(overrides: Partial<LockOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nv-lock-'));
  let clock = Date.parse('2024-01-01T00:00:00Z');
  const options = (more: Partial<LockOptions> = {}): LockOptions => ({
    path: join(dir, 'newsvault.lock'),
    waitMs: 0,
    maxAgeMs: 3600_000,
    pollMs: 1000,
    pid: 100,
    host: 'here',
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    isAlive: () => true,
    ...overrides,
    ...more,
  });
  return { dir, options, advance: (ms: number) => (clock += ms) };
}

describe('acquireLock', () => {
  test('takes a free lock, records who holds it, and removes it on release', async () => {
    const { options } = setup();
    const lock = await acquireLock(options());
    const holder = parseHolder(readFileSync(lock.path, 'utf8'));
    assert.deepEqual({ ...holder, token: '' }, { pid: 100, host: 'here', startedMs: Date.parse('2024-01-01T00:00:00Z'), token: '' });
    lock.release();
    lock.release();
    assert.equal(existsSync(lock.path), false);
  });

  test('a second cycle gives up with a message naming the holder', async () => {
    const { options } = setup();
    await acquireLock(options());
    await assert.rejects(acquireLock(options({ pid: 200, waitMs: 5000 })), (error: unknown) => {
      assert.ok(error instanceof LockError);
      assert.equal(error.kind, 'busy');
      assert.equal(error.holder?.pid, 100);
      assert.match(error.message, /^lock: another newsvault cycle \(pid 100 on here, started 2024-01-01T00:00:00\.000Z\) holds .*newsvault\.lock; waited 5 s, giving up$/);
      return true;
    });
  });

  test('a second cycle waits for the first to finish', async () => {
    const { options } = setup();
    const first = await acquireLock(options());
    let polls = 0;
    let waitedFor: number | undefined;
    const second = await acquireLock(
      options({
        pid: 200,
        waitMs: 60_000,
        onWait: (holder) => (waitedFor = holder?.pid),
        sleep: async () => {
          if (++polls === 3) first.release();
        },
      }),
    );
    assert.equal(polls, 3);
    assert.equal(waitedFor, 100);
    assert.equal(parseHolder(readFileSync(second.path, 'utf8'))?.pid, 200);
  });

  const staleCases: { name: string; holder: Partial<LockOptions>; alive: boolean; ageMs: number; stale: boolean }[] = [
    { name: 'dead pid on this host', holder: { host: 'here' }, alive: false, ageMs: 0, stale: true },
    { name: 'live pid on this host', holder: { host: 'here' }, alive: true, ageMs: 0, stale: false },
    { name: 'pid on another host (cannot tell)', holder: { host: 'elsewhere' }, alive: false, ageMs: 0, stale: false },
    { name: 'another host, older than max age', holder: { host: 'elsewhere' }, alive: true, ageMs: 3600_001, stale: true },
    { name: 'live pid, older than max age', holder: { host: 'here' }, alive: true, ageMs: 3600_001, stale: true },
  ];
  for (const item of staleCases) {
    test(`stale lock table: ${item.name}`, async () => {
      const { options, advance } = setup();
      await acquireLock(options({ ...item.holder, pid: 100 }));
      advance(item.ageMs);
      const reasons: string[] = [];
      const attempt = acquireLock(options({ pid: 200, isAlive: () => item.alive, onStale: (_holder, reason) => reasons.push(reason) }));
      if (item.stale) {
        const lock = await attempt;
        assert.equal(lock.holder.pid, 200);
        assert.equal(reasons.length, 1);
      } else {
        await assert.rejects(attempt, LockError);
        assert.deepEqual(reasons, []);
      }
    });
  }

  test('an unreadable lock file is junk only once it is old', async () => {
    const { options } = setup();
    const path = options().path;
    writeFileSync(path, '{"pid": 1');
    const now = options().now();
    utimesSync(path, new Date(now - 1000), new Date(now - 1000));
    await assert.rejects(acquireLock(options()), /lock file unreadable/);
    utimesSync(path, new Date(now - 60_000), new Date(now - 60_000));
    const lock = await acquireLock(options());
    assert.equal(parseHolder(readFileSync(path, 'utf8'))?.token, lock.holder.token);
  });

  test('release leaves alone a lock that someone else took over', async () => {
    const { options, advance } = setup();
    const first = await acquireLock(options());
    advance(3600_001);
    const second = await acquireLock(options({ pid: 200 }));
    first.release();
    assert.equal(parseHolder(readFileSync(second.path, 'utf8'))?.pid, 200);
  });
});

describe('lockOutput with real processes', () => {
  const child = (output: string, exitAfterMs: number) => {
    const script = `import { lockOutput } from ${JSON.stringify(new URL('./process.ts', import.meta.url).href)};
      await lockOutput(${JSON.stringify(output)}, { waitMs: 0 });
      process.stdout.write('locked\\n');
      setTimeout(() => process.exit(0), ${exitAfterMs});`;
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const locked = new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (data: Buffer) => data.toString().includes('locked') && resolve());
      proc.on('exit', (code) => reject(new Error(`child exited ${code} before locking`)));
    });
    const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
    return { proc, locked, exited };
  };

  test('a running cycle blocks the next; one that died without releasing does not', async () => {
    const output = mkdtempSync(join(tmpdir(), 'nv-lock-out-'));
    mkdirSync(join(output, '.git'));
    assert.equal(lockPathFor(output), join(output, '.git', 'newsvault.lock'));
    const running = child(output, 60_000);
    await running.locked;
    await assert.rejects(lockOutput(output, { waitMs: 0 }), new RegExp(`pid ${running.proc.pid} on ${hostname()}`));
    // Killed without a chance to clean up, as a crash or an OOM kill would.
    running.proc.kill('SIGKILL');
    await running.exited;
    assert.equal(isProcessAlive(running.proc.pid!), false);
    assert.ok(existsSync(lockPathFor(output)), 'the dead cycle left its lock behind');
    const lock = await lockOutput(output, { waitMs: 0 });
    assert.equal(lock.holder.pid, process.pid);
    lock.release();
    assert.equal(existsSync(lockPathFor(output)), false);
  });
});
