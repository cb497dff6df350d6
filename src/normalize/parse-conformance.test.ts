// Classes of input the reference parsers (feedparser, RFC 4287) read differently from a naive reader:
// Atom 0.3 base64 text, Atom XHTML content with its wrapping div, repeated dates, several enclosures.
// Built samples in parse/testdata/ (see SOURCES.md there), plus table cases for the edges.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { normalizeFeed } from './index.ts';
import { parseFeed } from '../parse/index.ts';

const read = (name: string): Buffer => readFileSync(new URL(`../parse/testdata/${name}`, import.meta.url));
const atom = (entry: string, version: '0.3' | '1.0' = '1.0'): string =>
  version === '1.0'
    ? `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>${entry}</entry></feed>`
    : `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><id>x</id>${entry}</entry></feed>`;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const only = (xml: string | Buffer) => {
  const feed = parseFeed(xml);
  assert.equal(feed.items.length, 1);
  return feed.items[0] as NonNullable<(typeof feed.items)[0]>;
};

describe('Atom 0.3 mode="base64"', () => {
  test('built-atom03-base64.xml: title, content and summary decoded', () => {
    const feed = parseFeed(read('built-atom03-base64.xml'));
    const item = feed.items[0];
    assert.equal(item?.title, '中文标题 <b>粗</b>');
    assert.equal(item?.titleIsHtml, true);
    assert.equal(item?.content, '<p>正文 “引号” &amp; 段落</p>');
    assert.equal(item?.summary, 'a &lt; b &amp; c');
    const normalized = normalizeFeed(feed, { now: new Date('2025-01-01T00:00:00Z') });
    assert.equal(normalized.items[0]?.title, '中文标题 粗');
  });

  const cases: Array<{ name: string; entry: string; title?: string; content?: string | null; warns?: RegExp }> = [
    { name: 'text/plain title stays text', entry: `<title mode="base64" type="text/plain">${b64('a <b>')}</title>`, title: 'a <b>' },
    { name: 'no type: text', entry: `<title mode="base64">${b64('标题')}</title>`, title: '标题' },
    { name: 'base64 broken over lines', entry: `<content mode="base64" type="text/html">${b64('<p>长一点的正文内容</p>').replace(/(.{8})/g, '$1\n  ')}</content>`, content: '<p>长一点的正文内容</p>' },
    { name: 'xhtml type in base64 is markup', entry: `<content mode="base64" type="application/xhtml+xml">${b64('<p>x</p>')}</content>`, content: '<p>x</p>' },
    { name: 'not base64: kept, with a warning', entry: '<content mode="base64" type="text/html">不是 base64</content>', content: '不是 base64', warns: /not base64/ },
    { name: 'mode="escaped" text/plain is text', entry: '<content mode="escaped" type="text/plain">&lt;b&gt;</content>', content: '&lt;b&gt;' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const feed = parseFeed(atom(c.entry, '0.3'));
      const item = feed.items[0];
      if (c.title !== undefined) assert.equal(item?.title, c.title);
      if (c.content !== undefined) assert.equal(item?.content, c.content);
      if (c.warns) assert.match(feed.warnings.join('\n'), c.warns);
    });
  }
});

