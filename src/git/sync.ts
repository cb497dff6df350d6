// Sends this archive's commits to a remote. When someone else pushed in between (an edit on the web,
// a second runner), the push is rejected as not a fast-forward: fetch the remote branch, rebase this
// run's commits onto it and push again. Never forced: a rebase that conflicts is aborted and reported,
// and the commits stay here (or, on a discarded runner, in the store) to be sent by a later run.
import { git, type GitResult } from './exec.ts';

export interface PushOutcome {
  remote: string;
  ok: boolean;
  error: string | null;
  /** True when the push went through after rebasing onto commits someone else had pushed. */
  rebased?: boolean;
}

/** Rebase-and-retry rounds before giving up on a remote that keeps moving. */
const ATTEMPTS = 3;

export async function pushToRemote(dir: string, remote: string, env: NodeJS.ProcessEnv = {}): Promise<PushOutcome> {
  const branch = (await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).stdout.trim();
  if (!branch) return { remote, ok: false, error: `git: push to ${remote} skipped: HEAD is not on a branch` };
  let rebased = false;
  for (let attempt = 1; ; attempt++) {
    const push = await git(dir, ['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], env);
    if (push.code === 0) return { remote, ok: true, error: null, ...(rebased ? { rebased } : {}) };
    if (!isNonFastForward(push)) return { remote, ok: false, error: `git: push to ${remote} failed: ${tail(push)}` };
    if (attempt === ATTEMPTS) {
      return { remote, ok: false, error: `git: push to ${remote} rejected ${ATTEMPTS} times: the remote keeps moving; the next run retries` };
    }
    const fetched = await git(dir, ['fetch', '--quiet', remote, branch], env);
    if (fetched.code !== 0) return { remote, ok: false, error: `git: push to ${remote} rejected, and fetching ${branch} failed: ${tail(fetched)}` };
    const rebase = await git(dir, ['rebase', '--quiet', 'FETCH_HEAD'], env);
    if (rebase.code !== 0) {
      const conflicts = (await git(dir, ['diff', '--name-only', '--diff-filter=U'])).stdout.trim().split('\n').filter(Boolean);
      const aborted = await git(dir, ['rebase', '--abort'], env);
      const where = conflicts.length > 0 ? ` in ${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ', …' : ''}` : '';
      return {
        remote,
        ok: false,
        error:
          `git: push to ${remote} rejected: someone else changed ${branch} and rebasing onto it conflicts${where}; ` +
          `rebase ${aborted.code === 0 ? 'aborted' : 'could not be aborted'}, nothing forced; resolve it in the repository, the next run retries`,
      };
    }
    rebased = true;
  }
}

function isNonFastForward(result: GitResult): boolean {
  const text = `${result.stdout}\n${result.stderr}`;
  return /non-fast-forward|fetch first|\[rejected\]|rejected.*\(stale info\)/.test(text);
}

function tail(result: GitResult): string {
  const text = (result.stderr || result.stdout).trim();
  return text.split('\n').filter((line) => line && !line.startsWith('To ') && !line.startsWith('hint:')).join('; ').slice(0, 600) || `exit ${result.code}`;
}
