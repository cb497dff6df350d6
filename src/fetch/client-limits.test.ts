import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { createTestScope, rejectsWith, startServer, type TestServer } from './test-support.ts';

const { serve, make, closeAll } = createTestScope();
afterEach(closeAll);

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

  test('body stalls after the first chunk → timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('<rss>');
    });
    const { fetcher } = make({ bodyTimeoutMs: 200, retries: 0 });
    await rejectsWith(fetcher.fetch({ url: server.url }), 'timeout');
  });

  test('headers never arrive → timeout, retried, then gives up', async () => {
    const server = await serve(() => {
      // never answer
    });
    const { fetcher, sleeps } = make({ timeoutMs: 150, retries: 1 });
    await rejectsWith(fetcher.fetch({ url: server.url }), 'timeout');
    // One backoff, then the error: so there were two attempts. How many requests the server saw is not
    // asserted: a stalled test process can fire the 150 ms timer before it has written a request.
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
    const server = await startServer(() => undefined);
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
    const controller = new AbortController();
    // Aborted once the request has arrived (not after a fixed delay, which a loaded machine can outlast).
    const server = await serve(() => controller.abort());
    const { fetcher } = make();
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
        while (!res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) break;
        }
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
    // The server answers only once two requests are in flight (releasing both), so "2 at once" is reached by
    // construction, not by timing; a client that sent one at a time would be released after 5 s and fail.
    let inFlight = 0;
    let max = 0;
    const held: (() => void)[] = [];
    const server = await serve((_req, res) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      const answer = (): void => {
        inFlight -= 1;
        res.writeHead(200).end('ok');
      };
      held.push(answer);
      const release = (): void => {
        clearTimeout(fallback);
        for (const next of held.splice(0)) next();
      };
      const fallback = setTimeout(release, 5_000);
      if (inFlight >= 2) release();
    });
    const { fetcher } = make({ perHostConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => fetcher.fetch({ url: `${server.url}/${i}` })));
    assert.equal(results.length, 10);
    assert.equal(server.requests.length, 10);
    assert.equal(max, 2);
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
