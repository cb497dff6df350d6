// Search benchmark: `npm run bench:search`. Default size 100,000 articles; one million is opt-in with
// BENCH_SIZES=100000,1000000 because indexing runs at roughly 1–2.5 ms per article on a 2-core machine
// (generation + fold + tokenize + FTS5 insert), so 1,000,000 takes over 20 minutes. BENCH_ROUNDS sets
// how many times each client repeats the 20 queries (default 25); BENCH_KEEP=1 keeps the SQLite file.
//
// For each size it generates a synthetic archive of realistic Chinese text (seeded PRNG, Zipf-distributed
// vocabulary of real words taken from OpenCC's phrase dictionary plus common news words; ~20% of articles in
// traditional characters; ~1,500 characters each), indexes it into a temp SQLite file with reindexAll, then:
//   - sizes: file bytes per article, FTS index bytes vs indexed text bytes (dbstat), search_docs bytes;
//   - latency: an in-process HTTP server (/api/search?q=) on 127.0.0.1, 8 concurrent clients in a worker
//     thread (so client work does not share the server's event loop) issuing 20 queries repeatedly;
//     client-observed p50/p99 (includes queueing behind the other 7 clients: the server is single-threaded,
//     as the reader is) and server-side search time p50/p99 per query class;
//   - the alternative: a plain LIKE '%term%' scan over search_docs, newest first, LIMIT 20, no folding.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import OpenCC from 'opencc-js';
import { ensureSearchSchema, reindexAll, search, SearchError } from '../src/search/index.ts';
import type { SearchDocument, SearchOrder } from '../src/search/index.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number).filter((n) => n > 0);
const CLIENTS = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25); // each client runs the 20 queries this many times
const KEEP = process.env.BENCH_KEEP === '1';

// ---------- deterministic text ----------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The most frequent words of Chinese news prose, most frequent first; they take the top Zipf ranks.
const COMMON = (
  '的 是 在 了 和 有 也 对 与 这 他 说 中国 表示 不 将 人 一个 美国 政府 为 上 都 我们 已经 时 就 被 等 但 从 ' +
  '他们 台湾 香港 习近平 国家 发展 经济 问题 人民 社会 记者 报道 认为 总统 政策 国际 关系 安全 人权 选举 疫情 ' +
  '疫苗 抗议 警察 法院 新闻 自由 媒体 网络 审查 军事 贸易 关税 北京 当局 官员 外交部 发言人 会议 地区 合作 ' +
  '继续 今年 去年 目前 可能 需要 进行 包括 其中 之后 没有 因为 所以 如果 以及 通过 根据 这些 一些 大陆 民主 ' +
  '法律 公司 市场 投资 企业 银行 俄罗斯 乌克兰 日本 欧盟 联合国 战争 和平 中共 共产党 领导人 主席 部长 议员 ' +
  '调查 消息 网站 学生 大学 教育 家庭 工作 生活 城市 农村 警方 逮捕 拘留 判决 起诉 律师 维权 示威 集会'
).split(' ');

export function vocabulary(): { simplified: string[]; traditional: string[]; cdf: Float64Array } {
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const simplified = [...COMMON];
  const traditional = COMMON.map((w) => toTaiwan(w));
  // Real words from OpenCC's simplified→traditional phrase table, every 6th entry of 2–4 characters.
  const phrases = (OpenCC.Locale.from.cn?.[0]?.[0] as string).split('|');
  for (let i = 0; i < phrases.length; i += 6) {
    const [s, t] = (phrases[i] as string).split(' ');
    if (s === undefined || t === undefined) continue;
    const n = [...s].length;
    if (n < 2 || n > 4 || [...t].length !== n) continue;
    simplified.push(s);
    traditional.push(t);
  }
  const cdf = new Float64Array(simplified.length);
  let sum = 0;
  for (let r = 0; r < simplified.length; r++) {
    sum += 1 / (r + 2) ** 1.05; // Zipf-like
    cdf[r] = sum;
  }
  for (let r = 0; r < cdf.length; r++) cdf[r] = (cdf[r] as number) / sum;
  return { simplified, traditional, cdf };
}

