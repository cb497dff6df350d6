// Start-up benchmark: `npm run bench:startup`. Builds the project (`npm run build`), makes a small archive
// with `newsvault demo` in a temp folder, then runs cold child processes of the compiled CLI, as an
// operator's shell or cron would:
//   node -e 0                               the baseline: what starting Node alone costs on this machine
//   node bin/newsvault.js --version
//   node bin/newsvault.js search 习近平      in the demo's folder (its config, database and index)
//   node bin/newsvault.js serve --port 0    spawn → the first successful answer of GET /
// Each BENCH_RUNS times (default 7, at least 5), interleaved so that load from other processes falls on all
// of them alike. CPU time is user + system of the child as the kernel accounts it: bash's `time` builtin
// reads it from wait4() for the command it ran; for the reader, which keeps running, it is read from
// /proc/<pid>/stat at the moment the first answer arrived. Targets (issue 11): --version ≤ 3× and a cold
// search ≤ 6× the CPU of `node -e 0`; the reader answers within 1 s of starting.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stats } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'newsvault.js');
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const KEEP = process.env.BENCH_KEEP === '1';

interface Sample {
  cpuMs: number;
  wallMs: number;
}

function must(result: ReturnType<typeof spawnSync>, what: string): void {
  if (result.status !== 0) {
    throw new Error(`bench: ${what} failed (exit ${result.status}):\n${result.stdout?.toString() ?? ''}${result.stderr?.toString() ?? ''}`);
  }
}

/** Runs argv once under bash's `time`: real, user and system seconds of that one child. */
function timed(argv: string[], cwd: string): Sample {
  const script = 'TIMEFORMAT="%3R %3U %3S"; time "$@" >/dev/null 2>"$NV_BENCH_ERR"';
  const errFile = join(cwd, '.bench-stderr');
  const result = spawnSync('bash', ['-c', script, 'bash', ...argv], { cwd, env: { ...process.env, NV_BENCH_ERR: errFile }, encoding: 'utf8' });
  const times = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr);
  if (result.status !== 0 || !times) {
    throw new Error(`bench: ${argv.join(' ')} failed (exit ${result.status}): ${readFileSync(errFile, 'utf8')}${result.stderr}`);
  }
  const [, real, user, sys] = times.map(Number) as [number, number, number, number];
  return { wallMs: real * 1000, cpuMs: (user + sys) * 1000 };
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** user + system CPU of a running process, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
function cpuOfRunning(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

/** Spawns the reader on a free port; the time and CPU until GET / first answers 200. */
async function readerStart(cwd: string): Promise<Sample & { articleMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (data: Buffer) => {
        out += data.toString();
        const match = /reader at (http:\/\/\S+?)\/?\s/.exec(out);
        if (match) resolve(match[1]!);
      });
      void exited.then((code) => reject(new Error(`bench: serve exited ${code} before listening: ${stderr}`)));
    });
    const home = await fetch(`${url}/`);
    await home.text();
    const wallMs = performance.now() - started;
    const cpuMs = cpuOfRunning(child.pid!);
    if (home.status !== 200) throw new Error(`bench: GET / answered ${home.status}`);
    // The first article page loads what rendering an article needs (sanitizer, diff): measured too.
    const before = performance.now();
    const article = await fetch(`${url}/articles/1`);
    await article.text();
    if (article.status !== 200) throw new Error(`bench: GET /articles/1 answered ${article.status}`);
    return { wallMs, cpuMs, articleMs: performance.now() - before };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const ms = (value: number): string => `${Math.round(value)}`.padStart(6);
/** Pads to a terminal width: a CJK character takes two columns. */
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].reduce((w, ch) => w + (/\p{sc=Han}/u.test(ch) ? 2 : 1), 0)));

async function main(): Promise<void> {
  console.error('bench: npm run build');
  must(spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' }), 'npm run build');

  const dir = mkdtempSync(join(tmpdir(), 'nv-bench-startup-'));
  try {
    console.error(`bench: newsvault demo ${dir}`);
    must(spawnSync(process.execPath, [CLI, 'demo', dir], { cwd: dir, encoding: 'utf8' }), 'newsvault demo');
    // One search first, so the index is built and the page cache warm: what is measured is start-up.
    must(spawnSync(process.execPath, [CLI, 'search', '习近平'], { cwd: dir, encoding: 'utf8' }), 'newsvault search');

    const cases: { name: string; argv: string[] }[] = [
      { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
      { name: 'newsvault --version', argv: [process.execPath, CLI, '--version'] },
      { name: 'newsvault search 习近平', argv: [process.execPath, CLI, 'search', '习近平'] },
    ];
    const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
    const reader: (Sample & { articleMs: number })[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const c of cases) samples.get(c.name)!.push(timed(c.argv, dir));
      reader.push(await readerStart(dir));
      console.error(`bench: run ${run + 1} of ${RUNS} done`);
    }

    const baseline = stats(samples.get('node -e 0')!.map((s) => s.cpuMs)).median;
    console.log(`\nstart-up, ${RUNS} cold runs each, Node ${process.version}; CPU = user + system ms; ratio = median CPU / median CPU of node -e 0`);
    console.log('command                          CPU min median    max   wall min median    max   ratio');
    const row = (name: string, list: Sample[]): number => {
      const cpu = stats(list.map((s) => s.cpuMs));
      const wall = stats(list.map((s) => s.wallMs));
      const ratio = cpu.median / baseline;
      console.log(
        `${pad(name, 30)} ${ms(cpu.min)} ${ms(cpu.median)} ${ms(cpu.max)}   ${ms(wall.min)} ${ms(wall.median)} ${ms(wall.max)}   ${ratio.toFixed(2).padStart(5)}×`,
      );
      return ratio;
    };
    for (const c of cases) row(c.name, samples.get(c.name)!);
    row('serve: spawn → first GET /', reader);
    const article = stats(reader.map((r) => r.articleMs));
    console.log(`then the first GET /articles/1: ${Math.round(article.min)} / ${Math.round(article.median)} / ${Math.round(article.max)} ms wall (min / median / max)`);

    const version = stats(samples.get('newsvault --version')!.map((s) => s.cpuMs)).median / baseline;
    const search = stats(samples.get('newsvault search 习近平')!.map((s) => s.cpuMs)).median / baseline;
    const serve = stats(reader.map((r) => r.wallMs)).median;
    const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    console.log(`\ntargets: --version ≤ 3× (${version.toFixed(2)}×, ${verdict(version <= 3)}); search ≤ 6× (${search.toFixed(2)}×, ${verdict(search <= 6)}); reader answers within 1 s (median ${Math.round(serve)} ms, ${verdict(serve <= 1000)})`);
  } finally {
    if (KEEP) console.error(`bench: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
