// Commits the output folder when it is a git repository and pushes to its remotes.
// A cycle that changed nothing makes no commit and is not an error.
import { git, GitError } from './exec.ts';
import { isOwnRepository } from './own-repository.ts';
import { ensureExcludes, removeStaleTemporaries } from './ignore.ts';
import { removeStaleIndexLock } from './stale-lock.ts';
import { pushToRemote, type PushOutcome } from './sync.ts';

export type { PushOutcome } from './sync.ts';

/** One path in the commit about to be made, as `git diff --cached --name-status` reports it. */
export interface StagedChange {
  /** A added, M modified, D deleted, T type changed. */
  status: string;
  path: string;
}

export interface CommitOptions {
  dir: string;
  /** The message, or a function of what is staged (a run after a killed one commits that run's files too). */
  message: string | ((staged: readonly StagedChange[]) => string);
  authorName: string;
  authorEmail: string;
  /** Remotes to push to; undefined means every configured remote; [] means none. */
  remotes?: readonly string[];
  push: boolean;
  /** Fixed commit time for reproducible tests. */
  date?: Date;
  /**
   * False when the caller knows the work tree holds nothing uncommitted (git/clean-record.ts): no staging and no
   * commit, only the pushes a failed earlier push left waiting. Default true.
   */
  stage?: boolean;
  /**
   * About how many files the caller wrote since the last commit. From BULK_STAGE_FILES up they are staged
   * straight into one pack (see stageAll); default 0.
   */
  filesWritten?: number;
}

/**
 * From this many written files a commit stages them with git's bulk check-in. Below it (an hourly cycle's tens of
 * files) blobs stay loose objects as usual: a pack per cycle would pile up packs, and past gc.autoPackLimit (50)
 * `git gc --auto` consolidates every pack of the archive into one, which for a large archive is a long job.
 */
export const BULK_STAGE_FILES = 1_000;

export interface CommitResult {
  /** False when the folder is not the top level of a git work tree (git/own-repository.ts). */
  repository: boolean;
  committed: boolean;
  commit: string | null;
  pushes: PushOutcome[];
  /** Things the operator should know that did not stop the commit (a stale lock removed). */
  warnings?: string[];
}

export async function commitArchive(options: CommitOptions): Promise<CommitResult> {
  const { dir } = options;
  // Never into a repository whose top level lies above the output folder (src/git/own-repository.ts).
  if (!(await isOwnRepository(dir))) return { repository: false, committed: false, commit: null, pushes: [] };

  const warnings: string[] = [];
  let commit = options.stage === false ? null : await stageAndCommit(options, warnings);

  const pushes: PushOutcome[] = [];
  if (options.push) {
    const remotes = options.remotes ?? (await listRemotes(dir));
    for (const remote of remotes) {
      if (commit === null && !(await isAhead(dir, remote))) continue;
      pushes.push(await pushToRemote(dir, remote, identity(options)));
    }
    // A rebase onto someone else's commits gave this run's commit a new id.
    if (commit !== null && pushes.some((push) => push.rebased)) commit = (await git(dir, ['rev-parse', 'HEAD'])).stdout.trim();
  }
  return { repository: true, committed: commit !== null, commit, pushes, ...(warnings.length > 0 ? { warnings } : {}) };
}

/** Stages the whole work tree and commits it when anything changed: the new commit's id, or null. */
async function stageAndCommit(options: CommitOptions, warnings: string[]): Promise<string | null> {
  const { dir } = options;
  // The output folder is the repository's top level, so the whole work tree is the archive.
  const scope = '.';
  const stale = await removeStaleIndexLock(dir);
  if (stale.warning) warnings.push(stale.warning);
  // Temporary files of atomic writes are excluded from staging, and any a killed run left are deleted.
  await ensureExcludes(dir);
  const leftovers = await removeStaleTemporaries(dir, scope);
  if (leftovers.length > 0) warnings.push(`publish: removed ${leftovers.length} temporary files left by an interrupted run`);
  await stageAll(dir, scope, (options.filesWritten ?? 0) >= BULK_STAGE_FILES);

  const diff = await git(dir, ['diff', '--cached', '--quiet']);
  let commit: string | null = null;
  if (diff.code === 1) {
    const message = typeof options.message === 'string' ? options.message : options.message(await stagedChanges(dir, scope));
    const when = options.date?.toISOString();
    const env: NodeJS.ProcessEnv = {
      ...identity(options),
      ...(when ? { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } : {}),
    };
    const result = await git(dir, ['commit', '--quiet', '--no-verify', '-m', message], env);
    if (result.code !== 0) throw new GitError('commit', `git: commit in ${dir} failed: ${(result.stderr || result.stdout).trim()}`);
    commit = (await git(dir, ['rev-parse', 'HEAD'])).stdout.trim();
  } else if (diff.code !== 0) {
    throw new GitError('commit', `git: checking for changes in ${dir} failed`);
  }
  return commit;
}

/**
 * `git add --all`. With `bulk`, every file counts as a "big file" for that one command (core.bigFileThreshold=1),
 * so git streams the blobs into one new pack instead of writing one zlib-compressed loose object file (and its
 * fan-out folder entry) per file: for a first cycle's 30,000 files that took most of the commit phase, nearly all
 * of it system time. The objects, the index and the commit are the same either way; a later `git gc` packs and
 * deltifies them as usual, since the setting is not saved in the repository's config. Files that need a
 * conversion on the way in (.gitattributes eol, filters) are not streamed: git stores those as it always does.
 */
async function stageAll(dir: string, scope: string, bulk: boolean): Promise<void> {
  const add = await git(dir, [...(bulk ? ['-c', 'core.bigFileThreshold=1'] : []), 'add', '--all', '--', scope]);
  if (add.code !== 0) throw new GitError('commit', `git: staging ${dir} failed: ${add.stderr.trim()}`);
}

function identity(options: CommitOptions): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: options.authorName,
    GIT_AUTHOR_EMAIL: options.authorEmail,
    GIT_COMMITTER_NAME: options.authorName,
    GIT_COMMITTER_EMAIL: options.authorEmail,
  };
}

async function stagedChanges(dir: string, scope: string): Promise<StagedChange[]> {
  const result = await git(dir, ['diff', '--cached', '--name-status', '--no-renames', '-z', '--relative', '--', scope]);
  if (result.code !== 0) throw new GitError('commit', `git: listing staged changes in ${dir} failed: ${result.stderr.trim()}`);
  const fields = result.stdout.split('\0');
  const changes: StagedChange[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) changes.push({ status: fields[index]!, path: fields[index + 1]! });
  return changes;
}

async function listRemotes(dir: string): Promise<string[]> {
  const result = await git(dir, ['remote']);
  return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** A push that failed last run (network down) is retried even when this run made no commit. */
async function isAhead(dir: string, remote: string): Promise<boolean> {
  if ((await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD'])).code !== 0) return false;
  const branch = (await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).stdout.trim();
  if (!branch) return false;
  const tracking = `refs/remotes/${remote}/${branch}`;
  if ((await git(dir, ['rev-parse', '--verify', '--quiet', tracking])).code !== 0) return true;
  const count = await git(dir, ['rev-list', '--count', `${tracking}..HEAD`]);
  return Number(count.stdout.trim()) > 0;
}