const SOURCES = ['voa', 'rfi', 'bbc', 'dw', 'nyt', 'rfa', 'cdt', 'ft', 'reuters']; // weights below
const SOURCE_WEIGHTS = [0.2, 0.15, 0.15, 0.12, 0.1, 0.1, 0.08, 0.06, 0.04];
/** About 500 articles a day (ten outlets), ending mid-2024: 100,000 articles span 200 days, 1,000,000 span 5.5 years. */
export const ARTICLES_PER_DAY = 500;
export const END_MS = Date.UTC(2024, 6, 1);
export function spanMs(count: number): number {
  return (count / ARTICLES_PER_DAY) * 86_400_000;
}

const TOPIC_WORDS = 12;
const TOPIC_SHARE = 0.3;

export function* generate(count: number, vocab: ReturnType<typeof vocabulary>, seed = 42): Generator<SearchDocument> {
  const random = mulberry32(seed);
  const pick = (): number => {
    const u = random();
    let lo = 0;
    let hi = vocab.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((vocab.cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Articles have topics: a few words recur throughout one article (names, places, the subject), which is
  // what makes real news text repetitive (measured on the fixtures: 64% of bigram tokens distinct per
  // article; without topics this generator gave 87%).
  let topic: number[] = [];
  const sentence = (words: string[], chars: number): string => {
    let out = '';
    let clause = 0;
    const clauseLen = 6 + Math.floor(random() * 14);
    while (out.length < chars) {
      const w = words[random() < TOPIC_SHARE ? (topic[Math.floor(random() * topic.length)] as number) : pick()] as string;
      out += w;
      clause += w.length;
      if (clause >= clauseLen) {
        out += random() < 0.7 ? '，' : '。';
        clause = 0;
      }
    }
    return out + '。';
  };
  for (let i = 0; i < count; i++) {
    const words = random() < 0.2 ? vocab.traditional : vocab.simplified;
    // Half the topic words are common-ish (ranks 30–330), half anywhere in the vocabulary (names, subjects).
    topic = Array.from({ length: TOPIC_WORDS }, (_, k) =>
      k % 2 === 0 ? 30 + Math.floor(random() * 300) : Math.floor(random() * words.length),
    );
    let u = random();
    let s = 0;
    while (s < SOURCES.length - 1 && u > (SOURCE_WEIGHTS[s] as number)) u -= SOURCE_WEIGHTS[s++] as number;
    const paragraphs: string[] = [];
    let length = 0;
    const target = 1200 + Math.floor(random() * 600);
    while (length < target) {
      const p = sentence(words, 80 + Math.floor(random() * 160));
      paragraphs.push(p);
      length += p.length + 1;
    }
    yield {
      id: i + 1,
      source: SOURCES[s] as string,
      title: sentence(words, 12 + Math.floor(random() * 14)).slice(0, -1),
      text: paragraphs.join('\n'),
      published: END_MS - spanMs(count) + Math.floor((i / count) * spanMs(count) + (random() - 0.5) * 4 * 3_600_000),
      status: random() < 0.02 ? 'removed' : 'live',
    };
  }
}

// ---------- queries ----------

interface BenchQuery {
  cls: string;
  q: string;
  order?: SearchOrder;
}

function queries(vocab: ReturnType<typeof vocabulary>): BenchQuery[] {
  const rareAt = (rank: number, len: number): string => {
    for (let r = rank; r < vocab.simplified.length; r++) if ([...(vocab.simplified[r] as string)].length === len) return vocab.simplified[r] as string;
    throw new Error('bench: vocabulary too small');
  };
  const rare2 = rareAt(2500, 2);
  const rare3 = rareAt(4500, 3);
  const rare4 = rareAt(5500, 4);
  const rareTrad = vocab.traditional[vocab.simplified.indexOf(rareAt(3500, 3))] as string;
  return [
    { cls: 'common 2-3', q: '中国' },
    { cls: 'common 2-3', q: '臺灣' },
    { cls: 'common 2-3', q: '政府' },
    { cls: 'common 2-3', q: '习近平' },
    { cls: 'rare 2-4', q: rare2 },
    { cls: 'rare 2-4', q: rare3 },
    { cls: 'rare 2-4', q: rare4 },
    { cls: 'rare 2-4', q: rareTrad },
    { cls: 'phrase 4-6', q: '"香港警察"' },
    { cls: 'phrase 4-6', q: '美国总统表示' },
    { cls: 'phrase 4-6', q: '"中國政府"' },
    { cls: 'phrase 4-6', q: '人民 -中国' },
    { cls: 'filtered', q: '台湾 source:rfa' },
    { cls: 'filtered', q: '疫苗 from:2024-03-01 to:2024-03-31' },
    { cls: 'filtered', q: '抗议 status:removed' },
    { cls: 'filtered', q: `${rare2} source:voa,bbc from:2024-01-01` },
    { cls: 'relevance', q: '香港', order: 'relevance' },
    { cls: 'relevance', q: '经济 发展', order: 'relevance' },
    { cls: 'relevance', q: rare3, order: 'relevance' },
    { cls: 'relevance', q: '选举 source:dw', order: 'relevance' },
  ];
}

// ---------- measurement ----------

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const CLIENT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, queries, clients, rounds } = workerData;
const samples = queries.map(() => []);
async function client(c) {
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < queries.length; k++) {
      const i = (k + c * 3 + r) % queries.length;
      const q = queries[i];
      const url = base + '/api/search?q=' + encodeURIComponent(q.q) + '&order=' + (q.order || 'newest');
      const t0 = performance.now();
      const res = await fetch(url);
      const body = await res.json();
      samples[i].push([performance.now() - t0, body.tookMs, body.total === null ? -body.totalAtLeast : body.total, body.hits ? body.hits.length : -1, res.status]);
    }
  }
}
Promise.all(Array.from({ length: clients }, (_, c) => client(c))).then(() => parentPort.postMessage(samples));
`;

interface Sample {
  latency: number;
  took: number;
  total: number | null;
  hits: number;
  status: number;
}

async function serveAndLoad(db: Database.Database, list: BenchQuery[]): Promise<Sample[][]> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/search') {
      res.writeHead(404).end();
      return;
    }
    const order = url.searchParams.get('order') === 'relevance' ? 'relevance' : 'newest';
    const result = search(db, url.searchParams.get('q') ?? '', { order, timeLimitMs: 1000 });
    const status = result instanceof SearchError ? 400 : 200;
    const body = result instanceof SearchError ? { error: result.kind, message: result.message } : result;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const worker = new Worker(CLIENT_CODE, {
    eval: true,
    workerData: { base: `http://127.0.0.1:${port}`, queries: list, clients: CLIENTS, rounds: ROUNDS },
  });
  const raw = await new Promise<number[][][]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return raw.map((samples) =>
    samples.map(([latency, took, total, hits, status]) => ({
      latency: latency as number,
      took: took as number,
      total: total as number | null,
      hits: hits as number,
      status: status as number,
    })),
  );
}

