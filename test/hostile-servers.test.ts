// Feeds in legacy encodings and servers that misbehave, all in one cycle: each source ends with its text
// decoded correctly or with a named error, and every healthy source is still archived.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { createTestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));

const SIMPLIFIED = { headline: '新闻自由与网络审查', body: '香港记者协会发表年度言论自由报告，指出新闻自由指数连续第三年下跌。' };
const TRADITIONAL = { headline: '新聞自由與網路審查', body: '香港記者協會發表年度言論自由報告，指出新聞自由指數連續第三年下跌。' };

function rss(title: string, declaration: string | null, text = SIMPLIFIED): string {
  return `<?xml version="1.0"${declaration ? ` encoding="${declaration}"` : ''}?>
<rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link>
<item><title>${title}：${text.headline}</title><link>https://example.com/${encodeURIComponent(title)}/1</link>
<guid>${title}-1</guid><pubDate>Wed, 22 Mar 2023 14:15:03 GMT</pubDate>
<description><![CDATA[<p>${title}的正文：${text.body}</p>]]></description></item>
</channel></rss>`;
}

describe('hostile servers and legacy encodings', () => {
  let server: FeedServer;
  before(async () => {
    server = await startFeedServer();
    const { routes } = server;
    routes.set('/good.xml', serveBody(voaFeed));
    // GBK bytes and no declaration anywhere (no charset header, no encoding attribute).
    routes.set('/gbk.xml', serveBody(iconv.encode(rss('国内简体', null), 'gbk'), 'application/xml'));
    // Big5 bytes that claim to be GB2312: the bytes prove otherwise.
    routes.set('/big5.xml', serveBody(iconv.encode(rss('臺灣繁體', 'gb2312', TRADITIONAL), 'big5'), 'application/xml'));
    // UTF-8 with a byte order mark.
    routes.set('/bom.xml', serveBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('带BOM', 'UTF-8'))])));
    routes.set('/drip.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss><channel>'); // then nothing more, ever
    });
    routes.set('/reset.xml', (request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '100000' });
      response.write('<?xml version="1.0"?><rss><channel><title>half</title>', () => request.socket.destroy());
    });
    routes.set('/endless.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (response.write(chunk)) {
          /* keep the socket buffer full */
        }
      };
      response.on('drain', pump);
      response.on('close', () => response.off('drain', pump));
      pump();
    });
    routes.set('/loop-a.xml', (_request, response) => response.writeHead(302, { location: '/loop-b.xml' }).end());
    routes.set('/loop-b.xml', (_request, response) => response.writeHead(302, { location: '/loop-a.xml' }).end());
    let limited = 0;
    routes.set('/limited.xml', (request, response) => {
      if (limited++ === 0) response.writeHead(429, { 'retry-after': '1' }).end();
      else serveBody(rss('限流之后', 'UTF-8'))(request, response);
    });
    let flaky = 0;
    routes.set('/flaky.xml', (request, response) => {
      if (flaky++ === 0) response.writeHead(503).end('busy');
      else serveBody(rss('恢复之后', 'UTF-8'))(request, response);
    });
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    routes.set('/bomb.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
    });
    routes.set('/old.xml', (_request, response) => response.writeHead(301, { location: '/new.xml' }).end());
    routes.set('/new.xml', serveBody(rss('搬家', 'UTF-8')));
  });
  after(() => server.close());

  test('each source ends decoded or with its named error; the healthy ones are archived', async () => {
    // No source in this run is slow: each ends by what its server does (bytes, a reset, the size cap, a
    // redirect loop), never by a clock, so a loaded machine cannot turn an expected outcome into a timeout.
    const ids = ['good', 'gbk', 'big5', 'bom', 'reset', 'endless', 'loop', 'limited', 'flaky', 'bomb', 'old'];
    const path: Record<string, string> = { loop: 'loop-a' };
    const archive = await createTestArchive(
      ids.map((id) => ({ id, name: id, url: `${server.url}/${path[id] ?? id}.xml` })),
      { fetch: { maxBytes: 2 * 1024 * 1024, maxFeedBytes: 2 * 1024 * 1024 } },
    );
    const result = await archive.run();
    const byId = Object.fromEntries(result.sources.map((source) => [source.sourceId, source]));
    const outcome = (id: string) => byId[id]?.outcome === 'failed' ? byId[id]?.error?.kind : `${byId[id]?.outcome} ${byId[id]?.newCount}`;
    assert.deepEqual(Object.fromEntries(ids.map((id) => [id, outcome(id)])), {
      good: 'ok 1',
      gbk: 'ok 1',
      big5: 'ok 1',
      bom: 'ok 1',
      reset: 'network',
      endless: 'too-large',
      loop: 'redirect-loop',
      limited: 'ok 1',
      flaky: 'ok 1',
      bomb: 'too-large',
      old: 'ok 1',
    });
    assert.equal(result.exitCode, 1);

    const article = (id: string) => readFileSync(join(archive.output, 'articles', id, '1048574.md'), 'utf8');
    assert.match(article('gbk'), /\[国内简体：新闻自由与网络审查\]/);
    assert.match(article('gbk'), /香港记者协会发表年度言论自由报告，指出新闻自由指数连续第三年下跌。/);
    assert.match(article('big5'), /\[臺灣繁體：新聞自由與網路審查\]/);
    assert.match(article('big5'), /臺灣繁體的正文：香港記者協會發表年度言論自由報告，指出新聞自由指數連續第三年下跌。/);
    assert.ok(byId['big5']?.warnings.some((warning) => /gb2312/i.test(warning) && /big5/i.test(warning)));
    assert.match(article('bom'), /^<!--1679494503000-->\n\[带BOM：/);

    // A permanent redirect moves the source and says so; the next run goes straight to the new URL.
    assert.equal(byId['old']?.movedTo, `${server.url}/new.xml`);
    const before = server.requests.length;
    await archive.run(new Date('2024-01-01T01:00:00Z'));
    const paths = server.requests.slice(before).map((request) => request.path);
    assert.ok(paths.includes('/new.xml'));
    assert.ok(!paths.includes('/old.xml'));
  });

  test('a slow drip ends in a timeout, named as one', async () => {
    // The drip sends its first bytes and then nothing, ever: slow by construction, however short the limit.
    const archive = await createTestArchive([{ id: 'drip', name: 'drip', url: `${server.url}/drip.xml` }], {}, {
      timeoutMs: 1000,
      bodyTimeoutMs: 1000,
    });
    const result = await archive.run();
    assert.equal(result.sources[0]?.outcome, 'failed');
    assert.equal(result.sources[0]?.error?.kind, 'timeout');
    assert.match(result.sources[0]?.error?.message ?? '', /drip\.xml/);
  });
});
