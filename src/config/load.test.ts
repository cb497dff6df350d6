import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BUILTIN_SOURCES } from './builtin-sources.ts';
import { ConfigError, configFromValue, loadConfig } from './index.ts';

function expectInvalid(value: unknown, field: RegExp) {
  assert.throws(
    () => configFromValue(value, 'newsvault.config.json', '/base'),
    (error: unknown) => error instanceof ConfigError && error.kind === 'invalid' && field.test(error.message),
  );
}

describe('config', () => {
  test('no config file means the built-in outlets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-config-'));
    const config = loadConfig({ cwd: dir });
    assert.equal(config.file, null);
    assert.deepEqual(
      config.sources.map((source) => source.id),
      BUILTIN_SOURCES.map((source) => source.id),
    );
    assert.equal(config.output, join(dir, 'archive'));
    assert.equal(config.database, join(dir, 'newsvault.sqlite'));
  });

  test('built-in outlets are sorted by id and use the feedx feeds the old archive used', () => {
    const ids = BUILTIN_SOURCES.map((source) => source.id.toLowerCase());
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(BUILTIN_SOURCES.find((source) => source.id === 'voa')?.url, 'https://feedx.net/rss/mgzy1.xml');
  });

  test('YAML config with relative paths resolves against the file folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-config-'));
    writeFileSync(
      join(dir, 'newsvault.config.yaml'),
      'output: out\ndatabase: db/nv.sqlite\nsources:\n  - { id: voa, name: 美国之音, url: "http://127.0.0.1:1/voa.xml" }\n',
    );
    const config = loadConfig({ cwd: dir });
    assert.equal(config.output, join(dir, 'out'));
    assert.equal(config.database, join(dir, 'db/nv.sqlite'));
    assert.equal(config.sources[0]?.name, '美国之音');
    assert.equal(config.sources[0]?.fulltext, 'auto');
    assert.deepEqual(config.sources[0]?.fallbacks, []);
  });

  test('fallbacks are kept in order', () => {
    const config = configFromValue({ sources: [{ id: 'a', name: 'A', url: 'http://a/', fallbacks: ['http://c/', 'http://b/'] }] }, null, '/');
    assert.deepEqual(config.sources[0]?.fallbacks, ['http://c/', 'http://b/']);
  });

  test('an explicit file that does not exist is a not-found error', () => {
    assert.throws(
      () => loadConfig({ file: 'missing.json', cwd: tmpdir() }),
      (error: unknown) => error instanceof ConfigError && error.kind === 'not-found' && /missing\.json/.test(error.message),
    );
  });

  test('broken JSON is a syntax error naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-config-'));
    writeFileSync(join(dir, 'c.json'), '{ "output": ');
    assert.throws(
      () => loadConfig({ file: 'c.json', cwd: dir }),
      (error: unknown) => error instanceof ConfigError && error.kind === 'syntax' && /c\.json/.test(error.message),
    );
  });

  const invalid: [string, unknown, RegExp][] = [
    ['a source without url', { sources: [{ id: 'a', name: 'A' }] }, /sources\[0\]\.url/],
    ['a non-http url', { sources: [{ id: 'a', name: 'A', url: 'file:///etc/passwd' }] }, /sources\[0\]\.url: must be an http\(s\) URL/],
    ['an id with a slash', { sources: [{ id: '../x', name: 'A', url: 'http://a/' }] }, /sources\[0\]\.id/],
    ['a name with a slash', { sources: [{ id: 'a', name: 'a/b', url: 'http://a/' }] }, /sources\[0\]\.name/],
    ['the reserved list name', { sources: [{ id: 'a', name: 'Removed', url: 'http://a/' }] }, /sources\[0\]\.name: "removed" is reserved/],
    [
      'duplicate ids',
      { sources: [{ id: 'a', name: 'A', url: 'http://a/' }, { id: 'A', name: 'B', url: 'http://b/' }] },
      /sources\[1\]\.id: duplicate source id/,
    ],
    ['a fallback that is not http(s)', { sources: [{ id: 'a', name: 'A', url: 'http://a/', fallbacks: ['ftp://a/'] }] }, /sources\[0\]\.fallbacks\[0\]: must be an http\(s\) URL/],
    ['a fallback repeating the url', { sources: [{ id: 'a', name: 'A', url: 'http://a/', fallbacks: ['http://b/', 'http://a/'] }] }, /sources\[0\]\.fallbacks\[1\]: repeats/],
    ['a misspelt fallbacks key', { sources: [{ id: 'a', name: 'A', url: 'http://a/', fallback: ['http://b/'] }] }, /Unrecognized key.*fallback/],
    ['an unknown top-level key', { outptu: 'x' }, /Unrecognized key.*outptu/],
    ['a bad fulltext mode', { fulltext: 'sometimes' }, /fulltext/],
    ['a negative timeout', { fetch: { timeoutMs: -1 } }, /fetch\.timeoutMs/],
    ['an image proxy without {url}', { imageProxy: 'https://proxy/' }, /imageProxy/],
  ];
  for (const [name, value, field] of invalid) {
    test(`rejects ${name}, naming the field`, () => expectInvalid(value, field));
  }
});
