import assert from 'node:assert/strict';
import { test } from 'node:test';
import Parser from 'rss-parser';
import { atomId, uuidV5 } from './ids.ts';
import { renderAtom, type AtomFeed } from './render.ts';

const feed = (title: string, contentHtml: string): AtomFeed => ({
  id: atomId('test', 'feed/all'),
  title: 'feed',
  subtitle: null,
  links: [{ rel: 'self', href: 'all.atom', type: 'application/atom+xml' }],
  author: 'newsvault',
  lang: 'zh-Hans',
  entries: [
    {
      id: atomId('test', 'article/voa/1'),
      title,
      updatedMs: Date.parse('2024-01-02T03:04:05.678Z'),
      publishedMs: Date.parse('2024-01-01T00:00:00Z'),
      links: [{ rel: 'alternate', href: '../articles/voa/1.html?a=1&b=2' }],
      author: null,
      contentHtml,
      lang: 'zh-Hant',
      categories: ['美国之音'],
    },
  ],
});

test('markup, ampersands and XML-forbidden control characters in titles and content stay well-formed', async () => {
  const xml = renderAtom(feed('標題 <b>&amp;</b> "引號"\u0001\u000b', '<p>正文 &amp; <a href="x?a=1&b=2">連結</a></p>\u0000'));
  assert.match(xml, /<title type="text">標題 &lt;b&gt;&amp;amp;&lt;\/b&gt; &quot;引號&quot;<\/title>/);
  assert.match(xml, /<updated>2024-01-02T03:04:05Z<\/updated>/);
  const parsed = await new Parser().parseString(xml);
  assert.equal(parsed.items[0]!.title, '標題 <b>&amp;</b> "引號"');
  assert.equal(parsed.items[0]!.content, '<p>正文 &amp; <a href="x?a=1&b=2">連結</a></p>');
  assert.equal(parsed.items[0]!.link, '../articles/voa/1.html?a=1&b=2');
});

test('the same feed renders to the same bytes, and feed updated is the newest entry', () => {
  const a = renderAtom(feed('t', '<p>c</p>'));
  assert.equal(a, renderAtom(feed('t', '<p>c</p>')));
  assert.match(a, /^  <updated>2024-01-02T03:04:05Z<\/updated>$/m);
});

test('ids are RFC 9562 version-5 UUID URNs, stable and distinct per archive', () => {
  const id = uuidV5('hello');
  assert.match(id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(uuidV5('hello'), id);
  assert.notEqual(atomId('archive-a', 'article/voa/1'), atomId('archive-b', 'article/voa/1'));
});
