// `npm run bench`: fetch/parse/cycle performance, measured against named alternatives in the same run.
// Each scenario runs BENCH_REPS times (at least 3), each in its own child process so its peak memory (maxRSS) is
// its own; the tables give min / median / max over the runs.
//   1. parse throughput on one 1,000-item full-text feed: newsvault vs rss-parser (the old system's)
//   2. a no-change cycle over 300 sources that all answer 304: wall and CPU time
//   3. a cycle over 300 sources with 50 new items each: wall time, articles/s, peak memory
//   4. peak memory while parsing one 100 MB feed (streamed), vs rss-parser on the same file
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFeeds } from './feed-server.ts';
import { rssFeed } from './generate.ts';
import { describeCommit, loadAverage, spread } from './measure.ts';

type Row = Record<string, string | number>;

const MiB = 1024 * 1024;
const REPS = Math.max(3, Number(process.env['BENCH_REPS'] ?? 3));
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function parseThroughput(): Promise<Row[]> {
  const { parseFeed } = await import('../src/parse/index.ts');
  const { normalizeFeed } = await import('../src/normalize/index.ts');
  const { default: RssParser } = await import('rss-parser');
  const xml = rssFeed({ title: '基准', items: 1000, seed: 1 });
  const bytes = Buffer.from(xml, 'utf8');
  const now = new Date();
  const rounds = 5;

  const time = async (fn: () => unknown | Promise<unknown>) => {
    await fn(); // warm-up
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) await fn();
    return Number(process.hrtime.bigint() - start) / 1e9 / rounds;
  };
  const ours = await time(() => normalizeFeed(parseFeed(bytes), { feedUrl: 'https://news.example.com/feed', now }));
  const parser = new RssParser();
  // Both start from the bytes a server sent: rss-parser takes a string, so it pays for UTF-8 decoding
  // too (it cannot detect another charset; newsvault's decodeText also checks which one it is).
  const theirs = await time(() => parser.parseString(bytes.toString('utf8')));
  const mb = bytes.byteLength / MiB;
  return [
    { parser: 'newsvault parseFeed+normalizeFeed', 'items/s': Math.round(1000 / ours), 'MB/s': +(mb / ours).toFixed(1), 'ms/feed': +(ours * 1000).toFixed(1) },
    { parser: 'rss-parser parseString(bytes.toString())', 'items/s': Math.round(1000 / theirs), 'MB/s': +(mb / theirs).toFixed(1), 'ms/feed': +(theirs * 1000).toFixed(1) },
    { parser: 'ratio (newsvault / rss-parser), times', 'items/s': +(theirs / ours).toFixed(2), 'MB/s': '', 'ms/feed': '' },
  ];
}

