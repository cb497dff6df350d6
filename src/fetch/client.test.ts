import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { createFetcher } from './client.ts';
import { startServer, type TestServer } from './test-server.ts';
import { FetchError, type FetchErrorKind, type Fetcher, type FetcherOptions } from './types.ts';

/** A fetcher that never really waits: sleeps are recorded, jitter is 0. */
function testFetcher(overrides: Partial<FetcherOptions> = {}): { fetcher: Fetcher; sleeps: number[] } {
  const sleeps: number[] = [];
  const fetcher = createFetcher({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...overrides,
  });
  return { fetcher, sleeps };
}

async function rejectsWith(promise: Promise<unknown>, kind: FetchErrorKind): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, /^fetch: /);
    return error;
  }
  assert.fail(`expected a FetchError of kind ${kind}`);
}

const servers: TestServer[] = [];
const fetchers: Fetcher[] = [];
async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}
function make(overrides: Partial<FetcherOptions> = {}): { fetcher: Fetcher; sleeps: number[] } {
  const made = testFetcher(overrides);
  fetchers.push(made.fetcher);
  return made;
}
after(async () => {
  await Promise.all(fetchers.map((fetcher) => fetcher.close()));
  await Promise.all(servers.map((server) => server.close()));
});

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

describe('timeouts and broken connections', () => {
  test('slow drip body → timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const drip = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(drip));
    });
    const { fetcher } = make({ bodyTimeoutMs: 300, retries: 0 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'timeout');
    assert.match(error.message, /body/);
  });

  test('headers never arrive → timeout, retried, then gives up', async () => {
    const server = await serve(() => {
      // never answer
    });
    const { fetcher, sleeps } = make({ timeoutMs: 150, retries: 1 });
    await rejectsWith(fetcher.fetch({ url: server.url }), 'timeout');
    assert.equal(server.requests.length, 2);
    assert.equal(sleeps.length, 1);
  });

  test('connection reset mid-body → network', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write(Buffer.alloc(1000, 0x61), () => setTimeout(() => req.socket.destroy(), 20));
    });
    const { fetcher } = make({ retries: 0 });
    await rejectsWith(fetcher.fetch({ url: server.url }), 'network');
  });

  test('connection refused → network after retries', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    await server.close();
    const { fetcher, sleeps } = make({ retries: 2 });
    await rejectsWith(fetcher.fetch({ url }), 'network');
    assert.deepEqual(sleeps, [250, 500]);
  });

  test('total budget caps a request including retries', async () => {
    const server = await serve(() => undefined);
    const { fetcher } = make({ timeoutMs: 10_000, maxTotalMs: 200, retries: 5 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'timeout');
    assert.match(error.message, /200 ms in total/);
  });

  test('caller abort stops the request', async () => {
    const server = await serve(() => undefined);
    const { fetcher } = make();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejectsWith(fetcher.fetch({ url: server.url, signal: controller.signal }), 'network');
    assert.match(error.message, /aborted by the caller/);
    assert.equal(server.requests.length, 1);
  });
});

describe('size cap', () => {
  test('endless body → too-large, stops reading', async () => {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const { fetcher } = make({ maxBytes: 1024 * 1024 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'too-large');
    assert.match(error.message, /over 1 MiB/);
    assert.ok(written > 0);
  });

  test('Content-Length over the cap → too-large before reading', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) });
      res.write('abc');
    });
    const { fetcher } = make({ retries: 0 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url, maxBytes: 1024 * 1024 }), 'too-large');
    assert.match(error.message, /Content-Length 5242880/);
  });

  test('gzip bomb: the cap applies to decompressed bytes', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024));
    assert.ok(bomb.length < 1024 * 1024);
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    const { fetcher } = make({ maxBytes: 1024 * 1024 });
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'too-large');
    assert.match(error.message, /after decompression/);
  });
});

describe('content encodings', () => {
  const text = '<rss><channel><title>美国之音中文网</title></channel></rss>'.repeat(50);
  const cases: Array<{ name: string; encoding: string; encode: (input: Buffer) => Buffer }> = [
    { name: 'gzip', encoding: 'gzip', encode: (input) => zlib.gzipSync(input) },
    { name: 'x-gzip', encoding: 'x-gzip', encode: (input) => zlib.gzipSync(input) },
    { name: 'br', encoding: 'br', encode: (input) => zlib.brotliCompressSync(input) },
    { name: 'deflate (zlib-wrapped, RFC 1950)', encoding: 'deflate', encode: (input) => zlib.deflateSync(input) },
    { name: 'deflate (raw, as some servers send)', encoding: 'deflate', encode: (input) => zlib.deflateRawSync(input) },
    { name: 'gzip then br (two codings)', encoding: 'gzip, br', encode: (input) => zlib.brotliCompressSync(zlib.gzipSync(input)) },
    { name: 'identity', encoding: 'identity', encode: (input) => input },
  ];
  for (const c of cases) {
    test(`decodes ${c.name}`, async () => {
      const encoded = c.encode(Buffer.from(text));
      const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': c.encoding }).end(encoded));
      const { fetcher } = make();
      const result = await fetcher.fetch({ url: server.url });
      assert.equal(Buffer.from(result.body).toString('utf8'), text);
    });
  }

  test('corrupt gzip → decompression', async () => {
    const good = zlib.gzipSync(Buffer.from(text));
    const corrupt = Buffer.concat([good.subarray(0, 10), Buffer.alloc(200, 0xff)]);
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(corrupt));
    const { fetcher } = make();
    await rejectsWith(fetcher.fetch({ url: server.url }), 'decompression');
  });

  test('corrupt br → decompression', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(Buffer.from('this is not brotli at all, not even close')));
    const { fetcher } = make();
    await rejectsWith(fetcher.fetch({ url: server.url }), 'decompression');
  });

  test('unsupported coding → decompression', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end('x'));
    const { fetcher } = make();
    const error = await rejectsWith(fetcher.fetch({ url: server.url }), 'decompression');
    assert.match(error.message, /zstd/);
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

describe('concurrency limits', () => {
  async function countingServer(): Promise<TestServer & { max: () => number; current: () => number }> {
    let inFlight = 0;
    let max = 0;
    const server = await serve((_req, res) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200).end('ok');
      }, 30);
    });
    return Object.assign(server, { max: () => max, current: () => inFlight });
  }

  test('never more than perHostConcurrency in flight to one host', async () => {
    const server = await countingServer();
    const { fetcher } = make({ perHostConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => fetcher.fetch({ url: `${server.url}/${i}` })));
    assert.equal(results.length, 10);
    assert.equal(server.requests.length, 10);
    assert.equal(server.max(), 2);
  });

  test('the overall limit holds across hosts', async () => {
    const a = await countingServer();
    const b = await countingServer();
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, a.current() + b.current())), 2);
    const { fetcher } = make({ perHostConcurrency: 3, concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => fetcher.fetch({ url: `${(i % 2 === 0 ? a : b).url}/${i}` })));
    clearInterval(timer);
    assert.ok(a.max() <= 2 && b.max() <= 2);
    assert.ok(peak <= 2, `peak ${peak}`);
    assert.equal(a.requests.length + b.requests.length, 8);
  });
});
