// Site search over hourly cycles: `npm run bench:site-search-cycles` (BENCH_BASE=1000 BENCH_CYCLES=24
// BENCH_NEW=20 BENCH_EDITS=1 BENCH_REPEATS=3). A real SQLite store is filled with BENCH_BASE synthetic articles
// (bench/search-corpus.ts: Zipf vocabulary, ~20% traditional, ~1,500 characters), the site search is published
// in full, then BENCH_CYCLES cycles each add BENCH_NEW articles and give BENCH_EDITS older ones a new revision,
// and publish through the real publish function (search/site/publish.ts, reading and saving its publish state
// as a cycle does). Per cycle: files written (changed bytes only: writeFileAtomic skips identical files) and
// files deleted under search/ (a merge replaces segments), bytes written; min/median/max over the cycles.
// Two layouts: the segmented index (SEGMENT_RULE) and one segment with the rule disabled, which rewrites the
// token shards the new tokens fall in, as the index before segments did. At the end: index size per 1,000
// articles and the number of segments.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fingerprint, sha256 } from '../src/revision/fingerprint.ts';
import { SEGMENT_RULE, type SegmentRule } from '../src/search/site/build.ts';
import { publishSiteSearch } from '../src/search/site/publish.ts';
import { SqliteStore } from '../src/store/index.ts';
import { generate, vocabulary } from './search-corpus.ts';

const BASE = Number(process.env.BENCH_BASE ?? 1000);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 24);
const NEW = Number(process.env.BENCH_NEW ?? 20);
const EDITS = Number(process.env.BENCH_EDITS ?? 1);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const NAMES: Record<string, string> = { voa: '美国之音', rfi: '法广', bbc: 'BBC', dw: '德国之声', nyt: '纽约时报', rfa: '自由亚洲', cdt: '中国数字时代', ft: 'FT', reuters: '路透' };

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `${sorted[0]} / ${median} / ${sorted.at(-1)}`;
}

function kb(values: number[]): number[] {
  return values.map((bytes) => Math.round(bytes / 1024));
}

/** Every file under the site's search folder, relative path → size. */
function searchFiles(site: string): Map<string, number> {
  const out = new Map<string, number>();
  const root = join(site, 'search');
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return out; // not published yet
  }
  for (const name of names) {
    const stat = statSync(join(root, name));
    if (stat.isFile()) out.set(name, stat.size);
  }
  return out;
}

interface Run {
  files: number[];
  deleted: number[];
  bytes: number[];
  ms: number[];
  merges: number;
  segments: number;
  indexBytes: number;
  docs: number;
}

async function run(rule: SegmentRule | null, vocab: ReturnType<typeof vocabulary>): Promise<Run> {
  const root = mkdtempSync(join(tmpdir(), 'nv-site-search-cycles-'));
  const site = join(root, 'site');
  const store = SqliteStore.open(join(root, 'db.sqlite'));
  try {
    await store.syncSources(Object.entries(NAMES).map(([id, name]) => ({ id, name, url: `https://example.com/${id}.xml` })));
    const sources = Object.entries(NAMES).map(([id, name]) => ({ id, name, language: null }));
    const docs = generate(BASE + CYCLES * NEW, vocab);
    const ids: number[] = [];
    let clock = Date.UTC(2024, 0, 1);
    const add = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const doc = docs.next().value!;
        const content = `<p>${doc.text}</p>`;
        clock += 60_000;
        const article = await store.insertArticle({
          sourceId: doc.source in NAMES ? doc.source : 'voa',
          key: `k${doc.id}`,
          url: `https://example.com/a/${doc.id}`,
          title: doc.title,
          author: null,
          publishedMs: clock,
          content,
          sha256: sha256(content),
          fingerprint: fingerprint(content),
          seenMs: clock,
          seenWhere: 'feed',
        });
        ids.push(article.id);
      }
    };
    await add(BASE);
    await publishSiteSearch({ store, dir: site, siteTitle: 'bench', sources, rule });
    const out: Run = { files: [], deleted: [], bytes: [], ms: [], merges: 0, segments: 0, indexBytes: 0, docs: 0 };
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await add(NEW);
      for (let e = 0; e < EDITS; e++) {
        const id = ids[(cycle * 37 + e * 101) % BASE]!;
        const article = (await store.getArticle(id))!;
        const content = article.content.replace('</p>', `更正${cycle}：补充说明。</p>`);
        clock += 60_000;
        await store.addRevision(id, { title: article.title, url: article.url, content, sha256: sha256(content), fingerprint: fingerprint(content), seenMs: clock, seenWhere: 'recheck' });
      }
      const before = searchFiles(site);
      const log = { written: [] as string[] };
      const started = performance.now();
      const result = await publishSiteSearch({ store, dir: site, siteTitle: 'bench', sources, rule, log });
      out.ms.push(Math.round(performance.now() - started));
      const after = searchFiles(site);
      const written = log.written.filter((path) => relative(site, path).startsWith('search/') && !path.endsWith('.json'));
      out.files.push(written.length);
      out.bytes.push(written.reduce((sum, path) => sum + statSync(path).size, 0));
      out.deleted.push([...before.keys()].filter((name) => !after.has(name)).length);
      out.merges += result.merges;
      out.segments = result.segments;
    }
    const final = searchFiles(site);
    out.indexBytes = [...final].filter(([name]) => name.startsWith('s/') || name.startsWith('d/') || name === 'manifest.js').reduce((sum, [, size]) => sum + size, 0);
    out.docs = BASE + CYCLES * NEW;
    return out;
  } finally {
    store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const vocab = vocabulary();
console.log(`# site search over hourly cycles: ${BASE} articles, then ${CYCLES} cycles of ${NEW} new and ${EDITS} edited (${new Date().toISOString()}, load ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
for (const [label, rule] of [
  [`segments (seal at ${SEGMENT_RULE.sealAt}, merge at ratio ${SEGMENT_RULE.ratio})`, SEGMENT_RULE],
  ['one segment (segment rule disabled: the layout before segments)', null],
] as const) {
  for (let repeat = 1; repeat <= REPEATS; repeat++) {
    const r = await run(rule, vocab);
    console.log(`\n## ${label}, run ${repeat}`);
    console.log(`files written per cycle (min / median / max): ${stats(r.files)}; files deleted: ${stats(r.deleted)}`);
    console.log(`bytes written per cycle (KiB, min / median / max): ${stats(kb(r.bytes))}; total ${(r.bytes.reduce((a, b) => a + b, 0) / 1048576).toFixed(1)} MiB over ${CYCLES} cycles`);
    console.log(`publish time per cycle (ms, min / median / max): ${stats(r.ms)}; seals and merges: ${r.merges}; segments at the end: ${r.segments}`);
    console.log(`index: ${(r.indexBytes / 1048576).toFixed(2)} MiB for ${r.docs} articles = ${((r.indexBytes / r.docs) * 1000 / 1048576).toFixed(2)} MiB per 1,000 articles`);
    console.log(`per-cycle files: ${r.files.join(' ')}`);
  }
}