async function cycleOver(sources: number, itemsPerSource: number, parent: string): Promise<Row[]> {
  const { configFromValue } = await import('../src/config/index.ts');
  const { runCycle } = await import('../src/cycle/run-cycle.ts');
  const { createContentPipeline } = await import('../src/cycle/prepare-content.ts');
  const { createQueuedIndexer } = await import('../src/cycle/search-indexer.ts');
  const { createFetcher } = await import('../src/fetch/index.ts');
  const { openStore } = await import('../src/store/open-store.ts');
  const { git } = await import('../src/git/exec.ts');

  const feeds = new Map<string, Buffer>();
  for (let i = 0; i < sources; i++) {
    feeds.set(`/s${i}.xml`, Buffer.from(rssFeed({ title: `来源${i}`, items: itemsPerSource, seed: 1000 + i }), 'utf8'));
  }
  // Ten hosts' worth of sources on one loopback server (distinct host names via 127.0.0.x would need
  // resolver tricks; the per-host limit is set to the overall limit here instead).
  const { server, base, served } = await serveFeeds(feeds);

  const root = mkdtempSync(join(parent, 'nv-bench-'));
  const output = join(root, 'archive');
  mkdirSync(output);
  await git(output, ['init', '--quiet']);
  const config = configFromValue(
    {
      output,
      database: join(root, 'db.sqlite'),
      sources: [...feeds.keys()].map((path, i) => ({ id: `s${i}`, name: `来源${i}`, url: `${base}${path}`, fulltext: 'feed' })),
      git: { push: false },
      fetch: { concurrency: 16, perHostConcurrency: 16 },
    },
    null,
    root,
  );
  const once = async () => {
    const { store, search } = await openStore(config);
    const fetcher = createFetcher({ concurrency: 16, perHostConcurrency: 16 });
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    // The same pieces `newsvault run` uses: content pipeline (feeds here carry full text) and search index.
    const content = createContentPipeline({ config, fetcher, cacheDir: join(root, 'cache') });
    await search.prepare();
    const indexer = createQueuedIndexer(search);
    const result = await runCycle({ config, store, fetcher, content, indexArticles: indexer.indexArticles, now: () => new Date() });
    await indexer.flush();
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    await fetcher.close();
    await store.close();
    const added = result.sources.reduce((sum, source) => sum + source.newCount, 0);
    const failed = result.sources.filter((source) => source.outcome === 'failed').length;
    return { wall, cpu: (used.user + used.system) / 1e6, added, failed, notModified: result.sources.filter((s) => s.outcome === 'not-modified').length, timings: result.timings };
  };
  const first = await once();
  const second = await once();
  server.close();
  rmSync(root, { recursive: true, force: true });
  return [
    {
      run: `first: ${sources} sources x ${itemsPerSource} new items`,
      'wall s': +first.wall.toFixed(2),
      'CPU s': +first.cpu.toFixed(2),
      articles: first.added,
      'articles/s': Math.round(first.added / first.wall),
      failed: first.failed,
      'peak MiB': peakMiB(),
      ...phaseSeconds(first.timings),
    },
    {
      run: `no change: ${sources} sources answer 304`,
      'wall s': +second.wall.toFixed(2),
      'CPU s': +second.cpu.toFixed(2),
      articles: second.added,
      'articles/s': '',
      failed: second.failed,
      'peak MiB': `${second.notModified} x 304, ${served()} bodies served in all`,
      ...phaseSeconds(second.timings),
    },
  ];
}

/** The cycle's phases (run --json timings: sources, recheck, publish, commit), in seconds, one column each. */
function phaseSeconds(timings: Record<string, number>): Row {
  const row: Row = {};
  for (const [name, ms] of Object.entries(timings)) row[`${name.replace(/Ms$/, '')} s`] = +(ms / 1000).toFixed(2);
  return row;
}

