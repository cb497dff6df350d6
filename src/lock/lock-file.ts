// One cycle at a time per output folder. The lock is a file created with O_EXCL (atomic on local
// filesystems) holding who took it: pid, host, start time and a random token. A lock is stale when its
// process is gone (same host only: a pid means nothing on another machine) or when it is older than
// `maxAgeMs` (covers other hosts and a pid reused by an unrelated process). A stale lock is taken over;
// a live one is waited for up to `waitMs`, then the caller gets a LockError naming the holder.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { describeWriteError } from '../files/disk-space.ts';

export interface LockHolder {
  pid: number;
  host: string;
  startedMs: number;
  token: string;
}

export interface LockOptions {
  path: string;
  /** How long to wait for a live holder before giving up; 0 gives up at once. */
  waitMs: number;
  /** A lock older than this is stale whoever holds it. */
  maxAgeMs: number;
  pollMs?: number;
  pid: number;
  host: string;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Whether a process with this pid exists on this host. */
  isAlive: (pid: number) => boolean;
  /** Called once when the lock is busy and we start waiting. */
  onWait?: (holder: LockHolder | null) => void;
  /** Called when a stale lock is taken over. */
  onStale?: (holder: LockHolder | null, reason: string) => void;
}

export interface Lock {
  path: string;
  holder: LockHolder;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

export type LockErrorKind = 'busy' | 'io';

export class LockError extends Error {
  override readonly name = 'LockError';
  constructor(
    readonly kind: LockErrorKind,
    message: string,
    readonly holder: LockHolder | null = null,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** A lock file still being written (created, not yet filled) is given this long before it counts as junk. */
const UNREADABLE_GRACE_MS = 10_000;

export async function acquireLock(options: LockOptions): Promise<Lock> {
  const started = options.now();
  const holder: LockHolder = { pid: options.pid, host: options.host, startedMs: started, token: randomBytes(8).toString('hex') };
  let waited = false;
  for (;;) {
    if (tryCreate(options.path, holder)) return makeLock(options.path, holder);
    const text = readLockText(options.path);
    if (text === null) continue; // released between our attempt and the read: try again
    const current = parseHolder(text);
    const stale = staleReason(current, options);
    if (stale) {
      options.onStale?.(current, stale);
      takeOver(options.path, text);
      continue;
    }
    if (options.now() - started >= options.waitMs) {
      throw new LockError('busy', `lock: ${describeHolder(current)} holds ${options.path}; waited ${Math.round((options.now() - started) / 1000)} s, giving up`, current);
    }
    if (!waited) options.onWait?.(current);
    waited = true;
    await options.sleep(options.pollMs ?? 1000);
  }

  function staleReason(current: LockHolder | null, opts: LockOptions): string | null {
    if (current === null) {
      const age = opts.now() - mtimeMs(opts.path);
      return age > UNREADABLE_GRACE_MS ? 'the lock file is unreadable' : null;
    }
    if (opts.now() - current.startedMs > opts.maxAgeMs) return `it is older than ${Math.round(opts.maxAgeMs / 60_000)} minutes`;
    if (current.host === opts.host && !opts.isAlive(current.pid)) return `process ${current.pid} is no longer running`;
    return null;
  }
}

export function describeHolder(holder: LockHolder | null): string {
  if (holder === null) return 'another newsvault cycle (lock file unreadable)';
  return `another newsvault cycle (pid ${holder.pid} on ${holder.host}, started ${new Date(holder.startedMs).toISOString()})`;
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new LockError('io', `lock: creating ${path}: ${(cause as Error).message}`, null, { cause });
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } catch (cause) {
    // A full disk creates the name but not its bytes: an empty lock must not stay behind.
    closeSync(fd);
    rmSync(path, { force: true });
    throw new LockError('io', `lock: writing ${path}: ${describeWriteError(cause as Error, dirname(path))}`, null, { cause });
  }
  closeSync(fd);
  return true;
}

function makeLock(path: string, holder: LockHolder): Lock {
  let released = false;
  return {
    path,
    holder,
    release() {
      if (released) return;
      released = true;
      // Only our own lock: after a takeover by someone who judged us stale, the file is theirs.
      if (parseHolder(readLockText(path) ?? '')?.token === holder.token) rmSync(path, { force: true });
    },
  };
}

/**
 * Removes a stale lock without removing a fresh one that replaced it in the meantime: move it aside,
 * check it is the one we judged, and put it back (with link, which never overwrites) if it is not.
 */
function takeOver(path: string, judged: string): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over first
    throw new LockError('io', `lock: removing stale ${path}: ${(cause as Error).message}`, null, { cause });
  }
  if (readLockText(aside) !== judged) {
    try {
      linkSync(aside, path);
    } catch (cause) {
      // EEXIST: a third cycle already holds a newer lock; the one we moved aside is lost either way.
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw new LockError('io', `lock: restoring ${path}: ${(cause as Error).message}`, null, { cause });
    }
  }
  rmSync(aside, { force: true });
}

function readLockText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LockError('io', `lock: reading ${path}: ${(cause as Error).message}`, null, { cause });
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0; // gone: treated as old, and the next create attempt decides
  }
}

export function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedMs === 'number' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, startedMs: value.startedMs, token: value.token };
    }
    return null;
  } catch {
    return null; // half-written or foreign content
  }
}
