// "Nothing is left uncommitted": a record in the archive's .git folder that `run` saves after a commit phase
// that went through, so that the next hourly run which writes nothing can skip staging (`git add --all` stats
// every file of the archive, and with it go the index-lock, exclude-file and temporary-file checks: about nine
// git processes for a commit that cannot come). It is taken (read and deleted, the deletion fsynced) by every
// command that holds the output lock, before it writes anything: a run killed after writing files and before
// committing them leaves no record behind, so the next run stages and commits them, as it always did.
//
// The record also carries the git index's size and modification time when it was saved: a `git add`,
// `git reset` or checkout by hand since then changes them, and the next run stages as before. What it cannot
// see is a file edited by hand in the work tree and left unstaged: that is committed by the next run that
// writes anything, not by a run that writes nothing.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RECORD = 'newsvault-committed';

interface Record {
  index: { size: number; mtimeMs: number } | null;
}

/** The repository's own folder, when it is a plain `.git` folder (a gitfile, as in a linked work tree: none). */
function gitDir(output: string): string | null {
  const dir = join(output, '.git');
  try {
    return statSync(dir).isDirectory() ? dir : null;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`git: looking at ${dir}: ${(cause as Error).message}`, { cause });
  }
}

function indexStat(dir: string): Record['index'] {
  try {
    const stat = statSync(join(dir, 'index'));
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`git: looking at the index in ${dir}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * True when the last `run` left nothing uncommitted and the index is as it left it. Deletes the record either
 * way, durably, so that whatever this command writes next is staged by the next run if this one is killed.
 */
export function takeCleanRecord(output: string): boolean {
  const dir = gitDir(output);
  if (dir === null) return false;
  const path = join(dir, RECORD);
  if (!existsSync(path)) return false;
  let saved: Partial<Record> | null = null;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<Record>;
  } catch {
    saved = null; // a damaged record only costs one staging
  }
  rmSync(path, { force: true });
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const now = indexStat(dir);
  return saved !== null && typeof saved === 'object' && JSON.stringify(saved.index ?? null) === JSON.stringify(now);
}

/** After a commit phase that staged (or had nothing to stage) and committed without error. */
export function saveCleanRecord(output: string): void {
  const dir = gitDir(output);
  if (dir === null) return;
  const record: Record = { index: indexStat(dir) };
  // Not fsynced: a record lost to a power cut only costs the next run one staging.
  writeFileSync(join(dir, RECORD), `${JSON.stringify(record)}\n`);
}
