// Reading back a file of the index this module wrote: missing is an answer (null), anything else an error.
import { readFileSync } from 'node:fs';

export function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`search: site index: reading ${path}: ${(cause as Error).message}`, { cause });
  }
}
