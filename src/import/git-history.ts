// When each article file first entered the archive's git history: the time an imported article was first
// archived (the old archive committed every file the hour it fetched it). One `git log` for the whole
// archive; an archive that is not a git repository (or a shallow clone missing the history) has none.
import { spawnSync } from 'node:child_process';

/** Path (relative to `dir`) → commit time in ms of the oldest commit that added it. */
export function firstAddedTimes(dir: string): Map<string, number> {
  const times = new Map<string, number>();
  const log = spawnSync(
    'git',
    ['-c', 'core.quotePath=false', 'log', '--format=@%ct', '--name-only', '--diff-filter=A', '--no-renames', '--relative', '--', 'articles'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
  );
  if (log.error || log.status !== 0) return times;
  let when = 0;
  // Newest commit first: the last time seen for a path is the oldest commit that added it.
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('@')) when = Number(line.slice(1)) * 1000;
    else if (line) times.set(line, when);
  }
  return times;
}
