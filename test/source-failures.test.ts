// One broken source never stops the others: each failure is named with its reason, exit code 1.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { captureIo } from './support/io.ts';
import { createTestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));


describe('source failures', () => {
  let server: FeedServer;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/ok.xml', serveBody(voaFeed));
    server.routes.set('/500.xml', (_request, response) => response.writeHead(500).end('internal error'));
    server.routes.set('/slow.xml', () => {
      /* never answers: the fetcher's timeout must end it */
    });
    server.routes.set('/html.xml', serveBody('<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>', 'text/html'));
    server.routes.set('/dangerous.xml', serveBody(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>危险</title><link>https://example.com/d</link><guid>d-1</guid><pubDate>Tue, 21 Mar 2023 20:39:04 GMT</pubDate>
<description><![CDATA[<p onclick="alert(1)">文字</p><script>alert(2)</script><iframe src="https://evil.example/"></iframe><a href="javascript:alert(3)">链接</a><object data="x.swf"></object><embed src="x.swf"><img src="data:text/html,<script>alert(4)</script>"><a href="vbscript:msgbox(5)">v</a><br />保留</p>]]></description></item>
</channel></rss>`));
  });
  after(() => server.close());

  test('500 and HTML-as-feed are named with their reason; the others are archived', async () => {
    // No source here ends by a clock (see the next test): a loaded machine cannot change an outcome.
    const archive = await createTestArchive(
      [
        { id: 'ok', name: '好的', url: `${server.url}/ok.xml` },
        { id: 'e500', name: '五百', url: `${server.url}/500.xml` },
        { id: 'html', name: '网页', url: `${server.url}/html.xml` },
      ],
    );
    const result = await archive.run();
    assert.equal(result.exitCode, 1);
    const byId = Object.fromEntries(result.sources.map((source) => [source.sourceId, source]));
    assert.equal(byId['ok']?.outcome, 'ok');
    assert.equal(byId['ok']?.newCount, 1);
    assert.equal(byId['e500']?.error?.kind, 'http-status');
    assert.match(byId['e500']?.error?.message ?? '', /500/);
    assert.equal(byId['html']?.error?.kind, 'not-a-feed');
    assert.match(byId['html']?.error?.message ?? '', /HTML/i);
    assert.ok(existsSync(join(archive.output, 'articles/ok/1048574.md')));
    assert.equal((await archive.commits()).length, 1);
  });

  test('a server that never answers is a timeout, named as one', async () => {
    // Never answering is slow by construction, so a short limit keeps the test fast without a race.
    const archive = await createTestArchive([{ id: 'slow', name: '慢', url: `${server.url}/slow.xml` }], {}, { timeoutMs: 500 });
    const result = await archive.run();
    assert.equal(result.sources[0]?.error?.kind, 'timeout');
    assert.match(result.sources[0]?.error?.message ?? '', /slow\.xml/);
  });

  test('dangerous constructs never reach the archive; the rest of the item keeps its bytes', async () => {
    const archive = await createTestArchive([{ id: 'd', name: '危险', url: `${server.url}/dangerous.xml` }]);
    const result = await archive.run();
    assert.equal(result.exitCode, 0);
    const file = readFileSync(join(archive.output, 'articles/d/1048574.md'), 'utf8');
    const body = file.split('\n')[4] ?? '';
    for (const banned of [/<script/i, /<iframe/i, /<object/i, /<embed/i, /onclick/i, /javascript:/i, /vbscript:/i, /data:text\/html/i]) {
      assert.doesNotMatch(body, banned);
    }
    assert.match(body, /^<p>文字<\/p>/);
    assert.match(body, /<a>链接<\/a>|<a >链接<\/a>|<a\s*>链接<\/a>/);
    assert.match(body, /<br \/>保留<\/p>$/);
  });

  test('the CLI: a bad config exits 2 naming the field; failures exit 1 with a summary', async () => {
    const archive = await createTestArchive([]);
    const badConfig = join(archive.root, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ sources: [{ id: 'x', name: 'X', url: 'ftp://nope' }] }));
    const bad = captureIo(archive.root);
    assert.equal(await main(['run', '--config', badConfig], bad), 2);
    assert.match(bad.err.join(''), /sources\[0\]\.url: must be an http\(s\) URL/);

    const goodConfig = join(archive.root, 'newsvault.config.json');
    writeFileSync(
      goodConfig,
      JSON.stringify({
        output: archive.output,
        database: archive.database,
        fetch: { retries: 0 },
        sources: [
          { id: 'ok', name: '好的', url: `${server.url}/ok.xml` },
          { id: 'e500', name: '五百', url: `${server.url}/500.xml` },
        ],
      }),
    );
    const io = captureIo(archive.root);
    assert.equal(await main(['run'], io), 1);
    const summary = io.out.join('');
    // The CLI runs on the real clock, so the seed feed's one item (2023) is long stale (cycle/staleness.ts).
    assert.match(summary, /^ok\s+1 new, 0 changed, 0 unchanged  \[stale since 2023-03-21T20:39:04Z\]$/m);
    assert.match(summary, /^e500\s+FAILED http-status: .*500/m);
    assert.match(summary, /1 new, 0 changed, 1 failed of 2 sources/);
  });
});
