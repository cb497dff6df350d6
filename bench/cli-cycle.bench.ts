// `npm run bench:cli`: the cycle measured as an operator runs it (issue 15). Builds the project, then for
// each of BENCH_RUNS repeats (default 3, at least 3), in a fresh temp folder:
//   1. first cycle: a cold `node bin/newsvault.js run` process against a config file in that folder
//      (archive on disk, git on, push off, every other setting at its default), over BENCH_SOURCES loopback
//      sources (300) × BENCH_ITEMS new full-text items (50) served by this process on 127.0.0.1;
//   2. the hourly no-change cycle: another cold `run` in the same folder, where every feed answers 304.
// Each child runs under /usr/bin/time (apt package `time`), which reads wait4()'s rusage: wall time,
// user + system CPU of the whole process tree (Node, its start-up and module loading, and the git
// processes it waits for) and the peak RSS of the largest process in it. NODE_OPTIONS is removed from the
// child's environment: the default heap is what is measured. The load average (/proc/loadavg, 1 minute)
// is printed beside every run, since on a shared machine a single figure says little.
// BENCH_NODE_ARGS (space-separated) are put before the CLI in both children's node arguments, e.g.
// `BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` for a CPU profile of each cold run (while the feed
// server is still up). BENCH_KEEP=1 keeps each run's temp folder (config, archive, database) and prints it.
// The named alternative is the README's targets (issue 15): ≥ 1,000 articles/s on the first cycle, peak RSS
// under 300 MiB, the no-change cycle under 1 s of CPU for the whole process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFeeds, type FeedServer } from './feed-server.ts';
import { requireTime, runColdCli } from './cold-run.ts';
import { rssFeed } from './generate.ts';
import { describeCommit, loadAverage, stats } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(3, Number(process.env['BENCH_RUNS'] ?? 3));
const SOURCES = Number(process.env['BENCH_SOURCES'] ?? 300);
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 50);
const KEEP = process.env['BENCH_KEEP'] === '1';
const SKIP_BUILD = process.env['BENCH_SKIP_BUILD'] === '1';
const NODE_ARGS = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);

interface Measured {
  wallS: number;
  cpuS: number;
  userS: number;
  sysS: number;
  peakMiB: number;
  /** 1-minute load average just before and just after the child ran. */
  load: [number, number];
  exitCode: number;
  added: number;
  notModified: number;
  failed: number;
  /** The cycle's own phase timings (ms), from `run --json`: sources, recheck, publish, commit. */
  phases: number[];
}

function must(result: ReturnType<typeof spawnSync>, what: string): void {
  if (result.status !== 0) {
    throw new Error(`bench: ${what} failed (exit ${result.status}):\n${result.stdout?.toString() ?? ''}${result.stderr?.toString() ?? ''}`);
  }
}

/** The feeds, each with an ETag; a request that sends it back is answered 304. Links point here too. */
async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, Buffer>();
  const feedServer = await serveFeeds(feeds);
  const { base } = feedServer;
  for (let i = 0; i < SOURCES; i++) {
    // Article links on the same loopback server (they answer 404): a re-check never leaves the machine.
    const xml = rssFeed({ title: `来源${i}`, items: ITEMS, seed: 1000 + i }).replaceAll('https://news.example.com/', `${base}/`);
    feeds.set(`/s${i}.xml`, Buffer.from(xml, 'utf8'));
  }
  return feedServer;
}

