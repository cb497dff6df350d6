// Search benchmark: `npm run bench:search`. Sizes: BENCH_SIZES (default 100000; 100000,1000000 for both).
//
// The index is built the way hourly cycles build it: articles arrive BENCH_BATCH at a time (default 21,
// 500 articles a day over 24 cycles), each batch one transaction through indexBatch (src/search/indexer.ts,
// what every cycle calls through SearchIndex.index), no rebuild and no 'optimize'. The named alternative is the
// same index after `newsvault reindex` (reindexAll: one segment after 'optimize'), made here by copying
// the cycle-built file and running 'optimize' on the copy, which yields the same one-segment index as a
// rebuild from the same documents without paying a second build.
//
// Both are cached under BENCH_CACHE (default $TMPDIR/newsvault-bench-search), in a folder named by size,
// batch, seed and a hash of the code that decides the index's shape (corpus generator, indexer, schema,
// tokenizer, fold); an interrupted build resumes where its last committed batch ended.
// Build times are printed (cumulative across resumes). BENCH_BUILD_ONLY=1 builds both and stops.
//
// Queries: the 20 of search-corpus.ts (common words, rare words, phrases, source/date/status filters,
// relevance order). Each repetition (BENCH_REPS, default 3) is a fresh child process per index that runs
// every query once unmeasured (statements, 简/繁 tables), then BENCH_ROUNDS rounds (default 10) of all 20,
// timing each search() call; the two indexes alternate so both see the same machine load. The table gives
// min / median / max over repetitions of each repetition's p50 and p99. Then the bounded relevance ranking
// is compared with ranking every match (search-recall.ts; BENCH_RECALL=0 skips it).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELEVANCE_WINDOW, search, SearchError } from '../src/search/index.ts';
import { describeCommit, loadAverages, percentile, spread } from './measure.ts';
import { buildCycleIndex, searchCacheDir } from './search-cache.ts';
import { queries, recallQueries, vocabulary } from './search-corpus.ts';
import { measureRecall } from './search-recall.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number).filter((n) => n > 0);
const BATCH = Number(process.env.BENCH_BATCH ?? 21);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SELF = fileURLToPath(import.meta.url);

// ---------- building ----------

interface BuildInfo {
  docs: number;
  seconds: number;
  optimizeSeconds?: number;
}

function readInfo(file: string): BuildInfo | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildInfo) : null;
}

function open(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** The alternative: the same documents as one optimized segment, as after `newsvault reindex`. */
function buildOptimized(dir: string): BuildInfo {
  const file = join(dir, 'optimized.sqlite');
  const infoFile = join(dir, 'optimized.json');
  const cached = readInfo(infoFile);
  if (cached !== null) return cached;
  copyFileSync(join(dir, 'cycles.sqlite'), file);
  const db = open(file);
  const t0 = performance.now();
  db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  const optimizeSeconds = (performance.now() - t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const info = { ...(readInfo(join(dir, 'cycles.json')) as BuildInfo), optimizeSeconds };
  writeFileSync(infoFile, JSON.stringify(info));
  return info;
}

/** FTS5's structure record (rowid 10 of search_fts_data): segments per level. */
function segmentsPerLevel(db: Database.Database): number[] {
  const data = db.prepare('SELECT block FROM search_fts_data WHERE id = 10').pluck().get() as Buffer;
  let i = 4; // cookie
  if (data[i] === 0xff && data[i + 1] === 0 && data[i + 2] === 0 && data[i + 3] === 1) i += 4; // structure v2
  const v2 = i === 8;
  const varint = (): number => {
    let value = 0;
    for (let k = 0; k < 9; k++) {
      const b = data[i++] as number;
      if (k === 8) return value * 256 + b;
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    return value;
  };
  const levels = varint();
  varint(); // total segments
  varint(); // write counter
  const out: number[] = [];
  for (let l = 0; l < levels; l++) {
    varint(); // segments being merged
    const segments = varint();
    out.push(segments);
    for (let s = 0; s < segments; s++) {
      varint(); // id
      varint(); // first page
      varint(); // last page
      if (v2) for (let f = 0; f < 5; f++) varint(); // origin 1/2, tombstone pages, tombstone entries, entries
    }
  }
  return out;
}

function describe(file: string): string {
  const db = new Database(file, { readonly: true });
  const levels = segmentsPerLevel(db);
  db.close();
  const total = levels.reduce((a, b) => a + b, 0);
  return `${(statSync(file).size / 1e6).toFixed(0)} MB file; FTS5 segments ${total} (per level: ${levels.map((n, l) => `${l}:${n}`).filter((_, l) => (levels[l] as number) > 0).join(' ')})`;
}

// ---------- measuring (child process) ----------

interface Measured {
  /** Per query of queries(): milliseconds of each timed search() call, wall clock and CPU (user + system). */
  samples: number[][];
  cpu: number[][];
  totals: string[];
}

function measure(file: string): Measured {
  const db = new Database(file, { readonly: true });
  const list = queries(vocabulary());
  const totals: string[] = [];
  for (const q of list) {
    const r = search(db, q.q, { order: q.order ?? 'newest', timeLimitMs: 10_000 });
    if (r instanceof SearchError) throw r;
    totals.push(r.total === null ? `${r.totalAtLeast}+` : String(r.total));
  }
  const samples: number[][] = list.map(() => []);
  const cpu: number[][] = list.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    list.forEach((q, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = search(db, q.q, { order: q.order ?? 'newest', timeLimitMs: 10_000 });
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (r instanceof SearchError) throw r;
      samples[i]?.push(ms);
      cpu[i]?.push((c.user + c.system) / 1000);
    });
  }
  db.close();
  return { samples, cpu, totals };
}

function measureInChild(file: string): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, '--measure', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_ROUNDS: String(ROUNDS) },
  });
  return JSON.parse(out) as Measured;
}

