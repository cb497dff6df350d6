// `newsvault status`: per-source health from the store, flags for failing and silent sources.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { configFromValue } from '../config/index.ts';
import { SqliteStore } from '../store/index.ts';
import type { CliIo } from './io.ts';
import { statusCommand } from './status.ts';

const HOUR = 3600_000;
const now = Date.UTC(2024, 0, 10);

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: tmpdir(), now: () => new Date(now), isTty: false, env: {},
  };
}

function twoSources(root: string) {
  return configFromValue(
    {
      output: 'archive',
      database: 'db.sqlite',
      sources: [
        { id: 'voa', name: '美国之音', url: 'http://127.0.0.1:1/voa.xml' },
        { id: 'rfi', name: '法广', url: 'http://127.0.0.1:1/rfi.xml' },
      ],
    },
    null,
    root,
  );
}

test('status in an empty folder creates no database and lists every source as never fetched', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-status-'));
  const config = twoSources(root);
  const human = io();
  assert.equal(await statusCommand(config, human), 0);
  const text = human.out.join('');
  assert.match(text, new RegExp(`^no database yet at ${config.database.replace(/[.\\/]/g, '\\$&')}: run \`newsvault run\` first$`, 'm'));
  assert.match(text, /^voa\s+0\s+-\s+-\s+0\s+never fetched$/m);
  assert.match(text, /^rfi\s+0\s+-\s+-\s+0\s+never fetched$/m);
  assert.doesNotMatch(text, /\bok$/m);

  const json = io();
  assert.equal(await statusCommand(config, json, { json: true }), 0);
  const rows = JSON.parse(json.out.join('')) as { id: string; fetched: boolean; flags: string[] }[];
  assert.deepEqual(rows.map((row) => [row.id, row.fetched, row.flags]), [['voa', false, []], ['rfi', false, []]]);
  assert.match(json.err.join(''), /no database yet/);

  assert.equal(existsSync(config.database), false);
  assert.deepEqual(readdirSync(root), []);
});

test('status calls a source never fetched when the store knows it but no cycle tried it, or does not know it yet', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-status-'));
  const config = twoSources(root);
  const store = SqliteStore.open(config.database);
  await store.syncSources(config.sources.slice(0, 1)); // rfi was added to the config after the last run
  await store.close();
  const human = io();
  assert.equal(await statusCommand(config, human), 0);
  const text = human.out.join('');
  assert.match(text, /^voa\s+0\s+-\s+-\s+0\s+never fetched$/m);
  assert.match(text, /^rfi\s+0\s+-\s+-\s+0\s+never fetched$/m);
  assert.doesNotMatch(text, /no database yet/);
  // Reading did not add rfi to the store.
  const after = SqliteStore.open(config.database);
  assert.deepEqual((await after.listSources()).map((source) => source.id), ['voa']);
  await after.close();
});

test('status flags a source failing for 3 runs and one silent far longer than its usual interval', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-status-'));
  const config = configFromValue(
    {
      output: 'archive',
      database: 'db.sqlite',
      sources: [
        { id: 'ok', name: '正常', url: 'http://127.0.0.1:1/ok.xml' },
        { id: 'down', name: '故障', url: 'http://127.0.0.1:1/down.xml' },
        { id: 'quiet', name: '沉默', url: 'http://127.0.0.1:1/quiet.xml' },
      ],
    },
    null,
    root,
  );
  const store = SqliteStore.open(config.database);
  await store.syncSources(config.sources);
  const add = async (sourceId: string, seenMs: number, n: number) =>
    await store.insertArticle({
      sourceId, key: `k${sourceId}${n}`, url: null, title: 't', author: null, publishedMs: seenMs, content: '<p>x</p>',
      sha256: 'a', fingerprint: 'f', seenMs, seenWhere: 'feed',
    });
  // "ok" and "quiet" both published hourly; "quiet" stopped two days ago.
  for (let n = 0; n < 10; n++) await add('ok', now - n * HOUR, n);
  for (let n = 0; n < 10; n++) await add('quiet', now - 48 * HOUR - n * HOUR, n);
  const state = async (id: string) => (await store.getFetchState(id))!;
  await store.saveFetchState({ ...(await state('ok')), lastSuccessMs: now, lastNewItemMs: now });
  await store.saveFetchState({ ...(await state('quiet')), lastSuccessMs: now, lastNewItemMs: now - 48 * HOUR });
  await store.saveFetchState({ ...(await state('down')), consecutiveFailures: 3, lastError: 'timeout: fetch: no response in 20 s' });
  await store.close();

  const human = io();
  assert.equal(await statusCommand(config, human), 1);
  const table = human.out.join('');
  assert.match(table, /^ok\s+10\s+2024-01-10T00:00:00Z\s+2024-01-10T00:00:00Z\s+0\s+ok$/m);
  assert.match(table, /^down\s+0\s+-\s+-\s+3\s+failing 3 runs$/m);
  assert.match(table, /^quiet\s+10\s+.*\s+stale since 2024-01-08T00:00:00Z$/m);
  assert.match(table, /^down: last error: timeout: fetch: no response in 20 s$/m);

  const json = io();
  await statusCommand(config, json, { json: true });
  const rows = JSON.parse(json.out.join('')) as { id: string; flags: string[] }[];
  assert.deepEqual(rows.map((row) => [row.id, row.flags]), [['ok', []], ['down', ['failing 3 runs']], ['quiet', ['stale since 2024-01-08T00:00:00Z']]]);
});
