// Reading back files of the index this module wrote, and deleting its replaced folders: missing is an answer (null, none), anything else an error.
import { readdirSync, readFileSync, rmSync } from 'node:fs';

export function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`search: site index: reading ${path}: ${(cause as Error).message}`, { cause });
  }
}

/** The names in a folder of the index; a missing folder has none. */
export function listFolder(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`search: site index: listing ${path}: ${(cause as Error).message}`, { cause });
  }
}

/** Deletes a folder of the index this module wrote (a replaced segment); missing is fine. */
export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
