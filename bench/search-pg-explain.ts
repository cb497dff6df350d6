// `node --import tsx bench/search-pg-explain.ts <kept folder> <database> [query…]`: the plans PostgreSQL runs for
// the benchmark's queries (bench/search-corpus.ts, or the queries given), as EXPLAIN (ANALYZE, BUFFERS) of the very
// statements search-index.ts sends (pageSql, countSql, batchSql), on an index bench/search-pg.bench.ts built and
// kept (BENCH_PG_KEEP=<folder>; the database is bench_n<size>_b<batch>). Its migrations are applied first.
// Newest first as the page and count statements; relevance and JavaScript-confirmed terms as the first batch.
import pg from 'pg';
import { parseQuery, SearchError } from '../src/search/index.ts';
import { CONFIRMED_COUNT_CAP, COUNT_CAP } from '../src/search/search.ts';
import { openPostgres } from '../src/store/postgres/open.ts';
import { batchSql, countSql, pageSql, planQuery } from '../src/store/postgres/search-index.ts';
import { startPostgresCluster } from '../src/store/postgres/test-support.ts';
import { queries, vocabulary } from './search-corpus.ts';

const [folder, database, ...given] = process.argv.slice(2);
if (folder === undefined || database === undefined) throw new Error('usage: search-pg-explain.ts <kept folder> <database> [query…]');
const list = given.length > 0 ? given.map((q) => ({ q, order: 'newest' as const })) : queries(vocabulary());
const cluster = await startPostgresCluster({ folder });
const url = new URL(cluster.url);
url.pathname = `/${database}`;
await (await openPostgres(url.toString())).end();
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
try {
  for (const { q, order } of list) {
    const parsed = parseQuery(q);
    if (parsed instanceof SearchError) throw parsed;
    const plan = planQuery(parsed);
    const statements: [string, string][] =
      plan.accepts !== null || order === 'relevance'
        ? [['first batch', batchSql(plan, false)]]
        : [
            ['page', pageSql(plan, 20, 0)],
            ['count', countSql(plan, plan.confirming ? CONFIRMED_COUNT_CAP : COUNT_CAP)],
          ];
    for (const [what, sql] of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, plan.params);
      console.log(`\n### \`${q}\` (${order ?? 'newest'}), ${what}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
} finally {
  await client.end();
  await cluster.stop();
}
