// The process-facing parts of locking: where the lock lives and whether a pid is running.
import { existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireLock, type Lock, type LockOptions } from './lock-file.ts';

/**
 * The lock for an output folder. Inside its `.git` folder when the output is a git repository (git
 * never stages files there, so a commit made while the lock is held cannot pick it up); otherwise
 * `.newsvault.lock` in the output folder itself.
 */
export function lockPathFor(output: string): string {
  const gitDir = join(output, '.git');
  if (existsSync(gitDir) && statSync(gitDir).isDirectory()) return join(gitDir, 'newsvault.lock');
  return join(output, '.newsvault.lock');
}

/** Signal 0 checks existence without sending anything; EPERM means it exists but is not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;
export const DEFAULT_LOCK_MAX_AGE_MS = 6 * 3600_000;

/** Locks `output` for this process with the real clock, pid and host. */
export function lockOutput(
  output: string,
  options: Partial<Pick<LockOptions, 'waitMs' | 'maxAgeMs' | 'onWait' | 'onStale'>> = {},
): Promise<Lock> {
  return acquireLock({
    path: lockPathFor(output),
    waitMs: options.waitMs ?? DEFAULT_LOCK_WAIT_MS,
    maxAgeMs: options.maxAgeMs ?? DEFAULT_LOCK_MAX_AGE_MS,
    pid: process.pid,
    host: hostname(),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isAlive: isProcessAlive,
    ...(options.onWait ? { onWait: options.onWait } : {}),
    ...(options.onStale ? { onStale: options.onStale } : {}),
  });
}
