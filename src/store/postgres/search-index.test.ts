// Search on PostgreSQL answers as search on SQLite: the same test articles in both indexes, the same queries
// (every case of search/search.test.ts and more), and the results must be equal, hit for hit (but the time taken).
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONFIRMED_COUNT_CAP, ensureSearchSchema, parseQuery, reindexAll, search, SearchError, type SearchDocument, type SearchOptions, type SearchResult } from '../../search/index.ts';
import { ARTICLES } from '../../search/testdata/articles.ts';
import { openPostgres } from './open.ts';
import { NEWEST_INDEX_ONLY, pageSql, planQuery, PostgresSearchIndex } from './search-index.ts';
import { startPostgresCluster, type PostgresCluster } from './test-support.ts';
import type pg from 'pg';

const QUERIES = [
  // folding
  '习近平', '習近平', '台湾', '臺灣', '台風', '经济', '乾隆', 'iphone', 'IPHONE', 'cafe', '２０２３',
  // terms, phrases, exclusion
  '香港 新闻自由', '"新闻自由"', '“国安法”', '近平', '香港 -国安法', '香港 -"新闻自由"', '香港 －国安法', 'COVID-19疫苗',
  'covid 19', 'ai', '3月1日', 'AI芯片', '香港香港', '-香港 source:voa', '"hong kong"', 'hong -"hong kong"', '中国 -"COVID-19"',
  // filters
  '香港 source:voa', '香港 source:voa,rfi', '香港 -source:voa', 'source:cdt', 'source:VOA', '香港 from:2023-03-01 to:2023-03-31',
  '北京 from:2023-03-31 to:2023-03-31', '香港 from:2023-02 to:2023-02', 'status:removed', '香港 status:removed', '国安法 status:live',
  '国安法', 'from:2023-05', 'status:all 中国',
  // syntax is text
  'NEAR(香港 台湾)', '"; DROP TABLE search_docs; --', '香港 AND OR NOT', '* ^ : ( ) 香港', 'search_fts:香港', '"香港', "香港' OR 1=1 --",
  "it's", 'a\\b', '!香港 | 台湾', '香港 & 台湾', '<-> 北京',
  // errors
  '', '港', '香港 from:2023-02-30', 'status:deleted',
];

const OPTIONS: SearchOptions[] = [
  { limit: 100 },
  { limit: 3 },
  { limit: 3, offset: 3 },
  { limit: 100, order: 'relevance' },
  { limit: 2, offset: 1, order: 'relevance' },
];

function comparable(result: SearchResult | SearchError): unknown {
  if (result instanceof SearchError) return { error: result.kind, message: result.message };
  const { tookMs: _, ...rest } = result;
  return rest;
}

describe('PostgresSearchIndex answers as the SQLite index does', () => {
  let cluster: PostgresCluster;
  let pool: pg.Pool;
  let index: PostgresSearchIndex;
  const sqlite = new Database(':memory:');

  before(async () => {
    cluster = await startPostgresCluster();
    pool = await openPostgres(await cluster.createDatabase());
    index = new PostgresSearchIndex(pool);
    assert.deepEqual(await index.prepare(), { needsReindex: true });
    assert.deepEqual(await index.prepare(), { needsReindex: false });
    assert.equal(await index.reindexAll(ARTICLES), ARTICLES.length);
    ensureSearchSchema(sqlite);
    await reindexAll(sqlite, ARTICLES);
  });
  after(async () => {
    sqlite.close();
    await pool?.end();
    await cluster?.stop();
  });

  for (const q of QUERIES) {
    test(`«${q}»`, async () => {
      for (const options of OPTIONS) {
        const expected = comparable(search(sqlite, q, options));
        assert.deepEqual(comparable(await index.search(q, options)), expected, `${q} ${JSON.stringify(options)}`);
      }
    });
  }

  test('bad options are refused alike', async () => {
    for (const options of [{ limit: 101 }, { offset: -1 }, { order: 'oldest' as 'newest' }, { timeLimitMs: 0 }]) {
      assert.deepEqual(comparable(await index.search('香港', options)), comparable(search(sqlite, '香港', options)));
    }
  });

  test('upsert, unchanged, status and removal', async () => {
    const doc = { id: 500, source: 'voa', title: '测试', text: '第一版提到深圳。', published: Date.parse('2024-01-01T00:00:00Z'), status: 'live' as const };
    const ids = async (q: string) => {
      const r = await index.search(q, { limit: 100 });
      assert.ok(!(r instanceof SearchError));
      return r.hits.map((h) => h.id);
    };
    assert.equal(await index.indexDocument(doc), true);
    assert.equal(await index.indexDocument(doc), false);
    assert.deepEqual(await ids('深圳'), [500]);
    assert.equal(await index.index([{ ...doc, text: '第二版改成了广州。' }]), 1);
    assert.deepEqual(await ids('深圳'), []);
    assert.deepEqual(await ids('广州'), [500]);
    assert.equal(await index.setStatus(500, 'removed'), true);
    assert.deepEqual(await ids('广州 status:removed'), [500]);
    assert.deepEqual(await ids('广州 status:live'), []);
    assert.equal(await index.setStatus(500, 'live'), true);
    assert.deepEqual(await ids('广州 status:removed'), []);
    assert.deepEqual(await ids('广州 status:live'), [500]);
    assert.equal(await index.setStatus(500, 'removed'), true);
    assert.equal(await index.removeDocument(500), true);
    assert.equal(await index.removeDocument(500), false);
    assert.equal(await index.setStatus(500, 'live'), false);
    assert.equal(await index.count(), ARTICLES.length);
  });

  test('a time limit that runs out says truncated, with what was found', async () => {
    let now = 0;
    const r = await index.search('中国 -"COVID-19"', { clock: () => (now += 10), timeLimitMs: 15, limit: 5 });
    assert.ok(!(r instanceof SearchError));
    assert.equal(r.truncated, true);
    assert.equal(r.total, null);
  });
});

