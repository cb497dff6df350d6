// Writes a file so that a reader (or a killed run) sees the old bytes or the new bytes, never half of them:
// write a temporary file beside the target, fsync it, then rename over it (rename is atomic within a
// filesystem; without the fsync a power loss can leave the new name pointing at empty blocks on ext4/xfs).
// The folders that received renames are fsynced once per publish (syncWrittenFolders), before the commit.
//
// A publish writes tens of thousands of files (a first cycle over 300 outlets: about 30,000), and one fsync
// per file made the disk's latency the cycle's pace (8.4 of 20 s wall at 1,000 articles). Inside a publish
// (deferDurability() … syncWrittenFolders()) the per-file fsync is therefore replaced by barriers: a file is
// renamed into place unsynced, and makeWrittenDurable() makes everything written so far durable at once
// (syncfs of the filesystem, one call). A killed process still sees old or new bytes (rename is atomic); a
// power loss can leave an unsynced new file empty, so every record that says "this file is written" (the
// publish state, the store's published marks, the manifest) is written only after a barrier, and the next
// run rewrites whatever an empty file lacks. Outside a publish (config files, OPML, media) each write is
// fsynced before its rename as before.
//
// A temporary file left by a killed run must never reach git: every temporary name ends in TEMP_SUFFIX,
// which git/ignore.ts writes into the repository's exclude file before staging, and git/commit.ts deletes
// stale ones before `git add`.
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { describeWriteError } from './disk-space.ts';

/** Every temporary file of an atomic write ends with this; nothing else in an archive does. */
export const TEMP_SUFFIX = '.nv-tmp';

// Folders this process has already created; a publish writes thousands of files into a few hundred.
const knownDirs = new Set<string>();
// Folders that received a rename since the last syncWrittenFolders().
const dirtyDirs = new Set<string>();
let sequence = 0;
// Inside a publish: files renamed into place whose bytes are not yet known to be on disk.
let deferring = false;
const unsynced: string[] = [];

export interface WriteLog {
  written: string[];
}

/** Writes `content` to `path` unless the file already holds exactly those bytes. Returns true if it wrote. */
export function writeFileAtomic(path: string, content: string | Uint8Array, log?: WriteLog): boolean {
  const bytes =
    typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (sameBytes(path, bytes)) return false;
  const dir = dirname(path);
  if (!knownDirs.has(dir)) {
    mkdirOrExplain(dir);
    knownDirs.add(dir);
  }
  // pid + a per-process counter: unique among concurrent writers without asking the OS for randomness.
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${++sequence}${TEMP_SUFFIX}`);
  try {
    try {
      writeBytes(temporary, bytes, !deferring);
    } catch (error) {
      // The folder went away since this process made it (a test or an operator removed it): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      writeBytes(temporary, bytes, !deferring);
    }
    renameSync(temporary, path);
    if (deferring) unsynced.push(path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new Error(`publish: writing ${path}: ${describeWriteError(cause as Error, dir)}`, { cause });
  }
  dirtyDirs.add(dir);
  log?.written.push(path);
  return true;
}

/** From now until syncWrittenFolders(), files are made durable at barriers (makeWrittenDurable), not one by one. */
export function deferDurability(): void {
  deferring = true;
}

/**
 * The barrier: every file written unsynced so far is on disk when this returns. Called before anything that
 * records a file as written. One syncfs (coreutils `sync -f`) for the whole filesystem; where that is not
 * available, each file's own fsync.
 */
export function makeWrittenDurable(): void {
  if (unsynced.length === 0) return;
  const synced = spawnSync('sync', ['-f', dirname(unsynced[0]!)], { stdio: 'ignore' });
  if (synced.error || synced.status !== 0) {
    for (const path of unsynced) fsyncFile(path);
  }
  unsynced.length = 0;
}

/** fsyncs every folder that received a rename, so the new names survive a power loss; ends deferDurability(). */
export function syncWrittenFolders(): void {
  makeWrittenDurable();
  deferring = false;
  for (const dir of dirtyDirs) {
    let fd: number;
    try {
      fd = openSync(dir, 'r');
    } catch (cause) {
      // A folder removed since (a test tidying up): nothing of it left to make durable.
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new Error(`publish: opening folder ${dir} to sync it: ${(cause as Error).message}`, { cause });
    }
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  dirtyDirs.clear();
}

function writeBytes(path: string, bytes: Buffer, sync: boolean): void {
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    // Replaced or removed since (a later write renamed over it, a test tidied up): nothing of it to keep.
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new Error(`publish: opening ${path} to sync it: ${(cause as Error).message}`, { cause });
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function mkdirOrExplain(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new Error(`publish: creating folder ${dir}: ${describeWriteError(cause as Error, dirname(dir))}`, { cause });
  }
}

function sameBytes(path: string, bytes: Buffer): boolean {
  // Most writes of a first cycle are new files: a stat that does not throw for a missing file saves building an
  // ENOENT error (with its stack) per file, about a tenth of a first cycle's writing CPU; a file of another size
  // is not read either. (A path under a file, ENOTDIR, now fails at the write instead, with the same path.)
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return false;
  if (stat.isFile() && stat.size !== bytes.length) return false;
  let existing: Buffer;
  try {
    existing = readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new Error(`publish: reading ${path}: ${(cause as Error).message}`, { cause });
  }
  return existing.equals(bytes);
}
