import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../config/index.ts';
import { BUILTIN_SOURCES } from '../config/builtin-sources.ts';
import { editConfigSources } from './config-file.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'nv-config-'));
const extra = { id: 'udn', name: '联合新闻网', url: 'https://udn.com/rssfeed/news/2/6638?ch=news', language: 'zh-Hant' };

test('YAML: adding and removing a source keeps comments and other settings', () => {
  const file = join(temp(), 'newsvault.config.yaml');
  writeFileSync(
    file,
    `# my archive\noutput: archive # where the Markdown goes\nsources:\n  # the outlets I read\n  - id: voa\n    name: 美国之音\n    url: https://feedx.net/rss/mgzy1.xml\n  - id: rfi\n    name: 法广\n    url: https://feedx.net/rss/rfi.xml\n`,
  );
  const added = editConfigSources(file, { add: [extra] });
  assert.deepEqual(added, { added: ['udn'], removed: [], created: false });
  const removed = editConfigSources(file, { removeIds: ['RFI'] });
  assert.deepEqual(removed.removed, ['rfi']);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^# my archive\noutput: archive # where the Markdown goes\n/);
  assert.match(text, /# the outlets I read/);
  assert.deepEqual(loadConfig({ file, cwd: '/' }).sources.map((source) => source.id), ['voa', 'udn']);
});

test('JSON: a config without sources starts from the built-in outlets', () => {
  const file = join(temp(), 'newsvault.config.json');
  writeFileSync(file, JSON.stringify({ output: 'out', listSize: 100 }));
  editConfigSources(file, { add: [extra] });
  const config = loadConfig({ file, cwd: '/' });
  assert.equal(config.listSize, 100);
  assert.deepEqual(config.sources.map((source) => source.id), [...BUILTIN_SOURCES.map((source) => source.id), 'udn']);
});

test('a missing file is created; an edit that breaks the config is refused and nothing is written', () => {
  const file = join(temp(), 'newsvault.config.json');
  assert.equal(editConfigSources(file, { add: [extra] }).created, true);
  const before = readFileSync(file, 'utf8');
  assert.throws(() => editConfigSources(file, { add: [{ ...extra, name: '另一个' }] }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /duplicate source id "udn"/);
    return true;
  });
  assert.equal(readFileSync(file, 'utf8'), before);
});
