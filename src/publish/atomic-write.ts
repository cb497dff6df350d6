// Writes a file so that a reader (or a killed run) sees the old bytes or the new bytes, never half of them:
// write a temporary file beside the target, then rename over it (rename is atomic within a filesystem).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

// Folders this process has already created; a publish writes thousands of files into a few hundred.
const knownDirs = new Set<string>();
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
    mkdirSync(dir, { recursive: true });
    knownDirs.add(dir);
  }
  // pid + a per-process counter: unique among concurrent writers without asking the OS for randomness.
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${++sequence}.tmp`);
  try {
    try {
      writeFileSync(temporary, bytes);
    } catch (error) {
      // The folder went away since this process made it (a test or an operator removed it): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, bytes);
    }
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new Error(`publish: writing ${path}: ${(cause as Error).message}`, { cause });
  }
  log?.written.push(path);
  return true;
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