async function bigFeed(which: 'newsvault' | 'rss-parser'): Promise<Row[]> {
  const file = join(tmpdir(), 'nv-bench-100mb.xml');
  const size = statSync(file).size;
  const start = process.hrtime.bigint();
  let items = 0;
  if (which === 'newsvault') {
    const { parseFeedChunks } = await import('../src/parse/index.ts');
    await parseFeedChunks(createReadStream(file, { highWaterMark: 1 * MiB }), {}, () => void items++);
  } else {
    const { readFileSync } = await import('node:fs');
    const { default: RssParser } = await import('rss-parser');
    items = (await new RssParser().parseString(readFileSync(file, 'utf8'))).items.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return [{ parser: which, 'feed MiB': Math.round(size / MiB), items, 's': +seconds.toFixed(1), 'peak MiB': peakMiB() }];
}

function writeBigFeed(): void {
  const file = join(tmpdir(), 'nv-bench-100mb.xml');
  const chunk = rssFeed({ title: '大', items: 1000, seed: 7 });
  const body = chunk.slice(chunk.indexOf('<item>'), chunk.lastIndexOf('</channel>'));
  const head = chunk.slice(0, chunk.indexOf('<item>'));
  const copies = Math.ceil((100 * MiB) / Buffer.byteLength(body));
  const parts = [head];
  for (let i = 0; i < copies; i++) parts.push(body.replaceAll('<guid isPermaLink="false">7-', `<guid isPermaLink="false">7-${i}-`));
  parts.push('</channel>\n</rss>\n');
  writeFileSync(file, parts.join(''));
}

const scenarios: Record<string, () => Promise<Row[]>> = {
  parse: parseThroughput,
  cycle: () => cycleOver(Number(process.env['BENCH_SOURCES'] ?? 300), Number(process.env['BENCH_ITEMS'] ?? 50), tmpdir()),
  // The same cycle with the archive on tmpfs: what is left is CPU, not the disk.
  'cycle-tmpfs': () => cycleOver(Number(process.env['BENCH_SOURCES'] ?? 300), Number(process.env['BENCH_ITEMS'] ?? 50), '/dev/shm'),
  'big-newsvault': () => bigFeed('newsvault'),
  'big-rss-parser': () => bigFeed('rss-parser'),
};

function printTable(title: string, rows: Row[]): void {
  console.log(`\n## ${title}\n`);
  const columns = Object.keys(rows[0] ?? {});
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((column) => String(row[column] ?? '')).join(' | ')} |`);
}

const scenario = process.argv[2];
if (scenario) {
  const rows = await scenarios[scenario]!();
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const loads: number[] = [];
  const once = (name: string, extraArgs: readonly string[]): Row[] => {
    loads.push(loadAverage());
    const child = spawnSync(process.execPath, [...extraArgs, '--import', 'tsx', self, name], { encoding: 'utf8', maxBuffer: 64 * MiB });
    if (child.status !== 0) {
      return [{ scenario: name, error: (child.stderr || child.stdout).trim().split('\n').slice(-3).join(' ') }];
    }
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as Row[];
  };
  /** REPS runs of one scenario, each its own child process: every number becomes min / median / max. */
  const run = (name: string, extraArgs: readonly string[] = []): Row[] => {
    const runs = Array.from({ length: REPS }, () => once(name, extraArgs));
    return runs[0]!.map((row, index) => {
      const merged: Row = {};
      for (const column of Object.keys(row)) {
        const values = runs.map((rows) => rows[index]?.[column]);
        const numbers = values.filter((value): value is number => typeof value === 'number');
        if (numbers.length === values.length) merged[column] = spread(numbers, Number.isInteger(numbers[0]) ? 0 : 2);
        else merged[column] = [...new Set(values.map(String))].join('; ');
      }
      return merged;
    });
  };
  console.log(`newsvault benchmark — node ${process.version}, ${new Date().toISOString()}, commit ${describeCommit()}`);
  console.log(`Each scenario runs ${REPS} times, each time in its own child process (BENCH_REPS); figures are min / median / max.`);
  printTable('1. Parse a 1,000-item full-text feed (~1,500 chars per item)', run('parse'));
  printTable('2 + 3. Cycles over 300 loopback sources (first run: 50 new items each; second run: all 304), archive on disk', run('cycle'));
  // Peak RSS above is mostly garbage V8 has not collected yet (the default heap limit on a 24 GiB machine
  // is large); the same cycle with the heap capped shows the working set.
  if (existsSync('/dev/shm')) {
    printTable('2 + 3 again, archive and database on tmpfs (/dev/shm), node --max-old-space-size=256', run('cycle-tmpfs', ['--max-old-space-size=256']));
  }
  writeBigFeed();
  printTable('4. Peak memory parsing one 100 MB feed', [...run('big-newsvault'), ...run('big-rss-parser', ['--max-old-space-size=4096'])]);
  rmSync(join(tmpdir(), 'nv-bench-100mb.xml'), { force: true });
  console.log(`\n1-minute load average before each run: ${spread(loads)}. CPU s is the benchmark process's own (git's child processes are not in it; npm run bench:cli counts them).`);
  console.log('Targets: parse >= 2x rss-parser; no-change cycle < 1 s CPU; 300x50 cycle >= 1,000 articles/s; peak < 300 MiB.');
}
