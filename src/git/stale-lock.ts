// A git killed mid-command (the run was SIGKILLed, the runner lost power) leaves `.git/index.lock`
// behind, and every later `git add` or `git commit` refuses to run. newsvault holds the output lock while
// it commits, so a lock file with no git process alive in this repository is stale and can go.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { git, GitError } from './exec.ts';

/** Without /proc (not Linux) a lock is only called stale when it is this old. */
const STALE_WITHOUT_PROC_MS = 10 * 60_000;

export interface StaleLockOutcome {
  /** A warning for the operator when a stale lock was removed. */
  warning: string | null;
}

export async function removeStaleIndexLock(dir: string, nowMs: number = Date.now()): Promise<StaleLockOutcome> {
  const lock = resolve(dir, (await git(dir, ['rev-parse', '--git-path', 'index.lock'])).stdout.trim());
  if (!existsSync(lock)) return { warning: null };
  const top = realpathSync((await git(dir, ['rev-parse', '--show-toplevel'])).stdout.trim());
  const live = liveGitIn(top);
  if (live === 'unknown') {
    const age = nowMs - statSync(lock).mtimeMs;
    if (age < STALE_WITHOUT_PROC_MS) {
      throw new GitError('commit', `git: ${lock} exists and may belong to a running git; remove it if no git is running in ${top}`);
    }
  } else if (live.length > 0) {
    throw new GitError('commit', `git: ${lock} is held by a running git (pid ${live.join(', ')}); wait for it to finish`);
  }
  rmSync(lock, { force: true });
  return { warning: `git: removed a stale ${lock} left by a git that is no longer running` };
}

/** Pids of git processes whose working folder is inside `top`, or 'unknown' without /proc. */
function liveGitIn(top: string): number[] | 'unknown' {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 'unknown';
  }
  if (!existsSync('/proc/self/comm')) return 'unknown';
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'git') continue;
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === top || cwd.startsWith(top + sep)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to inspect: it holds no lock we can see.
    }
  }
  return pids;
}
