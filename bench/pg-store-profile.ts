// `node --import tsx bench/pg-store-profile.ts`: where a first cycle's storing time goes on PostgreSQL (issue 14,
// gap 2). In one process, BENCH_RUNS (≥ 3) repeats of: a first cycle of BENCH_SOURCES (20) loopback sources ×
// BENCH_ITEMS (20) new full-text items into a new SQLite file, then into a new PostgreSQL database (throwaway
// cluster, test-support.ts, fsync off) with source leases as `newsvault run` takes them. Git off: only the
// sources phase (fetch, parse, clean, store) is compared. On PostgreSQL every statement is counted and timed
// (pg.Client.prototype.query, which pooled and transaction queries both go through) while the sources phase runs,
// and the server's CPU time is read from /proc for its processes. Reports min / median / max per engine and the
// statements per article, most frequent first.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { configFromValue } from '../src/config/index.ts';
import { createContentPipeline } from '../src/cycle/prepare-content.ts';
import { runCycle } from '../src/cycle/run-cycle.ts';
import { createFetcher } from '../src/fetch/index.ts';
import { openStore } from '../src/store/open-store.ts';
import { startPostgresCluster } from '../src/store/postgres/test-support.ts';
import { serveFeeds } from './feed-server.ts';
import { rssFeed } from './generate.ts';

const RUNS = Math.max(3, Number(process.env['BENCH_RUNS'] ?? 3));
const SOURCES = Number(process.env['BENCH_SOURCES'] ?? 20);
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 20);

interface Statement {
  count: number;
  ms: number;
}
const statements = new Map<string, Statement>();
let counting = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (!counting) return query.apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text ?? '?');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const start = performance.now();
  const done = () => {
    const entry = statements.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += performance.now() - start;
    statements.set(key, entry);
  };
  // pg.Pool's query passes a callback (and gets no promise); a checked-out client's query returns one.
  const callback = args.at(-1);
  if (typeof callback === 'function') {
    args[args.length - 1] = (...results: unknown[]) => {
      done();
      return (callback as (...r: unknown[]) => unknown)(...results);
    };
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  if (result instanceof Promise) result.then(done, done);
  return result;
} as typeof pg.Client.prototype.query;

/** User + system CPU seconds of every process of the cluster (postmaster and its children), from /proc. */
function serverCpuS(folder: string): number {
  const postmaster = Number(readFileSync(join(folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = Number(process.env['CLK_TCK'] ?? 100);
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between the listing and the read
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid !== postmaster && Number(fields[1]) !== postmaster) continue;
    total += (Number(fields[11]) + Number(fields[12])) / ticks;
  }
  return total;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(2)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} / ${sorted.at(-1)!.toFixed(2)}`;
};
const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

async function main(): Promise<void> {
  const feeds = new Map<string, Buffer>();
  for (let i = 0; i < SOURCES; i++) feeds.set(`/s${i}.xml`, Buffer.from(rssFeed({ title: `来源${i}`, items: ITEMS, seed: 1000 + i }), 'utf8'));
  const { server, base } = await serveFeeds(feeds);
  const cluster = await startPostgresCluster();
  const parent = mkdtempSync(join(tmpdir(), 'nv-pg-profile-'));
  const results: Record<'sqlite' | 'postgresql', { sourcesS: number[]; nodeCpuS: number[]; serverCpuS: number[] }> = {
    sqlite: { sourcesS: [], nodeCpuS: [], serverCpuS: [] },
    postgresql: { sourcesS: [], nodeCpuS: [], serverCpuS: [] },
  };
  const loads: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const engine of ['sqlite', 'postgresql'] as const) {
        const root = mkdtempSync(join(parent, `${engine}-`));
        mkdirSync(join(root, 'archive'));
        const database = engine === 'sqlite' ? join(root, 'db.sqlite') : await cluster.createDatabase();
        const config = configFromValue(
          {
            output: join(root, 'archive'),
            database,
            sources: [...feeds.keys()].map((path, i) => ({ id: `s${i}`, name: `来源${i}`, url: `${base}${path}`, fulltext: 'feed' })),
            git: { commit: false, push: false },
            recheck: { perRun: 0 },
            fetch: { concurrency: 16, perHostConcurrency: 16 },
          },
          null,
          root,
        );
        const opened = await openStore(config);
        const fetcher = createFetcher({ concurrency: 16, perHostConcurrency: 16 });
        const content = createContentPipeline({ config, fetcher, cacheDir: join(root, 'cache') });
        let sourcesEnd = { cpu: process.cpuUsage(), server: 0 };
        let done = 0;
        const startCpu = process.cpuUsage();
        const startServer = engine === 'postgresql' ? serverCpuS(cluster.folder) : 0;
        loads.push(load());
        counting = engine === 'postgresql';
        const result = await runCycle({
          config,
          store: opened.store,
          fetcher,
          content,
          now: () => new Date(),
          ...(engine === 'postgresql' ? { leases: { leases: opened.leases, holder: `profile-${run}` } } : {}),
          onSourceDone: () => {
            if (++done < SOURCES) return;
            counting = false;
            sourcesEnd = { cpu: process.cpuUsage(startCpu), server: engine === 'postgresql' ? serverCpuS(cluster.folder) - startServer : 0 };
          },
        });
        counting = false;
        await fetcher.close();
        await opened.store.close();
        const added = result.sources.reduce((sum, source) => sum + source.newCount, 0);
        if (added !== SOURCES * ITEMS) throw new Error(`bench: ${engine} stored ${added} of ${SOURCES * ITEMS}: ${result.errors.join('; ')}`);
        results[engine].sourcesS.push(result.timings.sourcesMs / 1000);
        results[engine].nodeCpuS.push((sourcesEnd.cpu.user + sourcesEnd.cpu.system) / 1e6);
        results[engine].serverCpuS.push(sourcesEnd.server);
        rmSync(root, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
    await cluster.stop();
    rmSync(parent, { recursive: true, force: true });
  }
  const articles = SOURCES * ITEMS * RUNS;
  console.log(`${SOURCES} sources × ${ITEMS} new items, ${RUNS} repeats; 1-minute load at each start: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
  console.log('engine      sources phase s (min/median/max)   node CPU s            server CPU s');
  for (const engine of ['sqlite', 'postgresql'] as const) {
    const r = results[engine];
    console.log(`${engine.padEnd(11)} ${stats(r.sourcesS).padEnd(34)} ${stats(r.nodeCpuS).padEnd(21)} ${engine === 'sqlite' ? '-' : stats(r.serverCpuS)}`);
  }
  const total = [...statements.values()].reduce((sum, s) => sum + s.count, 0);
  console.log(`\nPostgreSQL statements in the sources phase: ${(total / articles).toFixed(2)} per article (${total} over ${RUNS} runs)`);
  console.log('per article  latency ms (mean)  statement');
  for (const [key, s] of [...statements.entries()].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`${(s.count / articles).toFixed(2).padStart(11)}  ${(s.ms / s.count).toFixed(2).padStart(17)}  ${key}`);
  }
}

await main();
