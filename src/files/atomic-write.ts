// Writes a file so that a reader (or a killed run) sees the old bytes or the new bytes, never half of them:
// write a temporary file beside the target, fsync it, then rename over it (rename is atomic within a
// filesystem; without the fsync a power loss can leave the new name pointing at empty blocks on ext4/xfs).
// The folders that received renames are fsynced once per publish (syncWrittenFolders), before the commit.
//
// A temporary file left by a killed run must never reach git: every temporary name ends in TEMP_SUFFIX,
// which git/ignore.ts writes into the repository's exclude file before staging, and git/commit.ts deletes
// stale ones before `git add`.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { describeWriteError } from './disk-space.ts';

/** Every temporary file of an atomic write ends with this; nothing else in an archive does. */
export const TEMP_SUFFIX = '.nv-tmp';

// Folders this process has already created; a publish writes thousands of files into a few hundred.
const knownDirs = new Set<string>();
// Folders that received a rename since the last syncWrittenFolders().
const dirtyDirs = new Set<string>();
let sequence = 0;

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
      writeDurably(temporary, bytes);
    } catch (error) {
      // The folder went away since this process made it (a test or an operator removed it): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      writeDurably(temporary, bytes);
    }
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new Error(`publish: writing ${path}: ${describeWriteError(cause as Error, dir)}`, { cause });
  }
  dirtyDirs.add(dir);
  log?.written.push(path);
  return true;
}

/** fsyncs every folder that received a rename, so the new names survive a power loss. */
export function syncWrittenFolders(): void {
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

function writeDurably(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
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
  let existing: Buffer;
  try {
    existing = readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new Error(`publish: reading ${path}: ${(cause as Error).message}`, { cause });
  }
  return existing.equals(bytes);
}
