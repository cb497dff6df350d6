// `newsvault run` and `newsvault check` re-check through one policy (cycle/recheck-phase.ts): with fetch.proxy set,
// every re-check goes through it, including an article of a source the config no longer lists (check once sent
// those straight to the outlet). The proxy is a loopback server that records each CONNECT and refuses it, so a
// request that bypassed it would never be seen there (its target port is closed).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { configFromValue, type Config } from '../config/index.ts';
import { SqliteStore } from '../store/index.ts';
import { checkCommand } from './check.ts';
import type { CliIo } from './io.ts';
import { runCommand } from './run.ts';

const now = new Date('2024-01-10T00:00:00Z');
const io = (): CliIo => ({ stdout: () => undefined, stderr: () => undefined, cwd: tmpdir(), now: () => now, isTty: false, env: {} });

let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];
before(async () => {
  proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, socket: Socket) => {
    tunnels.push(request.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

/** Two due articles: one of the configured source (port 9), one of a source the config no longer names (port 10). */
async function archive(): Promise<Config> {
  const root = mkdtempSync(join(tmpdir(), 'nv-recheck-proxy-'));
  const value = (sources: unknown[]) => ({
    output: 'archive',
    database: 'db.sqlite',
    sources,
    fetch: { retries: 0, proxy: proxyUrl },
    git: { commit: false },
    site: { enabled: false },
  });
  const current = { id: 'src', name: '来源', url: 'http://127.0.0.1:9/feed.xml', enabled: false };
  const dropped = { id: 'old', name: '旧来源', url: 'http://127.0.0.1:10/feed.xml' };
  const store = SqliteStore.open(configFromValue(value([current]), null, root).database);
  await store.syncSources([current, dropped]);
  for (const [sourceId, url] of [['src', 'http://127.0.0.1:9/a'], ['old', 'http://127.0.0.1:10/a']] as const) {
    await store.insertArticle({
      sourceId, key: `k-${sourceId}`, url, title: '标题', author: null, publishedMs: now.getTime() - 86_400_000,
      content: '<p>正文</p>', sha256: 'a', fingerprint: 'f', seenMs: now.getTime() - 86_400_000, seenWhere: 'feed',
    });
  }
  await store.close();
  return configFromValue(value([current]), null, root);
}

test('run and check send every re-check through fetch.proxy, an article of a source no longer configured too', async () => {
  tunnels.length = 0;
  await runCommand(await archive(), io());
  const byRun = tunnels.splice(0).sort();
  assert.equal(await checkCommand(await archive(), io(), { all: true }), 3); // every check refused: nothing learned
  const byCheck = tunnels.splice(0).sort();
  assert.deepEqual(byRun, ['127.0.0.1:10', '127.0.0.1:9']);
  assert.deepEqual(byCheck, byRun);
});
