// One cold `newsvault run --json` as an operator starts it, under /usr/bin/time (Debian's `time`), which reads
// wait4()'s rusage: wall time, user + system CPU of the whole process tree (Node, its start-up, the git
// processes it waits for) and the peak RSS of its largest process. NODE_OPTIONS is removed: the default heap is
// what is measured. Spawned asynchronously, so the benchmark's own process keeps serving feeds meanwhile.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TIME = '/usr/bin/time';
export const CLI = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'newsvault.js');

/** What `run --json` prints that the benchmarks read. */
export interface RunJson {
  sources: { outcome: string; newCount: number }[];
  timings: Record<string, number>;
  publishing?: string;
}

export interface ColdRun {
  wallS: number;
  userS: number;
  sysS: number;
  cpuS: number;
  peakMiB: number;
  exitCode: number;
  result: RunJson;
}

export function requireTime(): void {
  if (!existsSync(TIME)) throw new Error(`bench: ${TIME} is missing: install the Debian package \`time\``);
}

/** Runs `node [nodeArgs] bin/newsvault.js --config <config> run --json` in `dir`. */
export async function runColdCli(dir: string, config: string, nodeArgs: readonly string[] = []): Promise<ColdRun> {
  const timeFile = join(dir, '.time');
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const child = spawn(TIME, ['-o', timeFile, '-f', '%e %U %S %M', process.execPath, ...nodeArgs, CLI, '--config', config, 'run', '--json'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
  const times = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+) (\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
  if (!times) throw new Error(`bench: no timing from ${TIME}: ${readFileSync(timeFile, 'utf8')}`);
  const [, wall, user, sys, maxKiB] = times.map(Number) as [number, number, number, number, number];
  let result: RunJson;
  try {
    result = JSON.parse(stdout) as RunJson;
  } catch {
    throw new Error(`bench: newsvault run exited ${exitCode} without a JSON result:\n${stderr.slice(-2000)}`);
  }
  return { wallS: wall, userS: user, sysS: sys, cpuS: user + sys, peakMiB: maxKiB / 1024, exitCode, result };
}
