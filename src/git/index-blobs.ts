// What the checkout holds, by git blob id, read from its index (`git ls-files -s`): one process and no
// file reads however large the archive. Null when the folder is not a git work tree.
import { spawnSync } from 'node:child_process';
import { GitError } from './exec.ts';

export function indexBlobs(dir: string, paths: readonly string[]): Map<string, string> | null {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (inside.error || inside.status !== 0 || inside.stdout.trim() !== 'true') return null;
  const listed = spawnSync('git', ['ls-files', '-s', '-z', '--', ...paths], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (listed.error || listed.status !== 0) {
    throw new GitError('commit', `git: listing the files of ${dir} failed: ${listed.error?.message ?? listed.stderr.trim()}`);
  }
  const blobs = new Map<string, string>();
  // Each entry: "<mode> <blob> <stage>\t<path>\0".
  for (const entry of listed.stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, blob] = entry.slice(0, tab).split(' ');
    if (blob) blobs.set(entry.slice(tab + 1), blob);
  }
  return blobs;
}