describe('Atom type="xhtml": the wrapping div is syntax (RFC 4287 §3.1.1.3)', () => {
  test('built-atom10-xhtml.xml', () => {
    const feed = parseFeed(read('built-atom10-xhtml.xml'));
    assert.equal(feed.title, 'XHTML <b>feed</b>');
    const [first, second] = feed.items;
    assert.equal(first?.title, '&lt;title&gt; and <em>emphasis</em>');
    assert.equal(
      first?.content,
      '<p>Escaped markup stays text: &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>\n    <div class="inner"><p>An inner div is content.</p></div>',
    );
    assert.equal(first?.summary, '<p>Prefixed <a href="http://example.org/?a=1&amp;b=2">link</a></p>');
    assert.equal(second?.content, '<p>no div</p><p>second</p>');
    const normalized = normalizeFeed(feed, { now: new Date('2025-02-01T00:00:00Z') });
    assert.equal(normalized.items[0]?.title, '<title> and emphasis');
  });

  test('the Sinica Blogger feed (real Atom 0.3, application/xhtml+xml) loses its div and nothing else', () => {
    const item = parseFeed(read('sinica-blog-2005-atom03-big5.xml')).items[0];
    assert.ok(item?.content?.startsWith('學號\t學期成績\n<br>B90902123'), item?.content?.slice(0, 60));
    assert.ok(item?.content?.endsWith('average\t85.9\n<br>'));
  });

  const cases: Array<[string, string, string | null]> = [
    ['a div attribute holding ">"', '<div xmlns="http://www.w3.org/1999/xhtml" title="a>b">x</div>', 'x'],
    ['CDATA inside is text', '<div xmlns="http://www.w3.org/1999/xhtml"><![CDATA[<b>]]></div>', '&lt;b&gt;'],
    ['an empty div is no content', '<div xmlns="http://www.w3.org/1999/xhtml"/>', null],
    ['a second top-level div is content', '<div xmlns="http://www.w3.org/1999/xhtml">a</div><div xmlns="http://www.w3.org/1999/xhtml">b</div>', 'a<div>b</div>'],
  ];
  for (const [name, body, expected] of cases) {
    test(name, () => assert.equal(only(atom(`<content type="xhtml">${body}</content>`)).content, expected));
  }
});

describe('repeated elements: dates, enclosures, authors', () => {
  test('built-rss2-repeats.xml', () => {
    const feed = parseFeed(read('built-rss2-repeats.xml'));
    const [first, second] = feed.items;
    // feedparser overwrites at every end tag: the last <atom:updated> counts.
    assert.equal(first?.updated, '2025-01-02T01:00:00Z');
    assert.deepEqual(first?.enclosures, [
      { url: 'http://example.org/1.mp3', type: 'audio/mpeg', length: 100000 },
      { url: 'http://example.org/1.jpg', type: 'image/jpeg', length: 2000 },
    ]);
    assert.deepEqual(second?.enclosures, [
      { url: 'http://example.org/2-high.mp4', type: 'video/mp4', length: 9000 },
      { url: 'http://example.org/2.jpg', type: 'image/jpeg', length: null },
    ]);
    const normalized = normalizeFeed(feed, { now: new Date('2025-02-01T00:00:00Z') });
    assert.equal(normalized.items[0]?.author, '王小明');
    assert.equal(normalized.items[1]?.author, '王小明');
    assert.equal(normalized.items[0]?.updated, '2025-01-02T01:00:00.000Z');
  });

  test('Atom: the last of <updated> and <modified>, whichever name', () => {
    const item = only(atom('<updated>2025-01-01T00:00:00Z</updated><updated>2025-03-01T00:00:00Z</updated>'));
    assert.equal(item.updated, '2025-03-01T00:00:00Z');
    const old = parseFeed(atom('<modified>2004-01-01T00:00:00Z</modified><modified>2004-06-01T00:00:00Z</modified>', '0.3')).items[0];
    assert.equal(old?.updated, '2004-06-01T00:00:00Z');
  });

  test('Media RSS group without isDefault: its first rendition', () => {
    const rss = '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><guid>g</guid><media:group><media:content url="http://e.org/a.mp4"/><media:content url="http://e.org/b.mp4"/></media:group></item></channel></rss>';
    assert.deepEqual(only(rss).enclosures.map((e) => e.url), ['http://e.org/a.mp4']);
  });
});

describe('charset parameters quoted with single quotes', () => {
  test("a GB feed served as charset='gb2312' parses as GB", () => {
    const feed = parseFeed(read('kc0011-forum-2020-rss2-gb2312.xml'), { contentType: "text/xml; charset='gb2312'" });
    assert.equal(feed.encoding, 'gb18030');
    assert.equal(feed.title, '投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文');
  });

  test('windows-1252 bytes in a feed declared iso-8859-1', () => {
    const feed = parseFeed(read('declared-iso-8859-1-cp1252-bytes.xml'));
    assert.equal(feed.encoding, 'windows-1252');
    assert.equal(feed.items[0]?.title, '“La crisé” – l’euro à 1€');
  });

  test('an undeclared EUC-JP feed', () => {
    const feed = parseFeed(read('undeclared-euc-jp.xml'));
    assert.equal(feed.encoding, 'euc-jp');
    assert.equal(feed.items[0]?.title, '首相、新たな経済対策を発表');
  });
});
