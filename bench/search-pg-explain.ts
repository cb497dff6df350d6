// `node --import tsx bench/search-pg-explain.ts <kept folder> <database> [query…]`: the plans PostgreSQL runs for
// the benchmark's queries (bench/search-corpus.ts, or the queries given), as EXPLAIN (ANALYZE, BUFFERS) of the very
// statements search-index.ts sends (pageSql, countSql, batchSql), on an index bench/search-pg.bench.ts built and
// kept (BENCH_PG_KEEP=<folder>; the database is bench_n<size>_b<batch>). Its migrations are applied first.
// Newest first as the page and count statements; relevance and JavaScript-confirmed terms as the first batch.
import pg from 'pg';
import { parseQuery, SearchError } from '../src/search/index.ts';
import { CONFIRMED_COUNT_CAP, COUNT_CAP } from '../src/search/search.ts';
import { openPostgres } from '../src/store/postgres/open.ts';
import { batchSql, countSql, NEWEST_INDEX_ONLY, pageSql, planQuery } from '../src/store/postgres/search-index.ts';
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
    const explain = async (what: string, sql: string): Promise<void> => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, plan.params);
      console.log(`\n### \`${q}\` (${order ?? 'newest'}), ${what}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    };
    await client.query('BEGIN');
    if (plan.accepts !== null || order === 'relevance') {
      await explain('first batch', batchSql(plan, false));
    } else {
      // As walkInSql runs them: the count with sequential and plain index scans off, then (past the cap) the page with only the newest index allowed.
      if (plan.indexed) await client.query(`SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off`);
      const cap = plan.confirming ? CONFIRMED_COUNT_CAP : COUNT_CAP;
      await explain('count and page ids', countSql(plan, cap, 0, 20));
      const { rows } = await client.query<{ n: string }>(countSql(plan, cap, 0, 20), plan.params);
      if (Number(rows[0]!.n) > cap) {
        await client.query(NEWEST_INDEX_ONLY);
        await explain('page, past the cap', pageSql(plan, 20, 0));
      }
    }
    await client.query('COMMIT');
  }
} finally {
  await client.end();
  await cluster.stop();
}
