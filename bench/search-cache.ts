// Where bench/search.bench.ts and bench/search-pg.bench.ts keep the SQLite indexes they build: one folder per
// size, batch, seed and the content of the files that shape the index, so either benchmark reuses the other's
// build and a change to the indexer or the corpus builds afresh.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
