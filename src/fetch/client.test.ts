import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createTestScope, rejectsWith } from './test-support.ts';

const { serve, make, closeAll } = createTestScope();
afterEach(closeAll);

describe('basic GET', () => {
  test('returns body, content type and validators; sends our headers', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 01 Jul 2025 00:00:00 GMT' });
      res.end('<rss/>');
    });
    const { fetcher } = make();
    const result = await fetcher.fetch({ url: `${server.url}/feed#frag` });
    assert.equal(Buffer.from(result.body).toString(), '<rss/>');
    assert.equal(result.status, 200);
    assert.equal(result.notModified, false);
    assert.equal(result.contentType, 'application/rss+xml; charset=utf-8');
    assert.equal(result.etag, '"v1"');
    assert.equal(result.lastModified, 'Tue, 01 Jul 2025 00:00:00 GMT');
    assert.equal(result.requestedUrl, `${server.url}/feed`);
    assert.equal(result.finalUrl, `${server.url}/feed`);
    assert.equal(result.permanentRedirect, null);
    assert.equal(result.retries, 0);
    const seen = server.requests[0];
    assert.equal(seen?.headers['user-agent'], 'newsvault/0.1 (+https://github.com/newsvault/newsvault)');
    assert.equal(seen?.headers['accept-encoding'], 'gzip, deflate, br');
    assert.match(seen?.headers.accept ?? '', /application\/rss\+xml/);
    assert.equal(seen?.headers['if-none-match'], undefined);
    assert.equal(seen?.headers['if-modified-since'], undefined);
  });

  for (const url of ['ftp://example.com/feed', 'file:///etc/passwd', 'not a url', 'javascript:alert(1)', '']) {
    test(`invalid URL ${JSON.stringify(url)}`, async () => {
      const { fetcher } = make();
      await rejectsWith(fetcher.fetch({ url }), 'invalid-url');
    });
  }

  test('404 is http-status without retries', async () => {
    const server = await serve((_req, res) => res.writeHead(404).end('gone'));
    const { fetcher, sleeps } = make();
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'http-status');
    assert.equal(error.status, 404);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(sleeps, []);
  });
});

describe('conditional requests (RFC 9110 §13.1)', () => {
  test('second request sends the validators and gets 304 with an empty body', async () => {
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"abc"' || req.headers['if-modified-since'] === 'Wed, 02 Jul 2025 10:00:00 GMT') {
        res.writeHead(304, { etag: '"abc"' }).end();
        return;
      }
      res.writeHead(200, { etag: '"abc"', 'last-modified': 'Wed, 02 Jul 2025 10:00:00 GMT' }).end('<feed/>');
    });
    const { fetcher } = make();
    const first = await fetcher.fetch({ url: server.url, conditional: { etag: null, lastModified: '' } });
    assert.equal(first.notModified, false);
    assert.equal(server.requests[0]?.headers['if-none-match'], undefined);
    assert.equal(server.requests[0]?.headers['if-modified-since'], undefined);

    const second = await fetcher.fetch({ url: server.url, conditional: { etag: first.etag, lastModified: first.lastModified } });
    // Asserted at the server: it saw both validators on the second request.
    assert.equal(server.requests[1]?.headers['if-none-match'], '"abc"');
    assert.equal(server.requests[1]?.headers['if-modified-since'], 'Wed, 02 Jul 2025 10:00:00 GMT');
    assert.equal(second.status, 304);
    assert.equal(second.notModified, true);
    assert.equal(second.body.byteLength, 0);
    assert.equal(second.etag, '"abc"');
    // The 304 omitted Last-Modified; the one we sent is still current.
    assert.equal(second.lastModified, 'Wed, 02 Jul 2025 10:00:00 GMT');
  });
});

