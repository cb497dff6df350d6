import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Parser from 'rss-parser';
import { extractArticle } from './extract.ts';
import { needsFullText } from './fulltext.ts';
import { createFilePageCache } from './page-cache.ts';
import { createPageFetcher } from './page-fetcher.ts';
import { selectorsFor } from './selectors.ts';
import { ExtractError } from './types.ts';
import type { PageFetch } from './types.ts';

const PAGE = readFileSync(new URL('./testdata/rfi-cn-2025-taiwan-t-dome.html', import.meta.url));
const EXPECTED = readFileSync(new URL('./testdata/rfi-cn-2025-taiwan-t-dome.expected.txt', import.meta.url), 'utf8');
const ETAG = '"rfi-t-dome-v1"';

/** A tiny adapter from Node's fetch to the page fetcher's dependency (the lead adapts src/fetch the same way). */
const loopbackFetch: PageFetch = async (url, conditional) => {
  const headers: Record<string, string> = {};
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  const res = await fetch(url, { headers });
  return {
    status: res.status,
    notModified: res.status === 304,
    body: new Uint8Array(await res.arrayBuffer()),
    contentType: res.headers.get('content-type'),
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    finalUrl: res.url,
  };
};
const decode = (bytes: Uint8Array, contentType: string | null): string =>
  new TextDecoder(/charset=([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8').decode(bytes);

describe('page fetcher on a loopback server', () => {
  let server: Server;
  let base = '';
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      const path = req.url ?? '/';
      if (path === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>RFI 中文</title><link>${base}/</link>
          <item><title>台湾增加400亿美元国防开支 加速部署T-Dome防空系统</title><link>${base}/cn/t-dome</link>
          <description><![CDATA[<p>法新社消息称，台湾政府计划在未来八年内增加400亿美元的国防开支，主要用于开发一个多层次的防空系统——“T-Dome”……</p>]]></description>
          </item></channel></rss>`);
      } else if (path === '/cn/t-dome') {
        res.writeHead(301, { location: '/cn/%E6%94%BF%E6%B2%BB/20251130-t-dome' });
        res.end();
      } else if (path === '/cn/%E6%94%BF%E6%B2%BB/20251130-t-dome') {
        if (req.headers['if-none-match'] === ETAG) {
          res.writeHead(304, { etag: ETAG });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', etag: ETAG });
        res.end(PAGE);
      } else if (path === '/slow-same') {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>once</p>');
        }, 50);
      } else if (path === '/report.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('summary-only item → page fetched, article extracted; the re-run is a conditional 304 from cache', async () => {
    const feed = await new Parser().parseURL(`${base}/feed.xml`);
    const first = feed.items[0]!;
    const item = { content: (first['content:encoded'] as string | undefined) ?? null, summary: first.content ?? null };
    assert.equal(needsFullText(item, 'auto'), true);
    assert.equal(needsFullText(item, 'feed'), false);

    const dir = mkdtempSync(join(tmpdir(), 'nv-'));
    const pages = createPageFetcher({ fetch: loopbackFetch, cache: createFilePageCache(dir), decode });
    const got = await pages.getPage(first.link!);
    assert.equal(got.fromCache, false);
    assert.equal(got.finalUrl, `${base}/cn/%E6%94%BF%E6%B2%BB/20251130-t-dome`);
    const article = extractArticle(got.html, { url: got.finalUrl, selectors: selectorsFor('rfi') });
    for (const paragraph of EXPECTED.split('\n').filter((l) => l !== '')) assert.ok(article.text.includes(paragraph), paragraph);
    assert.equal(needsFullText({ content: article.content, summary: null }, 'auto'), false);

    const before = seen.length;
    // A new fetcher on the same directory: what the next hourly run does.
    const rerun = createPageFetcher({ fetch: loopbackFetch, cache: createFilePageCache(dir), decode });
    const again = await rerun.getPage(first.link!);
    assert.equal(again.fromCache, true);
    assert.equal(again.html, got.html);
    assert.equal(again.finalUrl, got.finalUrl);
    const requests = seen.slice(before).filter((r) => r.path.includes('t-dome'));
    assert.equal(requests.length, 2); // the redirect, then the page
    assert.equal(requests[0]!.headers['if-none-match'], ETAG);
    assert.equal(requests[1]!.headers['if-none-match'], ETAG);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    assert.equal(readdirSync(dir).length, 1);
  });

  test('a fresh cached page is used without any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-'));
    let t = Date.parse('2025-12-01T00:00:00Z');
    const pages = createPageFetcher({
      fetch: loopbackFetch,
      cache: createFilePageCache(dir),
      decode,
      now: () => new Date(t),
      freshForMs: 60_000,
    });
    const url = `${base}/cn/%E6%94%BF%E6%B2%BB/20251130-t-dome`;
    await pages.getPage(url);
    const before = seen.length;
    t += 30_000;
    assert.equal((await pages.getPage(url)).fromCache, true);
    assert.equal(seen.length, before);
    t += 60_000;
    assert.equal((await pages.getPage(url)).fromCache, true); // stale: asked conditionally, got 304
    assert.equal(seen.length, before + 1);
  });

  test('concurrent requests for one URL share one fetch', async () => {
    const pages = createPageFetcher({ fetch: loopbackFetch, cache: createFilePageCache(mkdtempSync(join(tmpdir(), 'nv-'))), decode });
    const before = seen.filter((r) => r.path === '/slow-same').length;
    const [a, b] = await Promise.all([pages.getPage(`${base}/slow-same`), pages.getPage(`${base}/slow-same`)]);
    assert.equal(a.html, '<p>once</p>');
    assert.equal(b, a);
    assert.equal(seen.filter((r) => r.path === '/slow-same').length, before + 1);
  });

  const failures: { name: string; path: string; kind: string; message: RegExp }[] = [
    { name: '404', path: '/missing', kind: 'http-status', message: /^extract: page http:\/\/127\.0\.0\.1:\d+\/missing answered HTTP 404$/ },
    { name: 'a PDF', path: '/report.pdf', kind: 'not-html', message: /is application\/pdf, not HTML$/ },
  ];
  for (const f of failures) {
    test(`${f.name} is an ExtractError of kind ${f.kind}, and nothing is cached`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nv-'));
      const pages = createPageFetcher({ fetch: loopbackFetch, cache: createFilePageCache(dir), decode });
      await assert.rejects(pages.getPage(`${base}${f.path}`), (e: unknown) => {
        assert.ok(e instanceof ExtractError);
        assert.equal(e.kind, f.kind);
        assert.match(e.message, f.message);
        return true;
      });
      assert.deepEqual(readdirSync(dir), []);
    });
  }
});

describe('file page cache', () => {
  test('round trip, and unreadable or foreign files count as absent with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-'));
    const warnings: string[] = [];
    const cache = createFilePageCache(dir, { onWarning: (m) => warnings.push(m) });
    assert.equal(await cache.get('https://a.example/1'), null);
    const page = { url: 'https://a.example/1', etag: 'W/"1"', lastModified: null, html: '<p>一</p>', fetchedAt: '2025-01-01T00:00:00.000Z' };
    await cache.set(page.url, page);
    assert.deepEqual(await cache.get(page.url), page);
    const [file] = readdirSync(dir);
    assert.match(file!, /^[0-9a-f]{64}\.json$/);

    writeFileSync(join(dir, file!), '{"url": "https://a.example/1", "html": tru');
    assert.equal(await cache.get(page.url), null);
    writeFileSync(join(dir, file!), JSON.stringify({ ...page, url: 'https://b.example/' }));
    assert.equal(await cache.get(page.url), null);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0]!, /^extract: page cache .* is not JSON/);
    assert.match(warnings[1]!, /does not hold https:\/\/a\.example\/1; refetching$/);
  });
});
