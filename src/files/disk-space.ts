// A write that fails because the disk is full says where and how much is left, so the operator knows
// what to free (and that nothing half-written was kept: every write goes through a temporary file).
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/** A full disk names the free space left, so the operator knows what to free. */
export function describeWriteError(error: Error, dir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return error.message;
  return `no space left on the filesystem holding ${dir} (${freeSpace(dir)} free): free some space and run again; nothing half-written is kept`;
}

export function freeSpace(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    try {
      const stats = statfsSync(at);
      return formatBytes(stats.bavail * stats.bsize);
    } catch {
      if (dirname(at) === at) return 'unknown space';
    }
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

