// An outlet changes its article template: the source's keep selectors match nothing, extraction falls
// back to Readability, and the operator sees since when (status, health page, health feed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { statusCommand } from '../src/cli/status.ts';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { captureIo } from './support/io.ts';

const T0 = Date.parse('2026-09-29T00:00:00Z');
const body = Array.from({ length: 10 }, (_, n) => `<p>第${n + 1}段。${'改版后的页面上，正文仍然要完整地存档下来。'.repeat(4)}</p>`).join('');

describe('selector drift', () => {
  let server: FeedServer;
  let archive: TestArchive;
  before(async () => {
    server = await startFeedServer();
    const items = [1, 2]
      .map((n) => `<item><title>新闻${n}</title><link>${server.url}/a/${n}.html</link><guid>n-${n}</guid><pubDate>${new Date(T0 - n * 3600_000).toUTCString()}</pubDate><description>摘要${n}……</description></item>`)
      .join('');
    server.routes.set('/feed.xml', serveBody(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`));
    for (const n of [1, 2]) {
      server.routes.set(`/a/${n}.html`, serveBody(`<html lang="zh-Hans"><body><header>首页</header><article class="b-article-body"><h1>新闻${n}</h1>${body}</article></body></html>`, 'text/html; charset=utf-8'));
    }
    archive = await createTestArchive([{ id: 'rfa', name: '自由亚洲电台', url: `${server.url}/feed.xml`, selectors: { keep: ['#storytext'] } }], { git: { push: false } });
  });
  after(() => server.close());

  test('pages are still archived through Readability; the misses are counted per source and shown', async () => {
    const result = await archive.run(new Date(T0));
    assert.equal(result.sources[0]?.newCount, 2);
    assert.equal(result.sources[0]?.warnings.filter((warning) => /no keep selector matched/.test(warning)).length, 2);
    assert.match(readFileSync(join(archive.output, 'articles/rfa/1048574.md'), 'utf8'), /第10段/);

    const io = captureIo(archive.root, new Date(T0));
    await statusCommand(archive.config, io, { json: true });
    const [row] = JSON.parse(io.out.join('')) as { selectorsMissingSince: string | null; selectorMisses: number; flags: string[] }[];
    assert.equal(row?.selectorsMissingSince, '2026-09-29T00:00:00Z');
    assert.equal(row?.selectorMisses, 2);
    assert.ok(row?.flags.includes('selectors missing since 2026-09-29T00:00:00Z (2 pages)'), row?.flags.join());

    const feed = readFileSync(join(archive.output, 'site/feeds/health.atom'), 'utf8');
    assert.match(feed, /<title type="text">自由亚洲电台：选择器失效<\/title>/);
    assert.match(readFileSync(join(archive.output, 'site/health.html'), 'utf8'), /选择器失效<\/strong>（自 2026-09-29 08:00（UTC\+8），2 页）/);
  });
});
