import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { candidateSql } from './search.ts';
import {
  CONFIRMED_COUNT_CAP,
  COUNT_CAP,
  ensureSearchSchema,
  formatResultsTable,
  indexDocument,
  reindexAll,
  removeDocument,
  search,
  SearchError,
  setStatus,
} from './index.ts';
import type { SearchOptions, SearchResult } from './index.ts';
import { ARTICLES } from './testdata/articles.ts';

let dir: string;
let db: Database.Database;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nv-'));
  db = new Database(join(dir, 'store.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)'); // a store's own table, left alone
  ensureSearchSchema(db);
  ensureSearchSchema(db); // idempotent
  assert.equal(await reindexAll(db, ARTICLES), ARTICLES.length);
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function ok(q: string, options: SearchOptions = {}): SearchResult {
  const r = search(db, q, { limit: 100, ...options });
  if (r instanceof SearchError) assert.fail(`${q}: ${r.kind}: ${r.message}`);
  return r;
}

function ids(q: string, options: SearchOptions = {}): number[] {
  return ok(q, options).hits.map((h) => h.id);
}

const sorted = (a: number[]): number[] => [...a].sort((x, y) => x - y);

describe('简/繁 folding', () => {
  const cases: [string, number[]][] = [
    ['习近平', [1, 2, 22, 23]], // simplified query finds traditional 習近平
    ['習近平', [1, 2, 22, 23]], // and the other way round
    ['台湾', [1, 3, 4, 15, 25, 27, 29]], // 臺灣, 台灣, 台湾 all fold to 台湾
    ['臺灣', [1, 3, 4, 15, 25, 27, 29]],
    ['台風', [27]], // 台風 and 颱風 both fold to 台风
    ['经济', [9, 23]],
    ['乾隆', [26]],
    ['iphone', [8, 28]], // case and full-width folding: iPhone, ＩＰＨＯＮＥ
    ['IPHONE', [8, 28]],
    ['cafe', [16]], // diacritics: Café
    ['２０２３', [22, 28]], // full-width digits
  ];
  for (const [q, expected] of cases) {
    test(`${q} finds ${expected.join(',')}`, () => assert.deepEqual(sorted(ids(q)), expected));
  }
});

describe('terms, phrases, exclusion', () => {
  const cases: [string, string, number[]][] = [
    ['two words are ANDed', '香港 新闻自由', [5, 29]],
    ['a phrase needs adjacency', '"新闻自由"', [5, 29]],
    ['curly quotes are phrases too', '“国安法”', [5, 6]],
    ['3 characters are confirmed against the text: 近平原 is not 习近平', '习近平', [1, 2, 22, 23]],
    ['the bigrams of 近平 alone match both', '近平', [1, 2, 22, 23, 24]],
    ['exclusion of a word', '香港 -国安法', [16, 17, 18, 19, 20, 25, 29]],
    ['exclusion of a phrase', '香港 -"新闻自由"', [6, 16, 17, 18, 19, 20, 25]],
    ['full-width minus from a Chinese IME', '香港 －国安法', [16, 17, 18, 19, 20, 25, 29]],
    ['mixed Latin and CJK term', 'COVID-19疫苗', [7]],
    ['Latin phrase with separators', 'covid 19', [7]],
    ['a word is not found inside a longer word', 'ai', [21]],
    ['date-like term', '3月1日', [22]],
    ['edge unigram: CJK run touching Latin', 'AI芯片', [21]],
    ['repeated word', '香港香港', [19]],
  ];
  for (const [name, q, expected] of cases) {
    test(`${name}: ${q}`, () => assert.deepEqual(sorted(ids(q)), expected));
  }
});

describe('filters', () => {
  const cases: [string, string, number[]][] = [
    ['source', '香港 source:voa', [6, 19, 25, 29]],
    ['several sources', '香港 source:voa,rfi', [5, 6, 19, 20, 25, 29]],
    ['excluded source', '香港 -source:voa', [5, 16, 17, 18, 20]],
    ['source only, no words', 'source:cdt', [12]],
    // from:/to: are days in UTC+8: 2023-02-28T16:30Z is 2023-03-01 00:30 in Beijing, 15:30Z is 23:30 on the 28th.
    ['from is a UTC+8 day', '香港 from:2023-03-01 to:2023-03-31', [5, 6, 17]],
    ['to is inclusive (UTC+8)', '北京 from:2023-03-31 to:2023-03-31', [11]],
    ['a month', '香港 from:2023-02 to:2023-02', [18]],
    ['status removed', 'status:removed', [6, 12]],
    ['status removed with a word', '香港 status:removed', [6]],
    ['status live excludes removed', '国安法 status:live', [5]],
    ['removed articles are found by default', '国安法', [5, 6]],
  ];
  for (const [name, q, expected] of cases) {
    test(`${name}: ${q}`, () => assert.deepEqual(sorted(ids(q)), expected));
  }
});

describe('ordering and pagination', () => {
  test('newest first by default', () => {
    const hits = ok('香港').hits;
    const published = hits.map((h) => h.published);
    assert.deepEqual(published, [...published].sort((a, b) => b - a));
    assert.equal(hits[0]?.id, 29);
  });

  test('relevance puts the article that is about the term first', () => {
    const r = ok('香港', { order: 'relevance' });
    assert.equal(r.hits[0]?.id, 19); // 香港 four times in the text and three in the title
    assert.equal(r.total, ok('香港').total);
  });

  test('pages do not overlap and add up', () => {
    const all = ids('香港');
    const first = ids('香港', { limit: 3 });
    const second = ids('香港', { limit: 3, offset: 3 });
    assert.deepEqual([...first, ...second], all.slice(0, 6));
    assert.equal(ok('香港', { limit: 3 }).total, all.length);
  });

  // A query the index decides alone is a page statement and, when the page is full or empty past an offset,
  // a count statement: each way of knowing the total must give the same one.
  test('the total is the same from a short page, a full page and a page past the end', () => {
    for (const q of ['香港', '台湾 source:bbc', '香港 -国安法', '台湾 from:2023-01-01']) {
      const all = ids(q);
      assert.ok(all.length >= 2, q);
      for (const options of [{ limit: 1 }, { limit: all.length }, { limit: 100, offset: 1 }, { limit: 5, offset: all.length }, { limit: 5, offset: all.length + 5 }]) {
        const r = ok(q, options);
        assert.equal(r.total, all.length, `${q} ${JSON.stringify(options)}`);
        assert.equal(r.totalAtLeast, all.length);
        assert.deepEqual(r.hits.map((h) => h.id), all.slice(options.offset ?? 0, (options.offset ?? 0) + options.limit));
      }
    }
  });

  test('the candidate query is ordered by FTS5 itself, not sorted afterwards', () => {
    for (const conditions of [[], ['(d.title GLOB ? OR d.text GLOB ?)']]) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${candidateSql(conditions)}`).all('"x"', 0, 1, ...conditions.flatMap(() => ['a', 'b']));
      assert.ok(!JSON.stringify(plan).includes('TEMP B-TREE'), JSON.stringify(plan));
    }
  });

  const bad: [string, SearchOptions][] = [
    ['limit over the cap', { limit: 101 }],
    ['limit zero', { limit: 0 }],
    ['fractional limit', { limit: 2.5 }],
    ['offset over the cap', { offset: 10_001 }],
    ['negative offset', { offset: -1 }],
    ['unknown order', { order: 'oldest' as 'newest' }],
    ['time limit zero', { timeLimitMs: 0 }],
  ];
  for (const [name, options] of bad) {
    test(`bad parameter: ${name}`, () => {
      const r = search(db, '香港', options);
      assert.ok(r instanceof SearchError);
      assert.equal(r.kind, 'bad-param');
      assert.match(r.message, /^search: /);
    });
  }
});

describe('snippets', () => {
  test('matches are marked in the original script', () => {
    const hit = ok('台湾 source:bbc').hits.find((h) => h.id === 3);
    assert.ok(hit);
    assert.match(hit.snippet, /<mark>臺灣<\/mark>總統/);
    assert.match(hit.snippet, /<mark>台灣<\/mark>民眾/);
    assert.equal(hit.titleHtml, '<mark>臺灣</mark>總統發表談話');
  });

  test('article text is HTML-escaped around the marks', () => {
    const hit = ok('台湾 source:bbc').hits.find((h) => h.id === 15);
    assert.ok(hit);
    assert.ok(!hit.snippet.includes('<script>'));
    assert.match(hit.snippet, /&lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt;/);
    assert.match(hit.snippet, /&amp; 符号/);
    assert.match(hit.snippet, /<mark>台湾<\/mark>的转义/);
    assert.equal(hit.titleHtml, 'Script test &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('Latin words are marked whole, in their own case', () => {
    const hit = ok('iphone').hits.find((h) => h.id === 28);
    assert.ok(hit);
    assert.match(hit.snippet, /<mark>ＩＰＨＯＮＥ<\/mark>/);
    const ai = ok('ai').hits[0];
    assert.ok(ai);
    assert.match(ai.snippet, /<mark>AI<\/mark>芯片/);
    assert.ok(!ai.snippet.includes('s<mark>ai</mark>d'));
  });

  test('a long text is cut around the first match', () => {
    const text = '无关的内容。'.repeat(100) + '这里提到了香港的选举。' + '更多无关的内容。'.repeat(100);
    indexDocument(db, { id: 900, source: 'voa', title: '长文', text, published: Date.parse('2020-01-01T00:00:00Z'), status: 'live' });
    const hit = ok('香港 source:voa from:2020-01-01 to:2020-01-01').hits[0];
    assert.ok(hit);
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'), hit.snippet);
    assert.match(hit.snippet, /<mark>香港<\/mark>的选举/);
    const visible = hit.snippet.replace(/<\/?mark>/g, '');
    assert.ok(visible.length <= 122 && visible.length >= 100, String(visible.length));
    removeDocument(db, 900);
  });
});

describe('empty and absurd queries answer cleanly', () => {
  const cases: [string, string, string][] = [
    ['empty', '', 'empty'],
    ['blank', '   \u3000 ', 'empty'],
    ['only punctuation', '。，！？——「」……', 'empty'],
    ['only ASCII punctuation', '!@#$%^&*()', 'empty'],
    ['a 10 KB query', '香港'.repeat(5000), 'too-long'],
    ['a single Chinese character', '港', 'too-short'],
    ['bad date', '香港 from:2023-02-30', 'bad-date'],
    ['not a date', '香港 to:yesterday', 'bad-date'],
    ['from after to', '香港 from:2023-04-01 to:2023-03-01', 'bad-date'],
    ['bad status', 'status:deleted', 'bad-filter'],
    ['bad source', 'source:"', 'bad-filter'],
    ['too many terms', '香港 台湾 北京 上海 广州 深圳 天津 重庆 南京 武汉 成都 西安 杭州', 'too-many-terms'],
  ];
  for (const [name, q, kind] of cases) {
    test(`${name} → ${kind}`, () => {
      const r = search(db, q);
      assert.ok(r instanceof SearchError, `${name}: expected an error`);
      assert.equal(r.kind, kind);
      assert.match(r.message, /^search: /);
    });
  }

  const syntax: [string, number[]][] = [
    ['NEAR(香港 台湾)', [25]],
    ['"; DROP TABLE search_docs; --', [25]],
    ['香港 AND OR NOT', [25]], // and, or, not are words: article 25 has them
    ['* ^ : ( ) 香港', [5, 6, 16, 17, 18, 19, 20, 25, 29]], // punctuation is dropped
    ['search_fts:香港', []],
    ['"香港', [5, 6, 16, 17, 18, 19, 20, 25, 29]], // an unclosed quote runs to the end
    ["香港' OR 1=1 --", []],
  ];
  for (const [q, expected] of syntax) {
    test(`SQL/FTS syntax is text: ${q}`, () => assert.deepEqual(sorted(ids(q)), expected));
  }

  test('the index is intact after the syntax tests', () => {
    assert.equal(db.prepare('SELECT count(*) FROM search_docs').pluck().get(), ARTICLES.length);
  });
});

describe('incremental indexing', () => {
  test('upsert replaces text; unchanged documents are not rewritten', () => {
    const doc = { id: 500, source: 'voa', title: '测试', text: '第一版提到深圳。', published: Date.parse('2024-01-01T00:00:00Z'), status: 'live' as const };
    assert.equal(indexDocument(db, doc), true);
    assert.equal(indexDocument(db, doc), false);
    assert.deepEqual(ids('深圳'), [500]);
    assert.equal(indexDocument(db, { ...doc, text: '第二版改成了广州。' }), true);
    assert.deepEqual(ids('深圳'), []);
    assert.deepEqual(ids('广州'), [500]);
    assert.equal(setStatus(db, 500, 'removed'), true);
    assert.deepEqual(ids('广州 status:removed'), [500]);
    assert.equal(removeDocument(db, 500), true);
    assert.deepEqual(ids('广州'), []);
    assert.equal(removeDocument(db, 500), false);
    assert.equal(setStatus(db, 500, 'live'), false);
  });

  test('documents published in the same second keep distinct keys', () => {
    const at = Date.parse('2024-02-01T00:00:00Z');
    for (let i = 0; i < 5; i++) indexDocument(db, { id: 600 + i, source: 'rfi', title: `同一秒${i}`, text: '武汉的新闻', published: at, status: 'live' });
    assert.deepEqual(sorted(ids('武汉')), [600, 601, 602, 603, 604]);
    for (let i = 0; i < 5; i++) removeDocument(db, 600 + i);
  });

  test('reindexAll rebuilds from scratch', async () => {
    indexDocument(db, { id: 700, source: 'voa', title: '多余', text: '天津', published: 0, status: 'live' });
    assert.equal(await reindexAll(db, ARTICLES), ARTICLES.length);
    assert.deepEqual(ids('天津'), []);
    assert.deepEqual(sorted(ids('習近平')), [1, 2, 22, 23]);
  });
});

describe('time limit', () => {
  const many = Array.from({ length: 300 }, (_, i) => ({
    id: 1000 + i, source: 'voa', title: `重庆${i}`, text: '重庆的新闻', published: Date.parse('2022-01-01T00:00:00Z') + i * 1000, status: 'live' as const,
  }));
  before(() => { for (const doc of many) indexDocument(db, doc); });
  after(() => { for (const doc of many) removeDocument(db, doc.id); });

  test('a clock past the deadline stops the walk over candidates to confirm and says truncated', () => {
    let now = 0;
    const r = search(db, '"重庆的新闻"', { clock: () => (now += 10), timeLimitMs: 15, limit: 5 });
    assert.ok(!(r instanceof SearchError));
    assert.equal(r.truncated, true);
    assert.equal(r.total, null);
    assert.ok(r.totalAtLeast > 0 && r.totalAtLeast < 300);
    const full = search(db, '"重庆的新闻"', { limit: 5 });
    assert.ok(!(full instanceof SearchError));
    assert.equal(full.truncated, false);
    assert.equal(full.total, 300);
    assert.ok(CONFIRMED_COUNT_CAP >= 300);
  });

  test('a query the index decides alone: past the deadline after the page, the count is skipped', () => {
    let now = 0;
    const r = search(db, '重庆', { clock: () => (now += 20), timeLimitMs: 15, limit: 5 });
    assert.ok(!(r instanceof SearchError));
    assert.equal(r.truncated, true);
    assert.equal(r.total, null);
    assert.equal(r.totalAtLeast, 5);
    assert.deepEqual(r.hits.map((h) => h.id), [1299, 1298, 1297, 1296, 1295]);
    const full = search(db, '重庆', { limit: 5 });
    assert.ok(!(full instanceof SearchError));
    assert.equal(full.truncated, false);
    assert.equal(full.total, 300);
    assert.ok(COUNT_CAP >= 300);
  });
});

describe('table output', () => {
  test('one line per hit, date in UTC+8, plain snippet', () => {
    const out = formatResultsTable(ok('台湾 source:bbc', { limit: 5 }));
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 1 + 2 + 1);
    assert.match(lines[0] as string, /^date \(UTC\+8\)/);
    assert.ok(lines.some((l) => l.startsWith('2023-03-05 12:00  bbc')), out);
    assert.ok(!out.includes('<mark>'));
    assert.ok(out.includes('<script>')); // unescaped for a terminal
    assert.match(lines.at(-1) as string, /^2 matches, 2 shown/);
  });
});