/** The named alternative: LIKE over the original text, newest first, 20 rows. No folding, no count. */
function likeBaseline(db: Database.Database, list: BenchQuery[]): number[] {
  const stmt = db.prepare(
    "SELECT id FROM search_docs WHERE (title LIKE @t ESCAPE '\\' OR text LIKE @t ESCAPE '\\') ORDER BY key DESC LIMIT 20",
  );
  return list.map((q) => {
    const term = q.q.replace(/"/g, '').split(' ')[0] as string; // first term only, filters ignored
    const t0 = performance.now();
    stmt.all({ t: `%${term.replace(/[\\%_]/g, '\\$&')}%` });
    return performance.now() - t0;
  });
}

function tableBytes(db: Database.Database, names: string[]): number {
  const placeholders = names.map(() => '?').join(',');
  const row = db.prepare(`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name IN (${placeholders})`).get(...names) as { bytes: number | null };
  return row.bytes ?? 0;
}

async function run(size: number, vocab: ReturnType<typeof vocabulary>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nv-bench-search-'));
  const file = join(dir, 'bench.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  ensureSearchSchema(db);
  const t0 = performance.now();
  let lastReport = t0;
  await reindexAll(db, generate(size, vocab), {
    batchSize: 2000,
    onProgress(n) {
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        console.error(`  ${n} indexed, ${((lastReport - t0) / 1000).toFixed(0)} s`);
      }
    },
  });
  const buildS = (performance.now() - t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fileBytes = statSync(file).size;
  const text = db.prepare('SELECT sum(length(CAST(text AS BLOB))) + sum(length(CAST(title AS BLOB))) AS bytes, sum(length(text)) AS chars FROM search_docs').get() as {
    bytes: number;
    chars: number;
  };
  const ftsBytes = tableBytes(db, ['search_fts_data', 'search_fts_idx', 'search_fts_docsize', 'search_fts_config']);
  const docsBytes = tableBytes(db, ['search_docs', 'sqlite_autoindex_search_docs_1']);

  const list = queries(vocab);
  // Warm-up (not measured): prepares statements and builds the 简/繁 variant table once.
  for (const q of list) search(db, q.q, { order: q.order ?? 'newest' });
  const samples = await serveAndLoad(db, list);
  const like = likeBaseline(db, list);

  console.log(`\n## ${size.toLocaleString('en')} articles`);
  console.log(`build (generate + fold + tokenize + insert + optimize): ${buildS.toFixed(1)} s (${((buildS * 1e6) / size).toFixed(0)} µs/article)`);
  console.log(`database file: ${(fileBytes / 1e6).toFixed(1)} MB = ${(fileBytes / size).toFixed(0)} bytes/article`);
  console.log(`indexed text (UTF-8, title + body): ${(text.bytes / 1e6).toFixed(1)} MB = ${(text.bytes / size).toFixed(0)} bytes/article, ${(text.chars / size).toFixed(0)} chars/article`);
  console.log(`FTS index (search_fts_*): ${(ftsBytes / 1e6).toFixed(1)} MB = ${(ftsBytes / size).toFixed(0)} bytes/article = ${((100 * ftsBytes) / text.bytes).toFixed(0)}% of the text`);
  console.log(`search_docs (text copy + metadata + key index): ${(docsBytes / 1e6).toFixed(1)} MB = ${(docsBytes / size).toFixed(0)} bytes/article`);
  console.log(`\n${CLIENTS} concurrent clients × ${ROUNDS} rounds × ${list.length} queries over HTTP`);
  console.log('| class | query | order | total | client p50 ms | client p99 ms | search p50 ms | search p99 ms | LIKE ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const byClass = new Map<string, { latency: number[]; took: number[]; like: number[] }>();
  const all = { latency: [] as number[], took: [] as number[] };
  list.forEach((q, i) => {
    const s = samples[i] ?? [];
    const bad = s.filter((x) => x.status !== 200);
    if (bad.length > 0) console.error(`bench: query ${q.q} failed with HTTP ${bad[0]?.status}`);
    const latency = s.map((x) => x.latency);
    const took = s.map((x) => x.took);
    const entry = byClass.get(q.cls) ?? { latency: [], took: [], like: [] };
    entry.latency.push(...latency);
    entry.took.push(...took);
    entry.like.push(like[i] as number);
    byClass.set(q.cls, entry);
    all.latency.push(...latency);
    all.took.push(...took);
    const t = s[0]?.total ?? 0;
    const total = t < 0 ? `${-t}+` : String(t);
    console.log(
      `| ${q.cls} | \`${q.q}\` | ${q.order ?? 'newest'} | ${total} | ${percentile(latency, 50).toFixed(1)} | ${percentile(latency, 99).toFixed(1)} | ${percentile(took, 50).toFixed(2)} | ${percentile(took, 99).toFixed(2)} | ${(like[i] as number).toFixed(0)} |`,
    );
  });
  console.log('\n| class | client p50 ms | client p99 ms | search p50 ms | search p99 ms | LIKE median ms | LIKE max ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [cls, e] of byClass) {
    console.log(
      `| ${cls} | ${percentile(e.latency, 50).toFixed(1)} | ${percentile(e.latency, 99).toFixed(1)} | ${percentile(e.took, 50).toFixed(2)} | ${percentile(e.took, 99).toFixed(2)} | ${percentile(e.like, 50).toFixed(0)} | ${Math.max(...e.like).toFixed(0)} |`,
    );
  }
  console.log(
    `| all | ${percentile(all.latency, 50).toFixed(1)} | ${percentile(all.latency, 99).toFixed(1)} | ${percentile(all.took, 50).toFixed(2)} | ${percentile(all.took, 99).toFixed(2)} | | |`,
  );
  db.close();
  if (KEEP) console.log(`kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const vocab = vocabulary();
  console.log(`# search benchmark: vocabulary ${vocab.simplified.length} words, sizes ${SIZES.join(', ')}`);
  for (const size of SIZES) await run(size, vocab);
}
