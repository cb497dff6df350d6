// Static-site search benchmark: `node --import tsx bench/site-search.bench.ts` (BENCH_SIZES=1000,10000).
// For each size: builds the index (search/site/build.ts) from the search benchmark's synthetic archive
// (bench/search.bench.ts: Zipf vocabulary of real words, ~20% traditional, ~1,500 characters an article),
// writes it with search.html to a temp folder, and reports
//   - sizes: bytes of the index (token shards, doc shards, manifest) per 1,000 articles, shard sizes, the
//     fixed files (search.js, fold.js), bytes a query loads;
//   - build time, full and incremental (one new article: how many token shards it rewrites);
//   - first-result time in Chromium: a fresh browser context per query (empty cache), search.html loaded,
//     then the query submitted; time from submit to the first result on screen (performance.now() in the
//     page), on a loopback HTTP mirror (127.0.0.1) and from file://;
//   - whether fetch() can read a shard from a file:// page (the reason shards are .js files).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearchIndex, type SiteSearchRecord } from '../src/search/site/index.ts';
import { CLIENT_SCRIPT } from '../src/search/site/client-script.ts';
import { renderSearchPage } from '../src/search/site/page.ts';
import { formatFoldTable } from '../src/search/site/shard-files.ts';
import { searchPaths } from '../src/search/site/types.ts';
import { SIMPLIFIED_PAIRS } from '../src/search/simplified-table.ts';
import { siteContext } from '../src/publish/site/index.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { serveFolder } from '../test/support/static-server.ts';
import { generate, vocabulary } from './search-corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const QUERIES = ['習近平', '香港', '台湾 选举', '中国政府', '新闻自由', '俄罗斯 乌克兰', '疫苗', '人权', '國家安全', '经济'];
const SOURCES = { voa: '美国之音', rfi: '法广', bbc: 'BBC', dw: '德国之声', nyt: '纽约时报', rfa: '自由亚洲', cdt: '中国数字时代', ft: 'FT', reuters: '路透' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function folderBytes(dir: string): { bytes: number; files: number; sizes: number[] } {
  let bytes = 0;
  const sizes: number[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (!stat.isFile()) continue;
    bytes += stat.size;
    sizes.push(stat.size);
  }
  return { bytes, files: sizes.length, sizes };
}

async function firstResultMs(url: string, query: string): Promise<{ ms: number; count: string; bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', (response) => {
    if (response.url().includes('/search/')) void response.body().then((body) => (bytes += body.length), () => undefined);
  });
  await page.goto(url, { waitUntil: 'load' });
  // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
  const result = (await page.evaluate(`new Promise((resolve) => {
    const list = document.getElementById('search-results');
    const status = document.getElementById('search-status');
    const input = document.getElementById('search-q');
    const start = performance.now();
    const done = () => resolve({ ms: performance.now() - start, count: status.textContent || '' });
    new MutationObserver(() => { if (list.children.length > 0) done(); }).observe(list, { childList: true });
    new MutationObserver(() => { if (/没有找到|失败/.test(status.textContent || '')) done(); })
      .observe(status, { childList: true, characterData: true, subtree: true });
    input.value = ${JSON.stringify(query)};
    document.getElementById('search-form').requestSubmit();
  })`)) as { ms: number; count: string };
  await page.waitForTimeout(50);
  await context.close();
  return { ...result, bytes };
}

let browser: Awaited<ReturnType<typeof launchChromium>>;

