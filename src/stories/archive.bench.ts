// What stories cost the site and the reader: a real SQLite file of OUTLETS × PER_DAY articles a day over
// DAYS days (titles and texts drawn from the testdata's characters), then createDayStories over every day in order, as a full site build asks, and one cold day, as
// the reader's first article page of a day asks. Wall time and the number of stories.
// Run: node --import tsx src/stories/archive.bench.ts   (BENCH_PER_DAY=… BENCH_DAYS=… to change the size)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, sha256 } from '../revision/fingerprint.ts';
import { SqliteStore } from '../store/index.ts';
import { addDaysUtc8, dayRangeUtc8 } from '../time/utc8.ts';
import { createDayStories } from './archive.ts';
import { testdataRecords } from './testdata-records.ts';

const OUTLETS = 9;
const PER_DAY = Number(process.env.BENCH_PER_DAY ?? 100);
const DAYS = Number(process.env.BENCH_DAYS ?? 14);
const FIRST_DAY = '2024-03-01';

// Text drawn character by character from the testdata's own character frequencies: no two synthetic articles
// are about the same event, so this measures what the grouping costs, not what it finds.
const pool = testdataRecords().map((r) => r.title + r.lead).join('').replace(/\s+/g, '');
let seed = 42;
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const text = (length: number): string => Array.from({ length }, () => pool[random(pool.length)]).join('');
const root = mkdtempSync(join(tmpdir(), 'nv-stories-bench-'));
const store = SqliteStore.open(join(root, 'db.sqlite'));
await store.syncSources(Array.from({ length: OUTLETS }, (_, i) => ({ id: `o${i}`, name: `outlet ${i}`, url: `https://example.com/${i}.xml` })));
let n = 0;
const t0 = performance.now();
for (let d = 0; d < DAYS; d++) {
  const { startMs } = dayRangeUtc8(addDaysUtc8(FIRST_DAY, d));
  for (let i = 0; i < OUTLETS * PER_DAY; i++) {
    const content = `<p>${text(150)}</p><p>${text(300)}</p>`;
    await store.insertArticle({
      sourceId: `o${i % OUTLETS}`,
      key: `k${n++}`,
      url: null,
      title: text(18),
      author: null,
      publishedMs: startMs + random(86_400_000),
      content,
      sha256: sha256(content),
      fingerprint: fingerprint(content),
      seenMs: startMs,
      seenWhere: 'feed',
    });
  }
}
const built = performance.now() - t0;
const queries = store;

const t1 = performance.now();
const all = createDayStories(queries);
let stories = 0;
let members = 0;
for (let d = 0; d < DAYS; d++) {
  for (const story of await all(addDaysUtc8(FIRST_DAY, d))) {
    stories++;
    members += story.length;
  }
}
const everyDay = performance.now() - t1;

const t2 = performance.now();
await createDayStories(queries)(addDaysUtc8(FIRST_DAY, Math.floor(DAYS / 2)));
const oneCold = performance.now() - t2;

console.log(
  [
    `${n} articles (${OUTLETS} outlets × ${PER_DAY} a day × ${DAYS} days), store built in ${(built / 1000).toFixed(1)} s`,
    `every day in order (a full site build): ${(everyDay / 1000).toFixed(2)} s, ${(everyDay / DAYS).toFixed(0)} ms a day; ${stories} day-stories, ${members} reports in them`,
    `one cold day (the reader's first article page of a day; 5 days read): ${oneCold.toFixed(0)} ms`,
  ].join('\n'),
);
await store.close();
rmSync(root, { recursive: true, force: true });
