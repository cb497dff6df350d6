// A feed larger than the old 20 MiB cap, generated on the fly by a loopback server, goes through a real
// cycle in a child process: every item is archived, and the peak memory of fetching, parsing and storing
// it stays bounded, because the body is spooled and parsed one item at a time instead of held whole
// (fetch/spool.ts, cycle/feed-items.ts). The bound is loose on purpose: Node with jsdom, OpenCC and SQLite
// loaded is about 180 MiB. Publishing afterwards has its own bound (500 articles at a time) and is only
// reported. No timing is asserted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';

const ITEMS = 1000;
const PARAGRAPHS = 300;
const MiB = 1024 * 1024;

/** One item of about 62 KB: real-looking Chinese paragraphs that differ from item to item. */
function item(n: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < PARAGRAPHS; p++) {
    paragraphs.push(`<p>第${n}篇第${p}段：香港记者协会发表年度言论自由报告，指出新闻自由指数连续第三年下跌，记者在采访中面对更多限制。报告编号 ${n * 100 + p}，受访者 ${(n * 7 + p) % 997} 人。</p>`);
  }
  const date = new Date(Date.UTC(2024, 0, 1) - n * 60_000).toUTCString();
  return `<item><title>大型订阅第${n}篇</title><link>https://example.com/big/${n}</link><guid>big-${n}</guid><pubDate>${date}</pubDate>` +
    `<content:encoded><![CDATA[${paragraphs.join('')}]]></content:encoded></item>\n`;
}

describe('a feed larger than the old cap, in a real run', () => {
  let server: FeedServer;
  let sentBytes = 0;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/big.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      let n = 0;
      const send = (text: string): boolean => {
        sentBytes += Buffer.byteLength(text);
        return response.write(text);
      };
      send('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>大型订阅</title><link>https://example.com/</link><language>zh-cn</language>\n');
      const pump = (): void => {
        while (n < ITEMS) {
          if (!send(item(n++))) return void response.once('drain', pump);
        }
        response.end('</channel></rss>\n');
      };
      pump();
    });
  });
  after(() => server.close());

  test(`${ITEMS} items, about 60 MB: all archived, peak RSS well under the feed's size`, { timeout: 600_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'nv-large-'));
    const config = join(root, 'newsvault.config.json');
    writeFileSync(config, JSON.stringify({
      output: 'archive',
      database: 'newsvault.sqlite',
      fulltext: 'feed',
      site: { enabled: false },
      sources: [{ id: 'big', name: '大型订阅', url: `${server.url}/big.xml` }],
    }));
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./support/cycle-child.ts', import.meta.url).pathname, config], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.ok(sentBytes > 55 * MiB, `the feed was ${sentBytes} bytes`);

    const report = JSON.parse(stdout) as {
      sources: Array<{ newCount: number; outcome: string; warnings: string[] }>;
      errors: string[];
      sourcesPeakKiB: number;
      peakKiB: number;
    };
    assert.deepEqual(report.errors, []);
    assert.equal(report.sources[0]?.outcome, 'ok', JSON.stringify(report.sources[0]));
    assert.equal(report.sources[0]?.newCount, ITEMS);
    const files = readdirSync(join(root, 'archive', 'articles', 'big')).sort();
    assert.equal(files.length, ITEMS);
    // Every item is there once, and the last one of the feed is whole.
    const titles = new Map<string, string>();
    for (const file of files) {
      const text = readFileSync(join(root, 'archive', 'articles', 'big', file), 'utf8');
      titles.set(/^\[([^\]]+)\]/m.exec(text)?.[1] ?? '', text);
    }
    assert.equal(titles.size, ITEMS);
    const last = titles.get(`大型订阅第${ITEMS - 1}篇`) ?? '';
    assert.equal((last.match(/<p>/g) ?? []).length, PARAGRAPHS);
    assert.ok(last.includes(`第${ITEMS - 1}篇第${PARAGRAPHS - 1}段`));

    const sourcesPeak = report.sourcesPeakKiB / 1024;
    console.log(`large feed: ${(sentBytes / MiB).toFixed(1)} MiB, ${ITEMS} items; peak RSS ${sourcesPeak.toFixed(0)} MiB when stored, ${(report.peakKiB / 1024).toFixed(0)} MiB after publishing`);
    assert.ok(sourcesPeak < 400, `peak RSS while fetching, parsing and storing: ${sourcesPeak.toFixed(0)} MiB`);
  });
});
