// The object `newsvault parse` prints: one JSON line per document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { describeFeed } from './describe.ts';

const testdata = new URL('../parse/testdata/', import.meta.url);
const NOW = new Date('2025-12-10T00:00:00.000Z');

describe('describeFeed', () => {
  test('rfi.xml', () => {
    const out = describeFeed(readFileSync(new URL('rfi.xml', testdata)), { now: NOW });
    assert.ok(!('error' in out));
    assert.deepEqual(
      { format: out.format, version: out.version, encoding: out.encoding, title: out.title, link: out.link, language: out.language, warnings: out.warnings },
      { format: 'rss', version: '2.0', encoding: 'utf-8', title: '法广', link: 'https://www.rfi.fr/cn/', language: 'zh-cn', warnings: [] },
    );
    const [item] = out.items;
    assert.equal(item?.id, 'rfi-1679494503000');
    assert.equal(item?.title, '习近平结束访俄，北京与莫斯科建立针对西方的"特殊"关系');
    assert.equal(item?.published, '2023-03-22T14:15:03.000Z');
    assert.equal(item?.updated, null);
    assert.ok(item?.summary?.startsWith('<div>22/03/2023 - 15:10</div>'));
    assert.deepEqual([item?.enclosures, item?.categories, item?.content], [[], [], null]);
    // One JSON line: nothing in it that JSON cannot carry.
    assert.deepEqual(JSON.parse(JSON.stringify(out)), out);
  });

  test('warnings from parse and normalize together', () => {
    const out = describeFeed(
      '<rss version="2.0"><channel><title>A &amp;amp; B</title><language>zh-cn</language><item><title>x & y</title><pubDate>2023年3月22日 15:10</pubDate><link>/a</link></item></channel></rss>',
      { now: NOW, feedUrl: 'https://example.com/feed' },
    );
    assert.ok(!('error' in out));
    assert.equal(out.title, 'A & B');
    assert.equal(out.items[0]?.url, 'https://example.com/a');
    assert.equal(out.items[0]?.published, '2023-03-22T07:10:00.000Z');
    assert.ok(out.warnings.some((w) => w.startsWith("parse: unescaped '&'")));
    assert.ok(out.warnings.some((w) => w.startsWith('normalize: published date has no time zone')));
  });

  test('an HTML page gives an error object, not an exception', () => {
    const out = describeFeed(Buffer.from('<!DOCTYPE html><html><body>blocked</body></html>'), { now: NOW, contentType: 'text/html' });
    assert.ok('error' in out);
    assert.equal(out.error.kind, 'not-a-feed');
    assert.match(out.error.message, /looks like an HTML page/);
    assert.ok(Array.isArray(out.warnings));
  });

  test('an empty body', () => {
    const out = describeFeed(new Uint8Array(0), { now: NOW });
    assert.ok('error' in out);
    assert.equal(out.error.kind, 'empty');
  });
});
