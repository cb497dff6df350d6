import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createReaderApp } from './app.ts';
import { CONTENT_SECURITY_POLICY } from './headers.ts';
import { createSampleArchive, type SampleArchive } from './testdata/sample-archive.ts';
import type { Store } from '../store/index.ts';
import { openStore, type OpenedStore } from '../store/open-store.ts';
import { startPostgresCluster, type PostgresCluster } from '../store/postgres/test-support.ts';

const NOW = new Date(Date.UTC(2024, 2, 21, 2, 0)); // 2024-03-21 10:00 UTC+8

// One throwaway PostgreSQL cluster for the PostgreSQL half; each engine's archive is built by the same code.
let cluster: PostgresCluster | null = null;
after(async () => {
  await cluster?.stop();
});
const ENGINES: { name: string; database: () => Promise<string | undefined> }[] = [
  { name: 'SQLite', database: async () => undefined },
  { name: 'PostgreSQL', database: async () => (cluster ??= await startPostgresCluster()).createDatabase() },
];

for (const engine of ENGINES) describe(`reader app (${engine.name})`, () => {
  let archive: SampleArchive;
  let app: ReturnType<typeof createReaderApp>;
  const get = (path: string, init?: RequestInit) => app.request(path, init);
  const text = async (path: string) => {
    const res = await get(path);
    return { res, body: await res.text() };
  };

  let reader: OpenedStore;
  before(async () => {
    archive = await createSampleArchive({ database: await engine.database() });
    // A read-only store, as `newsvault serve` opens it: a route that wrote would fail with a 500.
    reader = await openStore({ database: archive.file }, { readonly: true });
    app = createReaderApp({ store: reader.store, search: reader.search, now: () => NOW });
  });
  after(async () => {
    await reader.store.close();
    await archive.close();
  });

  test('every HTML route answers 200 with lang="zh-Hans", the stylesheet and no script', async () => {
    const routes = [
      '/',
      '/search',
      '/search?q=习近平',
      '/sources/voa',
      '/days/2024-03-20',
      `/articles/${archive.ids.meeting}`,
      '/removed',
      '/changed',
    ];
    for (const path of routes) {
      const { res, body } = await text(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8$/i, path);
      assert.match(body, /^<!doctype html>\n<html lang="zh-Hans">/, path);
      assert.match(body, /<link rel="stylesheet" href="\/static\/style.css">/, path);
      assert.doesNotMatch(body, /<script|\sstyle="|\son[a-z]+=/i, path);
    }
  });

  test('security headers are on every response: pages, API, static, errors, 405', async () => {
    const cases: [string, RequestInit | undefined, number][] = [
      ['/', undefined, 200],
      ['/static/style.css', undefined, 200],
      ['/api/sources', undefined, 200],
      ['/articles/999999', undefined, 404],
      ['/nowhere', undefined, 404],
      ['/search?q=习近平&page=501', undefined, 400],
      ['/', { method: 'POST' }, 405],
      ['/', { method: 'HEAD' }, 200],
    ];
    for (const [path, init, status] of cases) {
      const res = await get(path, init);
      const label = `${init?.method ?? 'GET'} ${path}`;
      assert.equal(res.status, status, label);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, label);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', label);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', label);
    }
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /script-src|unsafe-inline|unsafe-eval/);
  });

  test('only GET and HEAD: every other method is 405 with Allow, and nothing changes', async () => {
    const before = await archive.store.getArticle(archive.ids.meeting);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      for (const path of ['/', `/articles/${archive.ids.meeting}`, `/api/articles/${archive.ids.meeting}`, '/api/search?q=习近平']) {
        const res = await get(path, { method });
        assert.equal(res.status, 405, `${method} ${path}`);
        assert.equal(res.headers.get('allow'), 'GET, HEAD');
      }
    }
    assert.deepEqual(await archive.store.getArticle(archive.ids.meeting), before);
    const head = await get('/search?q=习近平', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('the stylesheet is served as CSS', async () => {
    const { res, body } = await text('/static/style.css');
    assert.equal(res.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(body, /font-family/);
    const icon = await get('/static/icon.svg');
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
  });

  test('home lists the newest articles across outlets, links every outlet and marks removed ones', async () => {
    const { body } = await text('/');
    assert.match(body, /<form class="search" action="\/search" method="get"/);
    for (const id of Object.values(archive.ids)) assert.match(body, new RegExp(`href="/articles/${id}"`));
    assert.match(body, /href="\/sources\/voa">美国之音<\/a> <span class="muted">2 篇/);
    assert.match(body, /href="\/sources\/BBC">BBC/);
    assert.match(body, /<span class="mark removed">已删除<\/span>/);
    assert.match(body, /<a href="\/removed">已删除<\/a>/);
    assert.match(body, /<a href="\/changed">有修改<\/a>/);
    assert.match(body, /href="\/days\/2024-03-21">今日/);
    // Titles are text: markup in a title is shown, never parsed.
    assert.match(body, /马克龙访华 &lt;b&gt;不是标签&lt;\/b&gt;/);
  });

  test('outlet listing shows only that outlet, paginates, and 404s an unknown outlet', async () => {
    const { body } = await text('/sources/voa');
    assert.match(body, /<h1 lang="zh">美国之音<\/h1>/);
    assert.match(body, new RegExp(`/articles/${archive.ids.meeting}"`));
    assert.match(body, new RegExp(`/articles/${archive.ids.removed}"`));
    assert.doesNotMatch(body, new RegExp(`/articles/${archive.ids.hostile}"`));
    const page2 = await text('/sources/voa?page=2');
    assert.equal(page2.res.status, 200);
    assert.match(page2.body, /暂无文章/);
    assert.match(page2.body, /<a href="\/sources\/voa" rel="prev">← 较新<\/a>/);
    assert.equal((await get('/sources/nope')).status, 404);
    assert.equal((await get('/sources/voa?page=abc')).status, 400);
    assert.equal((await get('/sources/voa?page=501')).status, 400);
  });

  test('day listing uses UTC+8 calendar days', async () => {
    const day20 = await text('/days/2024-03-20');
    const day21 = await text('/days/2024-03-21');
    // Published 2024-03-20 17:30 UTC = 2024-03-21 01:30 UTC+8.
    assert.doesNotMatch(day20.body, new RegExp(`/articles/${archive.ids.lateNight}"`));
    assert.match(day21.body, new RegExp(`/articles/${archive.ids.lateNight}"`));
    assert.match(day20.body, new RegExp(`/articles/${archive.ids.meeting}"`));
    assert.match(day20.body, /href="\/days\/2024-03-19" rel="prev">← 前一天/);
    for (const bad of ['2024-02-30', '2024-3-1', '20240301', 'today', '2024-13-01']) {
      const { res, body } = await text(`/days/${bad}`);
      assert.equal(res.status, 400, bad);
      assert.match(body, /parameter day/, bad);
    }
  });

  test('article page: title, outlet, both time zones, original link, revisions with diff', async () => {
    const { body } = await text(`/articles/${archive.ids.meeting}`);
    assert.match(body, /<h1 lang="zh">习近平会见美国国务卿布林肯<\/h1>/);
    assert.match(body, /<a href="\/sources\/voa">美国之音<\/a>/);
    assert.match(body, /2024-03-20 12:00<\/time>（UTC\+8）· 2024-03-20 04:00 UTC · <a href="\/days\/2024-03-20">2024-03-20<\/a>/);
    assert.match(body, /<a href="https:\/\/www.voachinese.com\/a\/meeting.html" rel="noopener noreferrer nofollow">/);
    assert.match(body, /会谈持续两小时/);
    assert.match(body, /共 2 个版本/);
    assert.match(body, /<ins>，会谈持续两小时<\/ins>/);
    assert.match(body, /标题：<del lang="zh">习近平会见布林肯<\/del> → <ins lang="zh">习近平会见美国国务卿布林肯<\/ins>/);
    // The earlier revision's own text is there too, display-cleaned.
    assert.match(body, /<summary>第 1 版全文<\/summary>/);
  });

  test('article HTML is the display-cleaned version: no script, no event handlers, no javascript: links', async () => {
    const { body } = await text(`/articles/${archive.ids.hostile}`);
    assert.match(body, /马克龙抵达上海开始国事访问/);
    assert.match(body, /第二段文字/);
    assert.doesNotMatch(body, /<script/i);
    assert.doesNotMatch(body, /onerror|onclick|alert\(/i);
    assert.doesNotMatch(body, /javascript:/i);
    assert.doesNotMatch(body, /style="/);
    // Relative image URLs are made absolute against the article's URL.
    assert.match(body, /<img src="https:\/\/www.rfi.fr\/photo.jpg"/);
  });

  test('a stored javascript: article URL is shown as text, not linked', async () => {
    const { body } = await text(`/articles/${archive.ids.traditional}`);
    assert.doesNotMatch(body, /href="javascript:/i);
    assert.match(body, /<p>原文：<span class="url">javascript:alert\(4\)<\/span><\/p>/);
  });

  test('removed article shows the mark and the date the removal was seen', async () => {
    const { body } = await text(`/articles/${archive.ids.removed}`);
    assert.match(body, /<span class="mark removed">已删除<\/span><\/h1>/);
    assert.match(body, /原网站已于 <time datetime="2024-03-22T04:00:00Z">2024-03-22 12:00<\/time>（UTC\+8）前删除此文/);
  });

  test('the removed page lists removed articles, newest removal first, with the time it was seen', async () => {
    const { res, body } = await text('/removed');
    assert.equal(res.status, 200);
    assert.match(body, /<h1>已删除的文章<\/h1>/);
    assert.match(body, new RegExp(`<time datetime="2024-03-22T04:00:00Z">2024-03-22 12:00</time><span class="outlet">美国之音</span><a href="/articles/${archive.ids.removed}"`));
    for (const id of [archive.ids.meeting, archive.ids.hostile, archive.ids.lateNight, archive.ids.traditional]) {
      assert.doesNotMatch(body, new RegExp(`href="/articles/${id}"`));
    }
    // The reader serves no Atom feeds: the page links none.
    assert.doesNotMatch(body, /\.atom|application\/atom\+xml/);
  });

  test('the changed page lists articles with more than one revision, timed by the latest', async () => {
    const { res, body } = await text('/changed');
    assert.equal(res.status, 200);
    assert.match(body, /<h1>有修改的文章<\/h1>/);
    assert.match(body, new RegExp(`<a href="/articles/${archive.ids.meeting}" lang="zh">习近平会见美国国务卿布林肯</a><span class="mark changed">修改 1 次</span>`));
    assert.doesNotMatch(body, new RegExp(`href="/articles/${archive.ids.removed}"`));
    assert.doesNotMatch(body, /\.atom/);
  });

  test('article ids: not a number is 400, unknown is 404 (HTML and JSON)', async () => {
    for (const [path, status] of [
      ['/articles/abc', 400],
      ['/articles/0', 400],
      ['/articles/1e3', 400],
      ['/articles/999999', 404],
      ['/api/articles/abc', 400],
      ['/api/articles/999999', 404],
    ] as const) {
      const res = await get(path);
      assert.equal(res.status, status, path);
      if (path.startsWith('/api/')) {
        const json = (await res.json()) as { error: { kind: string; message: string } };
        assert.equal(typeof json.error.message, 'string');
      } else {
        assert.match(await res.text(), new RegExp(`<h1>${status} `));
      }
    }
  });

  test('search page shows highlighted snippets and links to articles', async () => {
    const { body } = await text('/search?q=习近平');
    assert.match(body, /共 1 条结果/);
    assert.match(body, new RegExp(`<a class="title" href="/articles/${archive.ids.meeting}"><mark>习近平</mark>`));
    assert.match(body, /<p class="snippet">[^<]*<mark>习近平<\/mark>/);
    assert.match(body, /<input type="search" name="q" value="习近平"/);
  });

  test('search without a query shows the form; filters alone are a search', async () => {
    const empty = await text('/search?q=&source=&from=&to=&status=&order=');
    assert.equal(empty.res.status, 200);
    assert.match(empty.body, /<h1>搜索<\/h1>/);
    assert.doesNotMatch(empty.body, /条结果/);
    const removed = await text('/search?status=removed');
    assert.match(removed.body, /共 1 条结果/);
    assert.match(removed.body, new RegExp(`/articles/${archive.ids.removed}"`));
  });

  test('search filters: source, dates (UTC+8, inclusive), status, order', async () => {
    const ids = async (query: string): Promise<number[]> => {
      const res = await get(`/api/search?${query}`);
      assert.equal(res.status, 200, query);
      return ((await res.json()) as { hits: { id: number }[] }).hits.map((h) => h.id).sort((a, b) => a - b);
    };
    const { meeting, hostile, lateNight, removed, traditional } = archive.ids;
    assert.deepEqual(await ids('q=上海'), [hostile, lateNight].sort((a, b) => a - b));
    assert.deepEqual(await ids('q=上海&from=2024-03-21'), [lateNight]);
    assert.deepEqual(await ids('q=上海&to=2024-03-20'), [hostile]);
    assert.deepEqual(await ids('source=voa&from=2024-03-20&to=2024-03-20'), [meeting]);
    assert.deepEqual(await ids('source=bbc'), [traditional]);
    assert.deepEqual(await ids('source=voa&status=removed'), [removed]);
    assert.deepEqual(await ids('source=voa&status=live&order=relevance'), [meeting]);
  });

  test('search folds traditional and simplified: 習近平 finds 习近平, 立法会 finds 立法會', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('習近平')}`);
    const json = (await res.json()) as { total: number; hits: { id: number; snippet: string }[]; tookMs: number; truncated: boolean };
    assert.equal(json.total, 1);
    assert.equal(json.hits[0]?.id, archive.ids.meeting);
    assert.match(json.hits[0]?.snippet ?? '', /<mark>习近平<\/mark>/);
    assert.equal(typeof json.tookMs, 'number');
    assert.equal(json.truncated, false);
    const back = (await (await get('/api/search?q=立法会')).json()) as { hits: { id: number }[] };
    assert.deepEqual(back.hits.map((h) => h.id), [archive.ids.traditional]);
  });

  test('bad search parameters are 400 naming the parameter (HTML and JSON)', async () => {
    const cases: [string, string][] = [
      ['q=习近平&page=0', 'page'],
      ['q=习近平&page=501', 'page'],
      ['q=习近平&page=x', 'page'],
      ['q=习近平&limit=101', 'limit'],
      ['q=习近平&limit=0', 'limit'],
      ['q=习近平&limit=100&page=200', 'page'],
      ['q=习近平&from=2024-02-30', 'from'],
      ['q=习近平&to=yesterday', 'to'],
      ['q=习近平&from=2024-03-02&to=2024-03-01', 'to'],
      ['q=习近平&status=gone', 'status'],
      ['q=习近平&order=random', 'order'],
      ['q=习近平&source=nosuch', 'source'],
      ['q=习', 'q'], // a single Chinese character: the search module's own error
      [`q=${'长'.repeat(300)}`, 'q'],
      ['q=from:2024-99-01', 'q'],
    ];
    for (const [query, parameter] of cases) {
      const api = await get(`/api/search?${query}`);
      assert.equal(api.status, 400, query);
      const json = (await api.json()) as { error: { parameter: string; message: string } };
      assert.equal(json.error.parameter, parameter, query);
      assert.ok(json.error.message.length > 0);
      const html = await get(`/search?${query}`);
      assert.equal(html.status, 400, query);
      const body = await html.text();
      assert.match(body, /<h1>400 参数错误<\/h1>/, query);
      if (parameter !== 'q') assert.match(body, new RegExp(`parameter ${parameter}`), query);
    }
    const missing = await get('/api/search');
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { error: { parameter: string } }).error.parameter, 'q');
  });

  test('query text with HTML is escaped in the page, never interpreted', async () => {
    const { res, body } = await text(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    assert.equal(res.status, 200);
    assert.doesNotMatch(body, /<script>/);
    assert.match(body, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    // Markup in a stored title reaches the results page as text, around the search module's <mark>.
    const hit = await text(`/search?q=${encodeURIComponent('马克龙')}`);
    assert.match(hit.body, /<mark>马克龙<\/mark>访华 &lt;b&gt;不是标签&lt;\/b&gt;<\/a>/);
    assert.doesNotMatch(hit.body, /<b>不是标签/);
  });

  test('pagination links keep the filters', async () => {
    const { body } = await text('/search?source=voa&status=all&limit=1');
    assert.match(body, /共 2 条结果/);
    assert.match(body, /<a href="\/search\?source=voa&amp;status=all&amp;limit=1&amp;page=2" rel="next">/);
    const page2 = await text('/search?source=voa&status=all&limit=1&page=2');
    assert.match(page2.body, /<a href="\/search\?source=voa&amp;status=all&amp;limit=1" rel="prev">/);
    assert.doesNotMatch(page2.body, /rel="next"/);
    const first = /href="\/articles\/(\d+)"/.exec(body.slice(body.indexOf('class="articles results"')))?.[1];
    const second = /href="\/articles\/(\d+)"/.exec(page2.body.slice(page2.body.indexOf('class="articles results"')))?.[1];
    assert.deepEqual([Number(first), Number(second)], [archive.ids.meeting, archive.ids.removed]);
  });

  test('/api/articles/:id has metadata, display HTML and revisions', async () => {
    const res = await get(`/api/articles/${archive.ids.meeting}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const json = (await res.json()) as Record<string, unknown> & { revisions: { seq: number; title: string; current: boolean }[] };
    assert.equal(json['source'], 'voa');
    assert.equal(json['sourceName'], '美国之音');
    assert.equal(json['published'], '2024-03-20T04:00:00.000Z');
    assert.equal(json['status'], 'live');
    assert.deepEqual(
      json.revisions.map((r) => [r.seq, r.title, r.current]),
      [
        [1, '习近平会见布林肯', false],
        [2, '习近平会见美国国务卿布林肯', true],
      ],
    );
    const hostile = (await (await get(`/api/articles/${archive.ids.hostile}`)).json()) as { displayHtml: string };
    assert.doesNotMatch(hostile.displayHtml, /script|onerror|onclick/);
  });

  test('/api/sources lists outlets with counts', async () => {
    const json = (await (await get('/api/sources')).json()) as { sources: { id: string; name: string; count: number }[] };
    assert.deepEqual(
      json.sources.map((s) => [s.id, s.name, s.count]),
      [
        ['BBC', 'BBC', 1],
        ['rfi', '法广', 2],
        ['voa', '美国之音', 2],
      ],
    );
  });

  test('unknown paths: HTML 404 page, JSON 404 under /api/', async () => {
    const page = await get('/nothing/here');
    assert.equal(page.status, 404);
    assert.match(await page.text(), /<h1>404 找不到<\/h1>/);
    const api = await get('/api/nothing');
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { kind: string } }).error.kind, 'not-found');
  });
});

describe('reader app without an index or with a failing store', () => {
  test('search without an index is 503, the rest still works', async () => {
    const archive = await createSampleArchive();
    try {
      const app = createReaderApp({ store: archive.store, now: () => NOW });
      assert.equal((await app.request('/search?q=习近平')).status, 503);
      assert.equal((await app.request('/api/search?q=习近平')).status, 503);
      assert.equal((await app.request('/')).status, 200);
    } finally {
      archive.close();
    }
  });

  test('an unexpected error is a 500 page with the security headers and no stack trace', async () => {
    const errors: unknown[] = [];
    const broken = new Proxy({} as Store, {
      get: () => () => {
        throw new Error('disk on fire at /secret/path');
      },
    });
    const app = createReaderApp({ store: broken, now: () => NOW, logError: (e) => errors.push(e) });
    const res = await app.request('/');
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    const body = await res.text();
    assert.doesNotMatch(body, /secret|disk on fire/);
    assert.equal(errors.length, 1);
  });
});
