// What every benchmark reports beside its figures: min / median / max over repeats, percentiles, the load
// average (the machine is shared, so a figure without it says little) and the commit measured.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Min, median (the mean of the middle two for an even count) and max. */
export function stats(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/** The nearest-rank percentile `p` (0–100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** "min / median / max" with `digits` decimals, the median as the nearest-rank 50th percentile. */
export function spread(values: readonly number[], digits = 1): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(digits)} / ${percentile(sorted, 50).toFixed(digits)} / ${sorted.at(-1)!.toFixed(digits)}`;
}

/** The 1-minute load average. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** The 1-, 5- and 15-minute load averages, as printed beside a run. */
export function loadAverages(digits = 1): string {
  return readFileSync('/proc/loadavg', 'utf8')
    .split(' ')
    .slice(0, 3)
    .map((x) => Number(x).toFixed(digits))
    .join(' ');
}

/** The commit measured, and whether the working tree had uncommitted changes to tracked files. */
export function describeCommit(): string {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
}
