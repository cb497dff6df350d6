// `newsvault check`: a reason for every kind of error, and exit code 3 when no re-check got an answer.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { configFromValue, type Config } from '../config/index.ts';
import { SqliteStore } from '../store/index.ts';
import { checkCommand } from './check.ts';
import type { CliIo } from './io.ts';

const now = new Date('2024-01-10T00:00:00Z');

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: tmpdir(), now: () => now, isTty: false, env: {} };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A store holding one article per URL, and a config that neither retries nor commits. */
async function archiveOf(urls: string[]): Promise<Config> {
  const root = mkdtempSync(join(tmpdir(), 'nv-check-'));
  const config = configFromValue(
    {
      output: 'archive',
      database: 'db.sqlite',
      sources: [{ id: 'src', name: '来源', url: 'http://127.0.0.1:1/feed.xml' }],
      fetch: { retries: 0 },
      git: { commit: false },
      site: { enabled: false },
    },
    null,
    root,
  );
  const store = SqliteStore.open(config.database);
  await store.syncSources(config.sources);
  for (const [n, url] of urls.entries()) {
    await store.insertArticle({
      sourceId: 'src', key: `k${n}`, url, title: `标题${n}`, author: null, publishedMs: now.getTime() - 86_400_000,
      content: '<p>正文内容</p>', sha256: 'a', fingerprint: 'f', seenMs: now.getTime() - 86_400_000, seenWhere: 'feed',
    });
  }
  await store.close();
  return config;
}

describe('newsvault check', () => {
  let server: Server;
  let live: string;
  let refused: string;
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === '/down') response.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
      else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>标题0</title></head><body><p>正文内容</p></body></html>');
    });
    live = await listen(server);
    // A port that was just free and is closed again: connecting to it is refused.
    const closed = createServer();
    refused = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('every check an error: each kind with a sample reason, and exit code 3', async () => {
    const config = await archiveOf([`${live}/down`, `${live}/down`, `${refused}/a`]);
    const human = io();
    assert.equal(await checkCommand(config, human, { all: true }), 3);
    const text = human.out.join('');
    assert.match(text, /^checked 3 articles: 3 error$/m);
    assert.match(text, /^ {2}2 errors \(http-status\), e\.g\. .*503.*$/m);
    assert.match(text, /^ {2}1 error \(network\), e\.g\. .*\S.*$/m);
    assert.match(human.err.join(''), /^check: none of the 3 re-checks got an answer \(reasons above\), so nothing was learned$/m);

    const json = io();
    assert.equal(await checkCommand(config, json, { all: true, json: true }), 3);
    const result = JSON.parse(json.out.join('')) as { errorKinds: { kind: string; count: number; sample: string }[] };
    assert.deepEqual(result.errorKinds.map((group) => [group.kind, group.count]), [['http-status', 2], ['network', 1]]);
    assert.ok(result.errorKinds.every((group) => group.sample.length > 0));
  });

  test('only connection failures: says the machine may be offline', async () => {
    const human = io();
    assert.equal(await checkCommand(await archiveOf([`${refused}/a`]), human, { all: true }), 3);
    assert.match(human.err.join(''), /so nothing was learned; the machine may be offline$/m);
  });

  test('some checks answered: the errors are explained and the exit code is 0', async () => {
    const human = io();
    assert.equal(await checkCommand(await archiveOf([`${live}/a`, `${live}/down`]), human, { all: true }), 0);
    const text = human.out.join('');
    assert.match(text, /^checked 2 articles: 1 alive, 1 error$/m);
    assert.match(text, /^ {2}1 error \(http-status\), e\.g\. /m);
    assert.equal(human.err.join(''), '');
  });
});
