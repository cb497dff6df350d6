// `newsvault sources` and `newsvault opml` through the real command line entry, in a temp folder.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILTIN_SOURCES } from '../config/builtin-sources.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    now: () => new Date('2024-01-01T00:00:00Z'),
    isTty: false,
    env: {},
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

test('sources add, list and remove edit the config file', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'nv-cli-sources-'));
  const add = io(cwd);
  assert.equal(await main(['sources', 'add', 'https://theinitium.com/newsfeed/', '--name', '端传媒', '--language', 'zh-Hant'], add.io), 0);
  assert.match(add.out(), /added "theinitium" \(端传媒\)/);
  assert.match(add.out(), /created .*newsvault\.config\.json/);

  const list = io(cwd);
  assert.equal(await main(['sources', '--json'], list.io), 0);
  const ids = (JSON.parse(list.out()) as { id: string }[]).map((source) => source.id);
  assert.deepEqual(ids, [...BUILTIN_SOURCES.map((source) => source.id), 'theinitium']);

  const again = io(cwd);
  assert.equal(await main(['sources', 'add', 'https://theinitium.com/newsfeed/'], again.io), 2);
  assert.match(again.err(), /already configured as "theinitium"/);

  const remove = io(cwd);
  assert.equal(await main(['sources', 'remove', 'voa'], remove.io), 0);
  const table = io(cwd);
  assert.equal(await main(['sources'], table.io), 0);
  assert.doesNotMatch(table.out(), /^voa /m);
  assert.match(table.out(), /^theinitium\s+端传媒\s+https:\/\/theinitium\.com\/newsfeed\/$/m);

  const missing = io(cwd);
  assert.equal(await main(['sources', 'remove', 'nope'], missing.io), 2);
});

test('opml export then import into another config round-trips the sources', async () => {
  const from = mkdtempSync(join(tmpdir(), 'nv-cli-opml-a-'));
  writeFileSync(
    join(from, 'newsvault.config.yaml'),
    'sources:\n  - id: voa\n    name: 美国之音\n    url: https://feedx.net/rss/mgzy1.xml\n    language: zh-Hans\n  - id: rthk\n    name: "香港電台 & <新聞>"\n    url: https://rthk.hk/rthk/news/rss/c_expressnews_clocal.xml\n    language: zh-Hant\n',
  );
  const exported = io(from);
  assert.equal(await main(['opml', 'export', '-o', 'sources.opml'], exported.io), 0);
  const opml = readFileSync(join(from, 'sources.opml'), 'utf8');
  assert.match(opml, /text="香港電台 &amp; &lt;新聞&gt;"/);

  const to = mkdtempSync(join(tmpdir(), 'nv-cli-opml-b-'));
  writeFileSync(join(to, 'newsvault.config.json'), JSON.stringify({ sources: [{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }] }));
  const imported = io(to);
  assert.equal(await main(['opml', 'import', join(from, 'sources.opml')], imported.io), 0);
  assert.match(imported.out(), /added 1 sources \(rthk\); 1 already configured/);
  const config = JSON.parse(readFileSync(join(to, 'newsvault.config.json'), 'utf8')) as { sources: unknown[] };
  assert.deepEqual(config.sources[1], {
    id: 'rthk',
    name: '香港電台 & <新聞>',
    url: 'https://rthk.hk/rthk/news/rss/c_expressnews_clocal.xml',
    language: 'zh-Hant',
  });

  const bad = io(to);
  writeFileSync(join(to, 'not.opml'), '<rss/>');
  assert.equal(await main(['opml', 'import', 'not.opml'], bad.io), 2);
  assert.match(bad.err(), /not an OPML document/);
});
