// The SQLite index bench/search.bench.ts and bench/search-pg.bench.ts build as cycles do, and where they keep it: one folder per
// size, batch, seed and the content of the files that shape the index, so either benchmark reuses the other's
// build and a change to the indexer or the corpus builds afresh.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSearchSchema, indexBatch, type SearchDocument } from '../src/search/index.ts';
import { loadAverages } from './measure.ts';
import { generate, type vocabulary } from './search-corpus.ts';

export const SEARCH_CACHE = process.env['BENCH_CACHE'] ?? join(tmpdir(), 'newsvault-bench-search');
export const SEARCH_SEED = 42;

/** Files whose change changes the built index: the cache is keyed by their content. */
const SHAPE_FILES = [
  'bench/search-corpus.ts',
  'src/search/indexer.ts',
  'src/search/schema.ts',
  'src/search/tokenize.ts',
  'src/search/fold.ts',
  'src/search/simplified-table.ts',
];

function shapeHash(): string {
  const h = createHash('sha256');
  for (const f of SHAPE_FILES) h.update(readFileSync(new URL(`../${f}`, import.meta.url)));
  return h.digest('hex').slice(0, 12);
}

/** The cache folder of `size` articles indexed `batch` per transaction. */
export function searchCacheDir(size: number, batch: number): string {
  return join(SEARCH_CACHE, `n${size}-b${batch}-s${SEARCH_SEED}-${shapeHash()}`);
}

/** What a cached build took: the documents in it and the seconds spent building them, over every resumed run. */
export interface CycleIndexInfo {
  docs: number;
  seconds: number;
}

/**
 * Builds (or resumes building) `dir`/cycles.sqlite, the index as cycles build it: `batch` documents of the
 * corpus per indexBatch transaction, never optimised. Progress is saved every 30 s, so a stopped build resumes.
 */
export function buildCycleIndex(dir: string, size: number, batch: number, vocab: ReturnType<typeof vocabulary>): CycleIndexInfo & { file: string } {
  const file = join(dir, 'cycles.sqlite');
  const infoFile = join(dir, 'cycles.json');
  const info: CycleIndexInfo = existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as CycleIndexInfo) : { docs: 0, seconds: 0 };
  if (info.docs >= size) return { ...info, file };
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  ensureSearchSchema(db);
  const done = db.prepare('SELECT coalesce(max(id), 0) FROM search_docs').pluck().get() as number;
  if (done > 0) console.error(`  resuming at ${done.toLocaleString('en')} documents (${info.seconds.toFixed(0)} s so far)`);
  const t0 = performance.now();
  let lastReport = t0;
  const save = (docs: number): CycleIndexInfo => {
    const saved = { docs, seconds: info.seconds + (performance.now() - t0) / 1000 };
    writeFileSync(infoFile, JSON.stringify(saved));
    return saved;
  };
  let pending: SearchDocument[] = [];
  let n = 0;
  for (const doc of generate(size, vocab, SEARCH_SEED)) {
    if (++n <= done) continue;
    pending.push(doc);
    if (pending.length >= batch) {
      indexBatch(db, pending);
      pending = [];
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        const saved = save(n);
        console.error(`  sqlite: ${n.toLocaleString('en')} indexed, ${saved.seconds.toFixed(0)} s, load ${loadAverages(1)}`);
      }
    }
  }
  if (pending.length > 0) indexBatch(db, pending);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ...save(size), file };
}
