// newsvault commits only in a repository of its own: one whose top level is the output folder itself.
// An output folder inside someone else's repository (a home folder kept in git, newsvault's own clone) is
// never staged, committed or pushed there; `run` gives it a repository of its own instead (nested, so the
// outer one sees only an untracked folder, or nothing when it ignores it).
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { git, GitError } from './exec.ts';

/** The branch a repository newsvault creates starts on, whatever git's init.defaultBranch says. */
export const INITIAL_BRANCH = 'main';

/** The top level of the work tree `dir` lies in, or null when it lies in none (with git's reason). */
async function topLevel(dir: string): Promise<{ top: string | null; why: string }> {
  const result = await git(dir, ['rev-parse', '--show-toplevel']);
  return result.code === 0 ? { top: result.stdout.trim(), why: '' } : { top: null, why: result.stderr.trim().replace(/\s*\n\s*/g, ' ') };
}

/** Whether `dir` is the top level of a git work tree (a folder inside a larger one is not). */
export async function isOwnRepository(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return false;
  const { top } = await topLevel(dir);
  return top !== null && realpathSync(top) === realpathSync(dir);
}

export interface OwnRepository {
  /** True when this call ran `git init`. */
  initialized: boolean;
  /** The top level of the repository `dir` lay inside before it got its own, if any. */
  enclosing: string | null;
}

/** Makes `dir` the top level of a repository, initializing one on branch main when it is not. */
export async function ensureOwnRepository(dir: string): Promise<OwnRepository> {
  mkdirSync(dir, { recursive: true });
  const { top, why } = await topLevel(dir);
  if (top !== null && realpathSync(top) === realpathSync(dir)) return { initialized: false, enclosing: null };
  // A .git that git does not accept (owned by another user, damaged) is never initialized over.
  if (existsSync(join(dir, '.git'))) {
    throw new GitError('not-a-repo', `git: ${dir} has a .git that git cannot use${why ? ` (${why})` : ''}; repair or remove it`);
  }
  const init = await git(dir, ['init', '--quiet']);
  if (init.code !== 0) throw new GitError('commit', `git: initializing a repository in ${dir} failed: ${init.stderr.trim()}`);
  // symbolic-ref rather than `init --initial-branch`, which git before 2.28 lacks.
  const branch = await git(dir, ['symbolic-ref', 'HEAD', `refs/heads/${INITIAL_BRANCH}`]);
  if (branch.code !== 0) throw new GitError('commit', `git: naming the first branch in ${dir} failed: ${branch.stderr.trim()}`);
  return { initialized: true, enclosing: top };
}

/** What `run` says on stderr after initializing a repository. */
export function describeInitialized(dir: string, repository: OwnRepository): string {
  return repository.enclosing === null
    ? `git: ${dir} was not a git repository; initialized one there (branch ${INITIAL_BRANCH}) for the archive's history`
    : `git: ${dir} lies inside the git repository ${repository.enclosing}, which newsvault never commits into; ` +
        `initialized a repository of its own in ${dir} (branch ${INITIAL_BRANCH})`;
}
