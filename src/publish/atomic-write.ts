// Writes a file so that a reader (or a killed run) sees the old bytes or the new bytes, never half of them:
// write a temporary file beside the target, then rename over it (rename is atomic within a filesystem).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface WriteLog {
  written: string[];
}

/** Writes `content` to `path` unless the file already holds exactly those bytes. Returns true if it wrote. */
export function writeFileAtomic(path: string, content: string | Uint8Array, log?: WriteLog): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  if (sameBytes(path, bytes)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes);
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