// ---------- report ----------

async function run(size: number, vocab: ReturnType<typeof vocabulary>): Promise<void> {
  const dir = searchCacheDir(size, BATCH);
  mkdirSync(dir, { recursive: true });
  console.log(`\n## ${size.toLocaleString('en')} articles (cache ${dir})`);
  console.error(`building the cycle-built index (${BATCH} articles per transaction), load ${loadAverages(1)}`);
  const built = buildCycleIndex(dir, size, BATCH, vocab);
  const optimized = buildOptimized(dir);
  const files = { cycles: join(dir, 'cycles.sqlite'), optimized: join(dir, 'optimized.sqlite') };
  console.log(`cycle-built: ${built.docs.toLocaleString('en')} articles in transactions of ${BATCH}, ${built.seconds.toFixed(0)} s (${((built.seconds * 1e6) / size).toFixed(0)} µs/article); ${describe(files.cycles)}`);
  if (process.env.BENCH_BUILD_ONLY === '1') return;
  console.log(`optimized copy ('optimize' took ${(optimized.optimizeSeconds ?? 0).toFixed(1)} s): ${describe(files.optimized)}`);

  const list = queries(vocab);
  const runs: Record<'cycles' | 'optimized', Measured[]> = { cycles: [], optimized: [] };
  const loads: string[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    loads.push(loadAverages(1));
    for (const variant of ['cycles', 'optimized'] as const) runs[variant].push(measureInChild(files[variant]));
  }
  console.log(`\n${REPS} repetitions × ${ROUNDS} rounds × ${list.length} queries, one child process per repetition and index; load averages at each repetition's start: ${loads.join('; ')}`);
  console.log('min / median / max over repetitions, milliseconds inside search(), wall clock and CPU (user + system, which the machine\'s load does not inflate):\n');
  console.log('| measure | cycle-built, wall | cycle-built, CPU | rebuilt + optimized, wall | rebuilt + optimized, CPU |');
  console.log('|---|---|---|---|---|');
  const classes = [...new Set(list.map((q) => q.cls))];
  const stat = (m: Measured, p: number, cls: string | undefined, cpu = false): number =>
    percentile(
      (cpu ? m.cpu : m.samples).flatMap((s, i) => (cls === undefined || list[i]?.cls === cls ? s : [])),
      p,
    );
  for (const [label, p, cls] of [
    ['all 20 queries, p50', 50, undefined],
    ['all 20 queries, p99', 99, undefined],
    ...classes.map((c) => [`${c}, p99`, 99, c] as const),
  ] as const) {
    const cells = (ms: Measured[]): string => `${spread(ms.map((m) => stat(m, p, cls)))} | ${spread(ms.map((m) => stat(m, p, cls, true)))}`;
    console.log(`| ${label} | ${cells(runs.cycles)} | ${cells(runs.optimized)} |`);
  }
  console.log('\nper query, median over repetitions of its p99 (wall / CPU), and its total:\n');
  console.log('| class | query | order | total | cycle-built ms | optimized ms |');
  console.log('|---|---|---|---|---|---|');
  list.forEach((q, i) => {
    const p99 = (ms: Measured[]): string =>
      `${percentile(ms.map((m) => percentile(m.samples[i] ?? [], 99)), 50).toFixed(1)} / ${percentile(ms.map((m) => percentile(m.cpu[i] ?? [], 99)), 50).toFixed(1)}`;
    console.log(`| ${q.cls} | \`${q.q}\` | ${q.order ?? 'newest'} | ${runs.cycles[0]?.totals[i]} | ${p99(runs.cycles)} | ${p99(runs.optimized)} |`);
  });

  // Ranking every match of a common word takes minutes at a million: BENCH_RECALL=0 leaves it out.
  if (process.env.BENCH_RECALL === '0') return;
  const db = new Database(files.cycles, { readonly: true });
  const rows = measureRecall(db, recallQueries(vocab));
  db.close();
  console.log(`\nrelevance: top 10 of search() (ranks the newest ${RELEVANCE_WINDOW} matches) against ranking every match, cycle-built index:\n`);
  console.log('| query | matches | recall@10 | bounded ms | every match ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| \`${r.query}\` | ${r.matches.toLocaleString('en')} | ${r.recall.toFixed(1)} | ${r.boundedMs.toFixed(1)} | ${r.exhaustiveMs.toFixed(0)} |`);
  console.log(`mean recall@10: ${(rows.reduce((a, r) => a + r.recall, 0) / rows.length).toFixed(2)}`);
}

if (process.argv[2] === '--measure') {
  process.stdout.write(JSON.stringify(measure(process.argv[3] as string)));
} else if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const vocab = vocabulary();
  console.log(`# search benchmark, ${new Date().toISOString()}: vocabulary ${vocab.simplified.length} words, sizes ${SIZES.join(', ')}, node ${process.version}`);
  for (const size of SIZES) await run(size, vocab);
}