async function run(size: number, vocab: ReturnType<typeof vocabulary>): Promise<void> {
  const records: SiteSearchRecord[] = [];
  let textChars = 0;
  for (const doc of generate(size + 1, vocab)) {
    textChars += doc.text.length;
    records.push({ id: doc.id, title: doc.title, source: doc.source, publishedMs: doc.published, text: doc.text, url: `articles/${doc.source}/${doc.id}.html`, removed: doc.status === 'removed' });
  }
  const extra = records.pop()!;
  const started = performance.now();
  const result = buildSearchIndex({ records, sources: SOURCES, previous: null });
  const buildMs = performance.now() - started;
  if (result.kind !== 'built') throw new Error(result.reason);
  const files = result.files;
  const updateStarted = performance.now();
  const update = buildSearchIndex({ records: [extra], sources: SOURCES, previous: { manifest: result.manifest, read: (path) => files.get(path) ?? null } });
  const updateMs = performance.now() - updateStarted;
  if (update.kind !== 'built') throw new Error(update.reason);

  const root = mkdtempSync(join(tmpdir(), 'nv-site-search-bench-'));
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  for (const [path, content] of files) write(path, content);
  write(searchPaths.page, renderSearchPage(siteContext('bench', new Map(), searchPaths.page)));
  write(searchPaths.script, CLIENT_SCRIPT);
  write(searchPaths.fold, formatFoldTable(SIMPLIFIED_PAIRS));

  const t = folderBytes(join(root, 'search', 's'));
  const d = folderBytes(join(root, 'search', 'd'));
  const manifestBytes = Buffer.byteLength(files.get(searchPaths.manifest)!);
  const indexBytes = t.bytes + d.bytes + manifestBytes;
  const per1000 = (bytes: number): string => `${((bytes / size) * 1000 / 1e6).toFixed(2)} MB`;
  console.log(`\n## ${size.toLocaleString('en')} articles (${(textChars / size).toFixed(0)} characters each)`);
  console.log(`index: ${(indexBytes / 1e6).toFixed(1)} MB = ${per1000(indexBytes)} per 1,000 articles (token shards ${per1000(t.bytes)}, doc shards ${per1000(d.bytes)}, manifest ${(manifestBytes / 1e3).toFixed(1)} kB); UTF-8 text ${per1000(textChars * 3)} per 1,000`);
  console.log(`token shards: ${t.files}, median ${(median(t.sizes) / 1e3).toFixed(0)} kB, max ${(Math.max(...t.sizes) / 1e3).toFixed(0)} kB; doc shards: ${d.files}, median ${(median(d.sizes) / 1e3).toFixed(0)} kB`);
  console.log(`fixed: search.js ${(CLIENT_SCRIPT.length / 1e3).toFixed(1)} kB, fold.js ${(Buffer.byteLength(formatFoldTable(SIMPLIFIED_PAIRS)) / 1e3).toFixed(1)} kB`);
  console.log(`build: full ${(buildMs / 1000).toFixed(2)} s; one new article ${updateMs.toFixed(0)} ms, ${update.tokenShardsWritten} token shards written (recent segment), ${update.manifest.segments.length} segments`);

  const served = await serveFolder(root, '/mirror/');
  for (const [label, base] of [['loopback HTTP', served.url], ['file://', `${pathToFileURL(root).href}/`]] as const) {
    const times: number[] = [];
    const loaded: number[] = [];
    for (const query of QUERIES) {
      const { ms, count, bytes } = await firstResultMs(`${base}search.html`, query);
      times.push(ms);
      if (label === 'loopback HTTP') loaded.push(bytes);
      if (/没有找到|失败/.test(count)) console.log(`  ${query}: ${count}`);
    }
    console.log(`first result (${label}), ${QUERIES.length} queries, fresh context each: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms${loaded.length ? `; index bytes loaded per query: median ${(median(loaded) / 1e3).toFixed(0)} kB` : ''}`);
  }
  await served.close();
  if (size === SIZES[0]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(root).href}/search.html`);
    const fetched = await page.evaluate("fetch('search/t/0.js').then((r) => 'ok ' + r.status, (e) => 'failed: ' + e.message)");
    console.log(`fetch() of a shard from a file:// page: ${fetched}`);
    await context.close();
  }
  rmSync(root, { recursive: true, force: true });
}

const vocab = vocabulary();
browser = await launchChromium();
console.log(`# static-site search benchmark: sizes ${SIZES.join(', ')}; chromium ${browser.version()}`);
for (const size of SIZES) await run(size, vocab);
await browser.close();
