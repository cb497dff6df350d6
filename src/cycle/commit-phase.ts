// The commit phase, one for `newsvault run` (run-cycle.ts) and `newsvault check`: commit the output folder with the
// cycle's message and push to every remote. A failed push or commit is an error of the cycle (exit code 3).
import type { Config } from '../config/index.ts';
import { commitArchive, GitError, type CommitResult, type StagedChange } from '../git/index.ts';

export interface CommitPhaseResult {
  /** Null when the commit itself failed. */
  commit: CommitResult | null;
  errors: string[];
}

export interface CommitPhaseOptions {
  /** Fixed commit time (tests). */
  date?: Date;
  /** False: the work tree is known to hold nothing uncommitted, so nothing is staged (pushes are still retried). */
  stage?: boolean;
  /** About how many files this cycle's publish wrote: a first cycle's thousands are staged into one pack (git/commit.ts). */
  filesWritten?: number;
}

export async function commitPhase(config: Config, message: (staged: readonly StagedChange[]) => string, options: CommitPhaseOptions = {}): Promise<CommitPhaseResult> {
  const { date, stage = true, filesWritten = 0 } = options;
  const errors: string[] = [];
  try {
    const commit = await commitArchive({
      dir: config.output,
      message,
      authorName: config.git.authorName,
      authorEmail: config.git.authorEmail,
      remotes: config.git.remotes,
      push: config.git.push,
      stage,
      filesWritten,
      ...(date ? { date } : {}),
    });
    for (const push of commit.pushes.filter((outcome) => !outcome.ok)) errors.push(push.error ?? `git: push to ${push.remote} failed`);
    return { commit, errors };
  } catch (error) {
    errors.push(error instanceof GitError ? error.message : `git: ${(error as Error).message}`);
    return { commit: null, errors };
  }
}
