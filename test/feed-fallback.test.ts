// An outlet world on loopback: a primary feed (feedx-style, full text) that fails, comes back and goes
// stale while still answering 200, and the outlet's own feed as fallback (summaries, article pages behind
// them, its own GUIDs and tracking parameters on the links). Days pass through the clock given to each run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusCommand } from '../src/cli/status.ts';
import { SqliteStore } from '../src/store/index.ts';
import { captureIo } from './support/io.ts';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

const T0 = Date.parse('2026-09-29T00:00:00Z');
const H = 3600_000;
const rfc822 = (ms: number): string => new Date(ms).toUTCString();

interface Item {
  guid: string;
  link: string;
  title: string;
  dateMs: number;
  body: string;
}

function rss(items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.com/</link><language>zh-cn</language>${items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link><guid isPermaLink="false">${item.guid}</guid><pubDate>${rfc822(item.dateMs)}</pubDate><description><![CDATA[${item.body}]]></description></item>`,
    )
    .join('')}</channel></rss>`;
}

const paragraphs = (word: string): string => Array.from({ length: 12 }, (_, n) => `<p>${word}第${n + 1}段：${'这是一段足够长的新闻正文，用来确认全文来自文章页面。'.repeat(3)}</p>`).join('');
const page = (title: string, word: string): string =>
  `<!doctype html><html lang="zh-Hans"><head><title>${title}</title></head><body><nav>首页 国际 财经</nav><article><h1>${title}</h1>${paragraphs(word)}</article><footer>版权所有</footer></body></html>`;

describe('fallback feeds', () => {
  let server: FeedServer;
  let archive: TestArchive;
  let base: string;
  const primary = { mode: 'down' as 'down' | 'up' | 'stale' };
  const fallbackVersion = { n: 1 };

  before(async () => {
    server = await startFeedServer();
    base = server.url;
    const link = (name: string) => `${base}/news/${name}.html`;
    const official = (name: string, title: string, dateMs: number): Item => ({ guid: `official-${name}`, link: `${link(name)}?at_medium=RSS&at_campaign=rss`, title, dateMs, body: `<p>${title}的摘要……</p>` });
    const feedx = (name: string, title: string, dateMs: number): Item => ({ guid: `feedx-${name}`, link: link(name), title, dateMs, body: paragraphs(title) });
    for (const [name, title] of [['a', '甲新闻'], ['b', '乙新闻'], ['d', '丁新闻']]) server.routes.set(`/news/${name}.html`, serveBody(page(title!, title!), 'text/html; charset=utf-8'));
    server.routes.set('/feedx.xml', (request, response) => {
      if (primary.mode === 'down') return void response.writeHead(500).end('internal error');
      // Up: the same article A as the fallback (other GUID, the link without tracking), and a new one, C.
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feedx-1"' }).end(rss([feedx('a', '甲新闻', T0 - 2 * H), feedx('c', '丙新闻', T0 + H / 2)]));
    });
    server.routes.set('/official.xml', (request, response) => {
      const etag = `"official-${fallbackVersion.n}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
      const items = [official('a', '甲新闻', T0 - 2 * H), official('b', '乙新闻', T0 - H)];
      if (fallbackVersion.n > 1) items.unshift(official('d', '丁新闻', T0 + 71 * H));
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(items));
    });
    archive = await createTestArchive([{ id: 'bbc', name: 'BBC', url: `${base}/feedx.xml`, fallbacks: [`${base}/official.xml`] }], { git: { push: false } });
  });
  after(() => server.close());

  const articles = async () => {
    const store = SqliteStore.open(archive.database);
    try {
      return (await store.listLatest('bbc', 100)).map((article) => ({ title: article.title, url: article.url, seenWhere: article.seenWhere, revisions: article.revisionCount }));
    } finally {
      await store.close();
    }
  };
  const requestsTo = (path: string) => server.requests.filter((request) => request.path === path);
  const status = async (nowMs: number) => {
    const io = captureIo(archive.root, new Date(nowMs));
    await statusCommand(archive.config, io, { json: true });
    return (JSON.parse(io.out.join('')) as { id: string; feed: string | null; onFallback: boolean; stale: string | null; flags: string[] }[])[0]!;
  };
  const site = (path: string) => readFileSync(join(archive.output, 'site', path), 'utf8');
  const healthEntries = () => [...site('feeds/health.atom').matchAll(/<entry[^>]*>[\s\S]*?<title type="text">([^<]*)<\/title>/g)].map((m) => m[1]);

  test('primary answers 500: the fallback is read in the same run, full text from its pages', async () => {
    const result = await archive.run(new Date(T0));
    const source = result.sources[0]!;
    assert.equal(source.outcome, 'ok');
    assert.equal(source.newCount, 2);
    assert.equal(source.onFallback, true);
    assert.equal(source.feedUrl, `${base}/official.xml`);
    assert.ok(source.warnings.some((warning) => /primary feed failed \(http-status/.test(warning)), source.warnings.join('\n'));
    assert.equal(result.exitCode, 0);
    const stored = await articles();
    assert.deepEqual(stored.map((article) => article.title).sort(), ['乙新闻', '甲新闻']);
    assert.ok(stored.every((article) => article.seenWhere === 'page'));

    const row = await status(T0);
    assert.equal(row.onFallback, true);
    assert.equal(row.feed, `${base}/official.xml`);
    assert.ok(row.flags.includes(`on fallback ${base}/official.xml`), row.flags.join());
    assert.deepEqual(healthEntries(), ['BBC：改用备用源']);
    assert.match(site('feeds/health.atom'), /primary http:\/\/127\.0\.0\.1:\d+\/feedx\.xml failed \(http-status/);
    const page = site('health.html');
    assert.match(page, /备用源 1 <code>http:\/\/127\.0\.0\.1:\d+\/official\.xml<\/code>/);
    assert.match(page, /<a href="sources\/bbc\/index\.html">BBC<\/a>/, 'linked relatively, so it works from file://');
    assert.doesNotMatch(page, /href="\//);
    assert.match(site('index.html'), /<a href="health\.html">来源状态<\/a>/);
  });

  test('primary recovered: back on it; the article seen through both feeds is stored once', async () => {
    primary.mode = 'up';
    const before = requestsTo('/official.xml').length;
    const result = await archive.run(new Date(T0 + H));
    const source = result.sources[0]!;
    assert.equal(source.onFallback, false);
    assert.equal(source.feedUrl, `${base}/feedx.xml`);
    assert.equal(source.newCount, 1, 'only 丙新闻 is new');
    assert.equal(source.changedCount, 0, "feedx's copy of 甲新闻 is not an edit");
    assert.equal(requestsTo('/official.xml').length, before, 'a fresh primary means the fallback is not fetched');
    const stored = await articles();
    assert.deepEqual(stored.map((article) => article.title).sort(), ['丙新闻', '乙新闻', '甲新闻']);
    assert.ok(stored.every((article) => article.revisions === 1));
    assert.equal((await status(T0 + H)).onFallback, false);
    assert.deepEqual(healthEntries(), ['BBC：恢复', 'BBC：改用备用源']);
    assert.match(site('feeds/health.atom'), /back on the primary feed/);
  });

  test('primary stale while still answering 200: the fallback is read with its own validators', async () => {
    primary.mode = 'stale'; // the same two items, three days later
    const result = await archive.run(new Date(T0 + 72 * H));
    const source = result.sources[0]!;
    assert.equal(source.onFallback, false, 'the fallback answered 304: nothing newer there either');
    const conditional = requestsTo('/official.xml').at(-1)!;
    assert.equal(conditional.headers['if-none-match'], '"official-1"');
    assert.ok(requestsTo('/feedx.xml').every((request) => request.headers['if-none-match'] !== '"official-1"'), "the fallback's ETag is never sent to the primary");
    assert.equal((await status(T0 + 72 * H)).stale, '2026-09-29T00:30:00Z', 'neither feed has had an item for three days');

    fallbackVersion.n = 2;
    const next = await archive.run(new Date(T0 + 73 * H));
    const moved = next.sources[0]!;
    assert.equal(moved.onFallback, true);
    assert.equal(moved.newCount, 1, '丁新闻 from the fallback');
    assert.ok(moved.warnings.some((warning) => /primary feed is stale \(newest item 2026-09-29T00:30:00Z\)/.test(warning)), moved.warnings.join('\n'));
    assert.equal((await articles()).length, 4);
    assert.equal((await status(T0 + 73 * H)).stale, null, 'fresh again through the fallback');
  });

  test('every feed stale: status says since when, the health feed says so once', async () => {
    // The fallback's items (丁 at T0+71 h, then 甲 and 乙 a day and a half before) have a median interval of
    // 36.5 hours: stale after 5 × 36.5 = 182.5 hours without a new item, so still fresh at T0+250 h.
    await archive.run(new Date(T0 + 250 * H));
    assert.equal((await status(T0 + 250 * H)).stale, null);
    await archive.run(new Date(T0 + 300 * H));
    const row = await status(T0 + 300 * H);
    assert.equal(row.stale, '2026-10-01T23:00:00Z', 'the newest item of any feed: 丁新闻');
    assert.ok(row.flags.includes('stale since 2026-10-01T23:00:00Z'), row.flags.join());
    await archive.run(new Date(T0 + 301 * H));
    // Newest first: stale at T0+300 h (once, though two runs saw it); fresh again and the switch at T0+73 h;
    // stale at T0+72 h; back on the primary at T0+1 h; the first switch at T0.
    assert.deepEqual(healthEntries(), ['BBC：停止更新', 'BBC：恢复', 'BBC：改用备用源', 'BBC：停止更新', 'BBC：恢复', 'BBC：改用备用源']);
    assert.match(site('health.html'), /停止更新<\/strong>（最新条目 2026-10-02 07:00（UTC\+8））/);
    assert.equal((await articles()).length, 4, 'nothing duplicated across feeds');
  });
});

describe('fallback feeds: a primary that is gone (404) or refuses connections', () => {
  let server: FeedServer;
  let closedPort: number;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/own.xml', serveBody(rss([{ guid: 'own-1', link: `${server.url}/news/1.html`, title: '自己的新闻', dateMs: T0 - H, body: paragraphs('自己的新闻') }])));
    // A port that was just free: nothing listens there, so the connection is refused.
    const probe = await startFeedServer();
    closedPort = Number(new URL(probe.url).port);
    await probe.close();
  });
  after(() => server.close());

  test('each source is archived from its fallback in the same run; the health feed names each switch', async () => {
    const archive = await createTestArchive(
      [
        { id: 'gone', name: '已下线', url: `${server.url}/missing.xml`, fallbacks: [`${server.url}/own.xml`] },
        { id: 'refused', name: '拒绝连接', url: `http://127.0.0.1:${closedPort}/feed.xml`, fallbacks: [`${server.url}/own.xml`] },
      ],
      { git: { push: false } },
    );
    const result = await archive.run(new Date(T0));
    assert.equal(result.exitCode, 0);
    for (const source of result.sources) {
      assert.equal(source.outcome, 'ok', source.sourceId);
      assert.equal(source.newCount, 1, source.sourceId);
      assert.equal(source.onFallback, true, source.sourceId);
    }
    assert.ok(result.sources[0]!.warnings.some((warning) => /primary feed failed \(http-status: .*404/.test(warning)), result.sources[0]!.warnings.join('\n'));
    assert.ok(result.sources[1]!.warnings.some((warning) => /primary feed failed \(network/.test(warning)), result.sources[1]!.warnings.join('\n'));
    const feed = readFileSync(join(archive.output, 'site/feeds/health.atom'), 'utf8');
    assert.match(feed, /已下线：改用备用源/);
    assert.match(feed, /拒绝连接：改用备用源/);
  });
});
