// `npm run bench:pg`: the first cycle on PostgreSQL with 1, 2 and 4 machines at once, against one on SQLite
// (issue 14, item 6). Builds the project, starts a throwaway PostgreSQL cluster (test-support.ts: Debian's
// postgresql, fsync off) and a loopback feed server with BENCH_SOURCES sources (100) × BENCH_ITEMS new
// full-text items (20). Each of BENCH_RUNS repeats (at least 3) runs, in this order, so all see similar load:
//   - sqlite ×1: one cold `node bin/newsvault.js run --json` with its own SQLite file;
//   - pg ×N (N = 1, 2, 4): N cold `run --json` processes started together on one new, empty database, each
//     with its own output folder, as N machines sharing the database would.
// Every process runs under /usr/bin/time (wall, user + system CPU of its tree, peak RSS), NODE_OPTIONS removed.
// Git is on (commit, no push), as an operator runs it; every other setting is the default.
//
// What is reported per configuration (min / median / max over repeats):
//   - all finished: wall time from starting the processes until the last one exited;
//   - storing: all articles stored / the longest `sources` phase (from `run --json`'s timings) among the
//     processes: fetching, parsing, cleaning and storing, without start-up, re-checks, publishing or git;
//   - start → all stored: from starting the processes until the last one's storing ended (its exit time less
//     its re-check, publish and git phases), so start-up and the processes' staggered starts are included;
//   - publishing: one process publishes at a time (advisory lock); a process that finds the lock held says
//     'publishing left to the other machine' and writes nothing, and whoever publishes next writes everything
//     still unpublished into its own folder. So the publish figure is the sum of the `publish` phases of the
//     processes that published, with how many did; the lock's waiting is none (it is tried, not waited for).
// After every run the store is checked: each source holds BENCH_ITEMS articles, each key once, numbers gapless
// from FIRST_ARTICLE_NUMBER down; a run that fails the check stops the benchmark.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { queryRows, startPostgresCluster, type PostgresCluster } from '../src/store/postgres/test-support.ts';
import { FIRST_ARTICLE_NUMBER } from '../src/store/types.ts';
import { serveFeeds, type FeedServer } from './feed-server.ts';
import { requireTime, runColdCli } from './cold-run.ts';
import { rssFeed } from './generate.ts';
import { describeCommit, loadAverage, stats } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(3, Number(process.env['BENCH_RUNS'] ?? 3));
const SOURCES = Number(process.env['BENCH_SOURCES'] ?? 100);
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 20);
const SKIP_BUILD = process.env['BENCH_SKIP_BUILD'] === '1';
const PG_MACHINES = [1, 2, 4];

interface Process {
  wallS: number;
  cpuS: number;
  peakMiB: number;
  exitCode: number;
  /** Seconds from starting all the processes of the run until this one exited (the bench's clock). */
  exitedS: number;
  added: number;
  failed: number;
  publishing: string;
  timings: { sourcesMs: number; recheckMs: number; publishMs: number; commitMs: number };
}

interface Run {
  config: string;
  wallS: number;
  processes: Process[];
  load: [number, number];
}

async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, Buffer>();
  const feedServer = await serveFeeds(feeds);
  for (let i = 0; i < SOURCES; i++) {
    // Article links on the same loopback server (they answer 404): nothing leaves the machine.
    const xml = rssFeed({ title: `来源${i}`, items: ITEMS, seed: 1000 + i }).replaceAll('https://news.example.com/', `${feedServer.base}/`);
    feeds.set(`/s${i}.xml`, Buffer.from(xml, 'utf8'));
  }
  return feedServer;
}

