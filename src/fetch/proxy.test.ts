import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, test } from 'node:test';
import { createFetcher } from './client.ts';
import { createTestScope, listen, startServer, type TestServer } from './test-support.ts';
import { FetchError } from './types.ts';

/** A minimal forward proxy: CONNECT tunnels (what undici's ProxyAgent uses) and absolute-form GET. */
async function startProxy(): Promise<TestServer & { seen: string[] }> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on('error', (error) => res.writeHead(502).end(error.message));
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  const started = await listen(server);
  const closeServer = started.close;
  return Object.assign(started, {
    seen,
    close: async () => {
      // Tunnelled sockets are not HTTP connections, so closeAllConnections() does not see them.
      for (const socket of sockets) socket.destroy();
      await closeServer();
    },
  });
}

const { defer, closeAll } = createTestScope();
afterEach(closeAll);

describe('proxy', () => {
  async function setUp(): Promise<{ target: TestServer; proxy: TestServer & { seen: string[] } }> {
    const target = await startServer((_req, res) => res.writeHead(200).end('via target'));
    const proxy = await startProxy();
    defer(() => target.close());
    defer(() => proxy.close());
    return { target, proxy };
  }

  test('fetcher-wide proxy: the request goes through it', async () => {
    const { target, proxy } = await setUp();
    const fetcher = createFetcher({ proxy: proxy.url });
    defer(() => fetcher.close());
    const result = await fetcher.fetch({ url: `${target.url}/feed` });
    assert.equal(Buffer.from(result.body).toString(), 'via target');
    assert.deepEqual(proxy.seen, [`CONNECT ${new URL(target.url).host}`]);
    assert.equal(target.requests[0]?.url, '/feed');
  });

  test('per-request proxy overrides the fetcher (none → proxy, proxy → none)', async () => {
    const { target, proxy } = await setUp();
    const direct = createFetcher();
    const proxied = createFetcher({ proxy: proxy.url });
    defer(() => direct.close());
    defer(() => proxied.close());

    await direct.fetch({ url: target.url, proxy: proxy.url });
    assert.equal(proxy.seen.length, 1);
    await proxied.fetch({ url: target.url, proxy: null });
    assert.equal(proxy.seen.length, 1);
    assert.equal(target.requests.length, 2);
  });

  test('a proxy that is not an http(s) URL → invalid-url', async () => {
    const fetcher = createFetcher({ proxy: 'socks5://127.0.0.1:1080' });
    defer(() => fetcher.close());
    await assert.rejects(fetcher.fetch({ url: 'http://127.0.0.1:9/' }), (error: unknown) => error instanceof FetchError && error.kind === 'invalid-url');
  });
});