describe('redirects', () => {
  test('redirect loop → redirect-loop', async () => {
    const server = await serve((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    const { fetcher } = make();
    await rejectsWith(fetcher.fetch({ url: `${server.url}/a` }), 'redirect-loop');
    assert.deepEqual(server.requests.map((req) => req.url), ['/a', '/b']);
  });

  test('too many redirects', async () => {
    const server = await serve((req, res) => res.writeHead(302, { location: `/r${Number(req.url?.slice(2)) + 1}` }).end());
    const { fetcher } = make({ maxRedirects: 3 });
    const error = await rejectsWith(fetcher.fetch({ url: `${server.url}/r0` }), 'too-many-redirects');
    assert.match(error.message, /more than 3 redirects/);
    assert.equal(server.requests.length, 4);
  });

  const chains: Array<{ name: string; routes: Record<string, [number, string]>; expect: string | null }> = [
    { name: '301 → permanentRedirect', routes: { '/old': [301, '/new'] }, expect: '/new' },
    { name: '308 then 301 → last permanent URL', routes: { '/old': [308, '/mid'], '/mid': [301, '/new'] }, expect: '/new' },
    { name: '301 then 302 → the URL before the temporary hop', routes: { '/old': [301, '/mid'], '/mid': [302, '/new'] }, expect: '/mid' },
    { name: '302 then 301 → none (the old URL is still the entry point)', routes: { '/old': [302, '/mid'], '/mid': [301, '/new'] }, expect: null },
    { name: '307 → none', routes: { '/old': [307, '/new'] }, expect: null },
  ];
  for (const c of chains) {
    test(c.name, async () => {
      const server = await serve((req, res) => {
        const route = c.routes[req.url ?? ''];
        if (route) res.writeHead(route[0], { location: route[1] }).end();
        else res.writeHead(200).end(`at ${req.url}`);
      });
      const { fetcher } = make();
      const result = await fetcher.fetch({ url: `${server.url}/old` });
      assert.equal(result.finalUrl, `${server.url}/new`);
      assert.equal(Buffer.from(result.body).toString(), 'at /new');
      assert.equal(result.permanentRedirect, c.expect === null ? null : `${server.url}${c.expect}`);
    });
  }

  test('redirect to a non-http scheme → invalid-url', async () => {
    const server = await serve((_req, res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end());
    const { fetcher } = make();
    await rejectsWith(fetcher.fetch({ url: server.url }), 'invalid-url');
  });
});

describe('retries', () => {
  test('429 with Retry-After then success: sleeps exactly Retry-After', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(429, { 'retry-after': '7' }).end();
      else res.writeHead(200).end('ok');
    });
    const { fetcher, sleeps } = make();
    const result = await fetcher.fetch({ url: server.url });
    assert.deepEqual(sleeps, [7000]);
    assert.equal(result.retries, 1);
    assert.equal(Buffer.from(result.body).toString(), 'ok');
  });

  test('Retry-After as an HTTP date is measured against the injected clock', async () => {
    const now = Date.parse('2025-07-01T00:00:00Z');
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(503, { 'retry-after': 'Tue, 01 Jul 2025 00:00:05 GMT' }).end();
      else res.writeHead(200).end('ok');
    });
    const { fetcher, sleeps } = make({ now: () => now });
    const result = await fetcher.fetch({ url: server.url });
    assert.deepEqual(sleeps, [5000]);
    assert.equal(result.retries, 1);
  });

  test('Retry-After beyond the budget → rate-limited at once, saying so', async () => {
    const server = await serve((_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    const { fetcher, sleeps } = make({ maxTotalMs: 60_000 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'rate-limited');
    assert.match(error.message, /Retry-After of 120 s exceeds/);
    assert.equal(error.status, 429);
    assert.deepEqual(sleeps, []);
    assert.equal(server.requests.length, 1);
  });

  test('429 every time → rate-limited after the retries', async () => {
    const server = await serve((_req, res) => res.writeHead(429).end());
    const { fetcher, sleeps } = make({ retries: 2 });
    await rejectsWith(fetcher.fetch({ url: server.url }), 'rate-limited');
    assert.equal(server.requests.length, 3);
    assert.deepEqual(sleeps, [250, 500]);
  });

  test('503 then success: exponential backoff', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(503).end();
      else res.writeHead(200).end('ok');
    });
    const { fetcher, sleeps } = make();
    const result = await fetcher.fetch({ url: server.url });
    assert.equal(result.retries, 1);
    assert.deepEqual(sleeps, [250]);
  });

  test('500 always → http-status after the retries', async () => {
    const server = await serve((_req, res) => res.writeHead(500).end('boom'));
    const { fetcher, sleeps } = make({ retries: 2, random: () => 0.5 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'http-status');
    assert.equal(error.status, 500);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(sleeps, [375, 750]);
  });
});
