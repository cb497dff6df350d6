// fetchStream: a body over the memory threshold goes to a spool file in the given folder, reads back
// byte-identical, and is gone after dispose; a failed or retried download leaves no file behind; its own
// cap (maxStreamBytes) applies, not the in-memory one.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import zlib from 'node:zlib';
import type { FetchedBody } from './spool.ts';
import { createTestScope, rejectsWith } from './test-support.ts';

const { serve, make, closeAll } = createTestScope();
afterEach(closeAll);

async function bytesOf(body: FetchedBody): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body.chunks()) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

const payload = Buffer.alloc(3 * 1024 * 1024 + 17);
for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + (i >> 10)) & 0xff;

describe('fetchStream', () => {
  test('a body over the threshold is spooled, read back identical (twice), and removed by dispose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-spool-'));
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(payload)));
    // maxBytes (the in-memory cap) is far below the body: it does not apply to streamed bodies.
    const { fetcher } = make({ spoolDir: dir, spoolAboveBytes: 1024 * 1024, maxBytes: 1024 });
    const result = await fetcher.fetchStream({ url: server.url });
    assert.equal(result.body.byteLength, payload.length);
    assert.equal(readdirSync(dir).length, 1, 'one spool folder while the body is held');
    assert.ok((await bytesOf(result.body)).equals(payload));
    assert.ok((await bytesOf(result.body)).equals(payload), 'read again');
    await result.body.dispose();
    await result.body.dispose();
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a small body stays in memory: nothing on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-spool-'));
    const server = await serve((_req, res) => res.writeHead(200).end('<rss/>'));
    const { fetcher } = make({ spoolDir: dir });
    const result = await fetcher.fetchStream({ url: server.url });
    assert.deepEqual(readdirSync(dir), []);
    assert.equal((await bytesOf(result.body)).toString(), '<rss/>');
  });

  test('over maxStreamBytes → too-large, and the partial spool file is deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-spool-'));
    const server = await serve((_req, res) => res.writeHead(200).end(payload));
    const { fetcher } = make({ spoolDir: dir, spoolAboveBytes: 64 * 1024, maxStreamBytes: 2 * 1024 * 1024, retries: 0 });
    const error = await rejectsWith(fetcher.fetchStream({ url: server.url }), 'too-large');
    assert.match(error.message, /2 MiB/);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a connection reset mid-body, then a retry: the first spool file is gone, the second is whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-spool-'));
    const server = await serve((req, res, index) => {
      if (index === 0) {
        res.writeHead(200, { 'content-length': String(payload.length) });
        res.write(payload.subarray(0, 2 * 1024 * 1024), () => req.socket.destroy());
      } else res.writeHead(200).end(payload);
    });
    const { fetcher } = make({ spoolDir: dir, spoolAboveBytes: 64 * 1024, retries: 1 });
    const result = await fetcher.fetchStream({ url: server.url });
    assert.equal(result.retries, 1);
    assert.equal(readdirSync(dir).length, 1);
    assert.ok((await bytesOf(result.body)).equals(payload));
    await result.body.dispose();
    assert.deepEqual(readdirSync(dir), []);
  });

  test('304: an empty body, nothing spooled', async () => {
    const server = await serve((_req, res) => res.writeHead(304, { etag: '"a"' }).end());
    const { fetcher } = make({});
    const result = await fetcher.fetchStream({ url: server.url, conditional: { etag: '"a"' } });
    assert.equal(result.notModified, true);
    assert.equal(result.body.byteLength, 0);
  });
});
