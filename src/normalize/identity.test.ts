import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalLink, itemKey } from './identity.ts';

test('canonical links: one article reached through two feeds compares equal', () => {
  const same: [string, string][] = [
    ['https://www.bbc.com/zhongwen/articles/cwyv1yz8yrno/simp', 'https://www.bbc.com/zhongwen/articles/cwyv1yz8yrno/simp?at_medium=RSS&at_campaign=rss'],
    ['http://www.rfi.fr/cn/a/1', 'https://rfi.fr/cn/a/1#comments'],
    ['https://cn.nytimes.com/china/20240320/china-youth-temples/', 'https://cn.nytimes.com/china/20240320/china-youth-temples'],
    ['https://www.rfi.fr/cn/%e6%94%bf%e6%b2%bb/x', 'https://www.rfi.fr/cn/%E6%94%BF%E6%B2%BB/x'],
    ['https://example.com/a?id=1&b=2', 'https://example.com/a?b=2&id=1&utm_source=feedburner'],
    ['https://example.com/', 'https://example.com'],
  ];
  for (const [a, b] of same) assert.equal(canonicalLink(a), canonicalLink(b), `${a} vs ${b}`);
  const different: [string, string][] = [
    ['https://example.com/a?id=1', 'https://example.com/a?id=2'],
    ['https://example.com/a', 'https://example.org/a'],
    ['https://example.com/a', 'https://example.com/b'],
    ['https://news.example.com/a', 'https://example.com/a'],
  ];
  for (const [a, b] of different) assert.notEqual(canonicalLink(a), canonicalLink(b), `${a} vs ${b}`);
  assert.equal(canonicalLink('not a url'), 'not a url');
  assert.equal(canonicalLink('HTTP://WWW.Example.COM/A/?utm_medium=x'), 'https://example.com/A');
});

test('item keys are unchanged: guid, else the URL as sent, else a hash', () => {
  assert.equal(itemKey('x', 'https://a/?utm_source=1', 't', null), 'guid:x');
  assert.equal(itemKey(null, 'https://a/?utm_source=1', 't', null), 'url:https://a/?utm_source=1');
  assert.match(itemKey(null, null, 't', 'b'), /^hash:[0-9a-f]{64}$/);
});