function writeConfig(dir: string, base: string, database: string): string {
  const file = join(dir, 'newsvault.config.json');
  const config = {
    output: 'archive',
    database,
    sources: Array.from({ length: SOURCES }, (_, i) => ({ id: `s${i}`, name: `来源${i}`, url: `${base}/s${i}.xml` })),
    // One loopback host stands for many: the per-host limit is raised to the overall one (16, the default).
    fetch: { concurrency: 16, perHostConcurrency: 16 },
    git: { push: false },
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** One cold `run` (cold-run.ts), and when it exited on the bench's clock `t0`. */
async function runCli(dir: string, config: string, t0: number): Promise<Process> {
  const run = await runColdCli(dir, config);
  const { result } = run;
  return {
    wallS: run.wallS,
    cpuS: run.cpuS,
    peakMiB: run.peakMiB,
    exitCode: run.exitCode,
    exitedS: (performance.now() - t0) / 1000,
    added: result.sources.reduce((sum, source) => sum + source.newCount, 0),
    failed: result.sources.filter((source) => source.outcome === 'failed').length,
    publishing: result.publishing ?? '',
    timings: result.timings as Process['timings'],
  };
}

interface SourceCount {
  source: string;
  n: number;
  keys: number;
  top: number;
  bottom: number;
}

const COUNT_SQL = `SELECT source_id AS source, COUNT(*) AS n, COUNT(DISTINCT key) AS keys, MAX(number) AS top, MIN(number) AS bottom
  FROM articles GROUP BY source_id ORDER BY source_id`;

/** Every source holds ITEMS articles, each key once, numbers gapless from FIRST_ARTICLE_NUMBER down. */
function checkCounts(counts: SourceCount[], config: string): void {
  const problems: string[] = [];
  if (counts.length !== SOURCES) problems.push(`${counts.length} sources stored, not ${SOURCES}`);
  for (const c of counts.map((row) => ({ ...row, n: Number(row.n), keys: Number(row.keys), top: Number(row.top), bottom: Number(row.bottom) }))) {
    if (c.n !== ITEMS || c.keys !== ITEMS || c.top !== FIRST_ARTICLE_NUMBER || c.bottom !== FIRST_ARTICLE_NUMBER - ITEMS + 1) {
      problems.push(`${c.source}: ${c.n} rows, ${c.keys} keys, numbers ${c.bottom}..${c.top}`);
    }
  }
  if (problems.length > 0) throw new Error(`bench: ${config}: the store is not what the feeds hold:\n${problems.slice(0, 20).join('\n')}`);
}

async function pgCounts(url: string): Promise<SourceCount[]> {
  return queryRows<SourceCount & pg.QueryResultRow>(url, COUNT_SQL);
}

function sqliteCounts(file: string): SourceCount[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(COUNT_SQL).all() as SourceCount[];
  } finally {
    db.close();
  }
}

/** `machines` processes at once on `database` (a postgresql:// URL, or null: each its own SQLite file). */
async function runMachines(config: string, machines: number, base: string, database: string | null): Promise<Run> {
  const dirs = Array.from({ length: machines }, () => mkdtempSync(join(tmpdir(), 'nv-bench-pg-')));
  try {
    const configs = dirs.map((dir) => writeConfig(dir, base, database ?? 'newsvault.sqlite'));
    const loadBefore = loadAverage();
    const t0 = performance.now();
    const processes = await Promise.all(dirs.map((dir, i) => runCli(dir, configs[i]!, t0)));
    const wallS = (performance.now() - t0) / 1000;
    const counts = database === null ? sqliteCounts(join(dirs[0]!, 'newsvault.sqlite')) : await pgCounts(database);
    checkCounts(counts, config);
    return { config, wallS, processes, load: [loadBefore, loadAverage()] };
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const stored = (run: Run): number => run.processes.reduce((sum, p) => sum + p.added, 0);
const storingS = (run: Run): number => Math.max(...run.processes.map((p) => p.timings.sourcesMs)) / 1000;
/** From starting the processes until the last one's storing ended (its exit less its later phases): start-up included. */
const storedByS = (run: Run): number =>
  Math.max(...run.processes.map((p) => p.exitedS - (p.timings.recheckMs + p.timings.publishMs + p.timings.commitMs) / 1000));
const published = (run: Run): Process[] => run.processes.filter((p) => p.publishing === 'published');

async function main(): Promise<void> {
  requireTime();
  if (!SKIP_BUILD) {
    console.error('bench: npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`bench: npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  const feeds = await startFeedServer();
  let cluster: PostgresCluster | null = null;
  const runs: Run[] = [];
  try {
    cluster = await startPostgresCluster();
    for (let repeat = 0; repeat < RUNS; repeat++) {
      const plan: [string, number, string | null][] = [['sqlite ×1', 1, null]];
      for (const n of PG_MACHINES) plan.push([`pg ×${n}`, n, await cluster.createDatabase()]);
      for (const [config, machines, database] of plan) {
        const run = await runMachines(config, machines, feeds.base, database);
        runs.push(run);
        console.error(
          `bench: repeat ${repeat + 1} of ${RUNS}, ${config}: all finished ${run.wallS.toFixed(1)} s, ${stored(run)} articles, ` +
            `storing ${(stored(run) / storingS(run)).toFixed(0)}/s, published by ${published(run).length}, ` +
            `exits ${run.processes.map((p) => p.exitCode).join(',')}, load ${run.load[0].toFixed(2)}→${run.load[1].toFixed(2)}`,
        );
      }
    }
  } finally {
    feeds.server.close();
    await cluster?.stop();
  }

  const configs = [...new Set(runs.map((run) => run.config))];
  const loads = runs.flatMap((run) => run.load);
  console.log(`\nnewsvault first cycle on PostgreSQL: ${new Date().toISOString()}, commit ${describeCommit()}, Node ${process.version}`);
  console.log(
    `${SOURCES} loopback sources × ${ITEMS} new full-text items = ${SOURCES * ITEMS} articles per run; ${RUNS} repeats; ` +
      `1-minute load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (shared 2-core machine)`,
  );
  console.log('each cell: min / median / max over repeats; every run checked: each item stored once, numbers gapless\n');
  const cell = (values: number[], digits: number): string => {
    const s = stats(values);
    return `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
  };
  console.log('| store × processes | all finished, wall s | storing, articles/s | longest sources phase s | start → all stored s | publish phase s (sum) | processes that published | CPU s, all processes | peak RSS MiB, largest |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const config of configs) {
    const of = runs.filter((run) => run.config === config);
    console.log(
      `| ${config} | ${cell(of.map((r) => r.wallS), 1)} | ${cell(of.map((r) => stored(r) / storingS(r)), 0)} | ${cell(of.map(storingS), 1)} | ${cell(of.map(storedByS), 1)} | ` +
        `${cell(of.map((r) => published(r).reduce((sum, p) => sum + p.timings.publishMs, 0) / 1000), 1)} | ` +
        `${of.map((r) => published(r).length).join(', ')} | ${cell(of.map((r) => r.processes.reduce((sum, p) => sum + p.cpuS, 0)), 1)} | ` +
        `${cell(of.map((r) => Math.max(...r.processes.map((p) => p.peakMiB))), 0)} |`,
    );
  }
  console.log('\n| run | config | all finished s | per process: exit, articles, publishing, phases s (sources/recheck/publish/git), wall s | load before→after |');
  console.log('|---|---|---|---|---|');
  runs.forEach((run, i) => {
    const detail = run.processes
      .map((p) => {
        const t = p.timings;
        const phases = [t.sourcesMs, t.recheckMs, t.publishMs, t.commitMs].map((ms) => (ms / 1000).toFixed(1)).join('/');
        return `${p.exitCode}, ${p.added}, ${p.publishing}, ${phases}, ${p.wallS.toFixed(1)}`;
      })
      .join('; ');
    console.log(`| ${Math.floor(i / configs.length) + 1} | ${run.config} | ${run.wallS.toFixed(1)} | ${detail} | ${run.load[0].toFixed(2)}→${run.load[1].toFixed(2)} |`);
  });
  const bad = runs.filter((run) => run.processes.some((p) => p.exitCode !== 0 || p.failed > 0));
  if (bad.length > 0) console.log(`warning: ${bad.length} runs had a process exit non-zero or a failed source: their figures are not comparable`);
}

await main();