function writeConfig(dir: string, base: string): string {
  const file = join(dir, 'newsvault.config.json');
  const config = {
    output: 'archive',
    database: 'newsvault.sqlite',
    sources: Array.from({ length: SOURCES }, (_, i) => ({ id: `s${i}`, name: `来源${i}`, url: `${base}/s${i}.xml` })),
    // One loopback host stands for many: the per-host limit is raised to the overall one (16, the default).
    fetch: { concurrency: 16, perHostConcurrency: 16 },
    git: { push: false },
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** One cold `run`, with the load average just before and after it. */
async function runCli(dir: string, config: string): Promise<Measured> {
  const loadBefore = loadAverage();
  const run = await runColdCli(dir, config, NODE_ARGS);
  const { result } = run;
  return {
    wallS: run.wallS,
    userS: run.userS,
    sysS: run.sysS,
    cpuS: run.cpuS,
    peakMiB: run.peakMiB,
    load: [loadBefore, loadAverage()],
    exitCode: run.exitCode,
    added: result.sources.reduce((sum, source) => sum + source.newCount, 0),
    notModified: result.sources.filter((source) => source.outcome === 'not-modified').length,
    failed: result.sources.filter((source) => source.outcome === 'failed').length,
    phases: Object.values(result.timings),
  };
}

async function main(): Promise<void> {
  requireTime();
  if (!SKIP_BUILD) {
    console.error('bench: npm run build');
    must(spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' }), 'npm run build');
  }
  const { server, base, served } = await startFeedServer();
  const first: Measured[] = [];
  const again: Measured[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const dir = mkdtempSync(join(tmpdir(), 'nv-bench-cli-'));
      try {
        const config = writeConfig(dir, base);
        first.push(await runCli(dir, config));
        again.push(await runCli(dir, config));
        const [a, b] = [first.at(-1)!, again.at(-1)!];
        console.error(
          `bench: run ${run + 1} of ${RUNS}: first ${a.wallS.toFixed(1)} s wall, ${a.added} articles (exit ${a.exitCode}); ` +
            `no-change ${b.cpuS.toFixed(2)} s CPU, ${b.notModified} × 304 (exit ${b.exitCode})`,
        );
      } finally {
        if (KEEP) console.error(`bench: kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
  }

  console.log(`\nnewsvault cold-process cycle benchmark: ${new Date().toISOString()}, commit ${describeCommit()}, Node ${process.version}`);
  console.log(`${SOURCES} loopback sources × ${ITEMS} new full-text items; ${RUNS} repeats, each in a fresh temp folder; ${served()} feed bodies served in all`);
  console.log('`node bin/newsvault.js run --json` under /usr/bin/time: CPU = user + system of the process and its children; RSS = peak of the largest');
  console.log(NODE_ARGS.length > 0 ? `node arguments (BENCH_NODE_ARGS): ${NODE_ARGS.join(' ')}: figures not comparable with runs without\n` : '');
  const row = (name: string, values: number[], digits: number): string => {
    const s = stats(values);
    return `| ${name} | ${s.min.toFixed(digits)} | ${s.median.toFixed(digits)} | ${s.max.toFixed(digits)} |`;
  };
  console.log('| measure | min | median | max |');
  console.log('|---|---|---|---|');
  console.log(row('first cycle: wall s', first.map((m) => m.wallS), 1));
  console.log(row('first cycle: CPU s (user + sys)', first.map((m) => m.cpuS), 1));
  console.log(row('first cycle: articles/s (articles / wall)', first.map((m) => m.added / m.wallS), 0));
  console.log(row('first cycle: peak RSS MiB', first.map((m) => m.peakMiB), 0));
  console.log(row('first cycle: phase sources s', first.map((m) => (m.phases[0] ?? 0) / 1000), 1));
  console.log(row('first cycle: phase publish s', first.map((m) => (m.phases[2] ?? 0) / 1000), 1));
  console.log(row('first cycle: phase git s', first.map((m) => (m.phases[3] ?? 0) / 1000), 1));
  console.log(row('no-change cycle: wall s', again.map((m) => m.wallS), 2));
  console.log(row('no-change cycle: CPU s (user + sys)', again.map((m) => m.cpuS), 2));
  console.log(row('no-change cycle: peak RSS MiB', again.map((m) => m.peakMiB), 0));
  console.log(row('no-change cycle: phase sources s', again.map((m) => (m.phases[0] ?? 0) / 1000), 2));
  console.log(row('no-change cycle: phase publish s', again.map((m) => (m.phases[2] ?? 0) / 1000), 2));
  console.log(row('no-change cycle: phase git s', again.map((m) => (m.phases[3] ?? 0) / 1000), 2));
  console.log('\n| run | cycle | exit | articles | 304s | failed | wall s | user s | sys s | peak MiB | phases s (sources/recheck/publish/git) | load 1-min before→after |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const detail = (run: number, name: string, m: Measured): void => {
    const phases = m.phases.map((ms) => (ms / 1000).toFixed(2)).join(' / ');
    console.log(
      `| ${run} | ${name} | ${m.exitCode} | ${m.added} | ${m.notModified} | ${m.failed} | ${m.wallS.toFixed(2)} | ${m.userS.toFixed(2)} | ${m.sysS.toFixed(2)} | ${m.peakMiB.toFixed(0)} | ${phases} | ${m.load[0].toFixed(2)}→${m.load[1].toFixed(2)} |`,
    );
  };
  first.forEach((m, i) => {
    detail(i + 1, 'first', m);
    detail(i + 1, 'no-change', again[i]!);
  });

  const rate = stats(first.map((m) => m.added / m.wallS)).median;
  const peak = stats(first.map((m) => m.peakMiB)).median;
  const idle = stats(again.map((m) => m.cpuS)).median;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  console.log(
    `\ntargets (README, issue 15), medians: first cycle ≥ 1,000 articles/s (${Math.round(rate)}, ${verdict(rate >= 1000)}); ` +
      `peak RSS < 300 MiB with the default heap (${Math.round(peak)}, ${verdict(peak < 300)}); ` +
      `no-change cycle < 1 s CPU, whole process (${idle.toFixed(2)} s, ${verdict(idle < 1)})`,
  );
  const bad = [...first, ...again].filter((m) => m.exitCode !== 0 || m.failed > 0);
  if (bad.length > 0) console.log(`warning: ${bad.length} of the runs exited non-zero or had failed sources: their figures are not comparable`);
}

await main();