// Past the count cap the page is read another way (a walk of the newest index) than within it (a slice of what
// was counted): both must still agree with SQLite, at the cap's edge too. The smaller cap of confirmed phrases
// (CONFIRMED_COUNT_CAP) keeps the corpus small: a phrase in more documents than that, words in fewer.
describe('PostgresSearchIndex past the count cap answers as the SQLite index does', () => {
  let cluster: PostgresCluster;
  let url: string;
  let pool: pg.Pool;
  let index: PostgresSearchIndex;
  const sqlite = new Database(':memory:');
  const start = Date.parse('2024-01-01T00:00:00Z');
  const docs: SearchDocument[] = Array.from({ length: CONFIRMED_COUNT_CAP + 100 }, (_, i) => ({
    id: i + 1,
    source: ['voa', 'rfa', 'bbc'][i % 3]!,
    status: i % 7 === 0 ? 'removed' : 'live',
    // some share a second, so the order's tie on id counts
    published: start + Math.floor(i / 2) * 1000,
    title: `第${i}篇`,
    text: i % 5 === 0 ? '香港的警察局今日开放。' : '香港警察今日逮捕了抗议者。',
  }));

  before(async () => {
    cluster = await startPostgresCluster();
    url = await cluster.createDatabase();
    pool = await openPostgres(url);
    index = new PostgresSearchIndex(pool);
    await index.prepare();
    await index.reindexAll(docs, { batchSize: 50 });
    ensureSearchSchema(sqlite);
    await reindexAll(sqlite, docs);
  });
  after(async () => {
    sqlite.close();
    await pool?.end();
    await cluster?.stop();
  });

  for (const q of ['香港警察', '"香港警察"', '香港警察 status:removed', '香港 status:removed', '警察 -警察局', '香港 source:rfa', '香港警察 status:live']) {
    test(`«${q}»`, async () => {
      for (const options of [{ limit: 20 }, { limit: 10, offset: CONFIRMED_COUNT_CAP - 5 }, { limit: 10, offset: CONFIRMED_COUNT_CAP }, { limit: 100, offset: 250 }]) {
        const expected = comparable(search(sqlite, q, options));
        assert.deepEqual(comparable(await index.search(q, options)), expected, `${q} ${JSON.stringify(options)}`);
      }
    });
  }

  test('past the cap the page reads the newest index, whatever the planner expects of a phrase', async () => {
    const parsed = parseQuery('"香港警察"');
    assert.ok(!(parsed instanceof SearchError));
    const plan = planQuery(parsed);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // As walkInSql leaves the transaction after the count: plain index scans off.
      await client.query(`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`);
      await client.query(NEWEST_INDEX_ONLY);
      const explained = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${pageSql(plan, 20, 0)}`, plan.params);
      const text = explained.rows.map((r) => r['QUERY PLAN']).join('\n');
      assert.match(text, /Index Scan using search_docs_newest/, text);
      assert.doesNotMatch(text, /Bitmap|Seq Scan|Sort/, text);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  test('schema migration 6 gives documents removed before it the lexeme status:removed finds them by', async () => {
    await pool.query(`UPDATE search_docs SET tokens = ts_delete(tokens, 'status:removed'::text)`);
    await pool.query('UPDATE newsvault_schema SET version = 5');
    assert.deepEqual(comparable(await index.search('香港 status:removed', { limit: 5 })), { total: 0, totalAtLeast: 0, hits: [], truncated: false });
    const reopened = await openPostgres(url);
    try {
      const expected = comparable(search(sqlite, '香港 status:removed', { limit: 5 }));
      assert.deepEqual(comparable(await new PostgresSearchIndex(reopened).search('香港 status:removed', { limit: 5 })), expected);
    } finally {
      await reopened.end();
    }
  });
});
