// Broken documents as real servers send them: each case says what is recovered and what is warned.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeed } from './index.ts';
import { ParseError, type ParseErrorKind, type ParsedFeed } from './types.ts';

const rss = (items: string, channel = '<title>T</title><link>http://example.com/</link>'): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

function warned(feed: ParsedFeed, pattern: RegExp): void {
  assert.ok(feed.warnings.some((w) => pattern.test(w)), `expected a warning ${pattern}, got: ${feed.warnings.join(' | ')}`);
}

describe('recovered with warnings', () => {
  test('unescaped & in text and in a URL stays a literal &', () => {
    const feed = parseFeed(rss('<item><title>Tom & Jerry</title><link>http://x.com/?a=1&b=2</link></item>'));
    assert.equal(feed.items[0]?.title, 'Tom & Jerry');
    assert.equal(feed.items[0]?.link, 'http://x.com/?a=1&b=2');
    warned(feed, /unescaped '&' kept as text \(2 times\)/);
  });

  test('HTML entities undefined in XML decode as HTML; unknown ones stay', () => {
    const feed = parseFeed(rss('<item><title>a&nbsp;b &mdash; c &bogus; d&#150;e&#0;f &#x4E2D;</title></item>'));
    assert.equal(feed.items[0]?.title, 'a\u00a0b — c &bogus; d–ef 中');
    warned(feed, /&nbsp; is not defined in XML, decoded as HTML/);
    warned(feed, /&mdash; is not defined in XML/);
    warned(feed, /unknown entity &bogus; kept as text/);
    warned(feed, /&#150; read as Windows-1252/);
    warned(feed, /invalid character reference &#0; dropped/);
  });

  test('a truncated document keeps its complete items and drops the partial one', () => {
    const feed = parseFeed(
      rss('<item><title>one</title><guid>1</guid></item><item><title>two</title><guid>2</guid></item>').replace(/<\/item><\/channel><\/rss>$/, '') +
        '<item><title>thr',
    );
    assert.deepEqual(feed.items.map((i) => i.id), ['1']);
    warned(feed, /truncated inside an item; the incomplete item was dropped/);
    warned(feed, /document is truncated/);
  });

  test('a document cut after an item keeps it', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>T</title><item><guid>1</guid></item><item><guid>2</guid></item>');
    assert.deepEqual(feed.items.map((i) => i.id), ['1', '2']);
    assert.equal(feed.title, 'T');
    warned(feed, /document is truncated/);
  });

  test('a BOM in the middle of the document is removed', () => {
    const feed = parseFeed(rss('\uFEFF<item><title>a\uFEFFb</title></item>'));
    assert.equal(feed.items[0]?.title, 'ab');
    warned(feed, /byte order mark/);
  });

  test('a second document glued after the first is ignored', () => {
    const one = rss('<item><guid>1</guid></item>');
    const feed = parseFeed(`${one}\uFEFF${rss('<item><guid>2</guid></item>')}`);
    assert.deepEqual(feed.items.map((i) => i.id), ['1']);
    warned(feed, /XML declaration in the middle/);
    warned(feed, /content after the root element ignored/);
  });

  test('garbage and whitespace before the prolog', () => {
    const feed = parseFeed(`\n\nWarning: headers already sent\n${rss('<item><guid>1</guid></item>')}`);
    assert.equal(feed.items.length, 1);
    warned(feed, /text before the root element ignored/);
    warned(feed, /XML declaration is not at the start/);
  });

  test('a broken prolog (<?phpxml …?>)', () => {
    const feed = parseFeed(rss('<item><guid>1</guid></item>').replace('<?xml', '<?phpxml'));
    assert.equal(feed.items.length, 1);
    warned(feed, /broken prolog/);
  });

  test('duplicated items are dropped after the first', () => {
    const feed = parseFeed(rss('<item><guid>1</guid><title>a</title></item><item><guid>1</guid><title>b</title></item>'));
    assert.deepEqual(feed.items.map((i) => i.title), ['a']);
    warned(feed, /duplicate item 1 dropped/);
  });

  test('an unclosed element inside an item is closed by the item', () => {
    const feed = parseFeed(rss('<item><title>a</title><category>x</item><item><guid>2</guid></item>'));
    assert.equal(feed.items.length, 2);
    warned(feed, /<category> was not closed/);
  });

  test('control characters are removed', () => {
    const feed = parseFeed(rss('<item><title>a\u0001b\u0008c</title></item>'));
    assert.equal(feed.items[0]?.title, 'abc');
    warned(feed, /control characters/);
  });

  test('an undeclared dc: prefix is still read', () => {
    const feed = parseFeed(rss('<item><dc:creator>Ann</dc:creator><dc:date>2023-03-22T15:10:00+08:00</dc:date></item>'));
    assert.equal(feed.items[0]?.author, 'Ann');
    assert.equal(feed.items[0]?.published, '2023-03-22T15:10:00+08:00');
    warned(feed, /namespace prefix "dc:" is not declared/);
  });

  test('<feed> without the Atom namespace', () => {
    const feed = parseFeed('<feed><title>T</title><entry><id>1</id><title>x</title></entry></feed>');
    assert.equal(feed.format, 'atom');
    assert.equal(feed.items[0]?.id, '1');
    warned(feed, /without the Atom namespace/);
  });
});

describe('markup and namespaces', () => {
  test('unescaped HTML inside <description> is kept as HTML', () => {
    const feed = parseFeed(rss('<item><description><p class="a">Hello <b>x</b><br/>y &amp; z<img src="i.png"/></p></description></item>'));
    assert.equal(feed.items[0]?.summary, '<p class="a">Hello <b>x</b><br>y &amp; z<img src="i.png"></p>');
  });

  test('namespaces match by URI, not by prefix', () => {
    const feed = parseFeed(
      '<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/"' +
        ' xmlns:m="http://search.yahoo.com/mrss/" xmlns:a="http://www.w3.org/2005/Atom"><channel>' +
        '<a:link rel="alternate" href="http://example.com/"/><item><c:encoded><![CDATA[<p>full</p>]]></c:encoded>' +
        '<d:creator>Bo</d:creator><d:subject>S</d:subject><m:content url="http://example.com/a.jpg" type="image/jpeg" fileSize="12"/>' +
        '<a:link href="http://example.com/1"/></item></channel></rss>',
    );
    assert.equal(feed.link, 'http://example.com/');
    const item = feed.items[0];
    assert.equal(item?.content, '<p>full</p>');
    assert.equal(item?.author, 'Bo');
    assert.equal(item?.link, 'http://example.com/1');
    assert.deepEqual(item?.categories, ['S']);
    assert.deepEqual(item?.enclosures, [{ url: 'http://example.com/a.jpg', type: 'image/jpeg', length: 12 }]);
  });

  test('a prefixed Atom feed', () => {
    const feed = parseFeed('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:id>x</a:id><a:title>t</a:title></a:entry></a:feed>');
    assert.equal(feed.format, 'atom');
    assert.equal(feed.items[0]?.id, 'x');
  });

  test('Atom text constructs: text is escaped, html kept, xhtml unwrapped with its text still escaped', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="html">&lt;b&gt;B&lt;/b&gt; &amp;amp; c</title>' +
        '<summary>a &lt; b</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>a &amp; b &lt;c&gt;<![CDATA[<x>]]></p></div></content></entry></feed>',
    );
    const item = feed.items[0];
    assert.equal(item?.title, '<b>B</b> &amp; c');
    assert.equal(item?.titleIsHtml, true);
    assert.equal(item?.summary, 'a &lt; b');
    assert.equal(item?.content, '<p>a &amp; b &lt;c&gt;&lt;x&gt;</p>');
  });

  test('xml:base is carried to the item, resolved where the outer base is absolute', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/"><entry xml:base="2024/"><id>1</id>' +
        '<link href="post.html"/></entry><entry><id>2</id><link xml:base="/other/" href="p2"/></entry></feed>',
    );
    assert.equal(feed.base, 'http://example.org/blog/');
    assert.equal(feed.items[0]?.link, 'post.html');
    assert.equal(feed.items[0]?.base, 'http://example.org/blog/2024/');
    assert.equal(feed.items[1]?.base, 'http://example.org/other/');
  });
});

describe('old formats', () => {
  test('RSS 0.91', () => {
    const feed = parseFeed(
      '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' +
        '<rss version="0.91"><channel><title>Old</title><link>http://example.com/</link><language>zh-cn</language>' +
        '<item><title>One</title><link>http://example.com/1</link><description>d</description></item></channel></rss>',
    );
    assert.deepEqual([feed.format, feed.version, feed.language, feed.items.length], ['rss', '0.91', 'zh-cn', 1]);
    assert.deepEqual([feed.items[0]?.id, feed.items[0]?.link, feed.items[0]?.summary], [null, 'http://example.com/1', 'd']);
  });

  test('RSS 0.92 with an enclosure', () => {
    const feed = parseFeed(
      '<rss version="0.92"><channel><title>T</title><item><description>only a description</description>' +
        '<enclosure url="http://example.com/a.mp3" length="1000" type="audio/mpeg"/></item></channel></rss>',
    );
    assert.equal(feed.version, '0.92');
    assert.deepEqual(feed.items[0]?.enclosures, [{ url: 'http://example.com/a.mp3', type: 'audio/mpeg', length: 1000 }]);
  });

  test('RSS 0.90 (Netscape RDF)', () => {
    const feed = parseFeed(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">' +
        '<channel><title>N</title><link>http://example.com/</link></channel><item><title>a</title><link>http://example.com/a</link></item></rdf:RDF>',
    );
    assert.deepEqual([feed.format, feed.version, feed.title, feed.items[0]?.link], ['rdf', '0.90', 'N', 'http://example.com/a']);
  });

  test('Atom 0.3: issued, modified, mode="escaped", base64', () => {
    const feed = parseFeed(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><link rel="alternate" type="text/html" href="http://example.com/"/>' +
        '<entry><id>tag:x,2004:1</id><title mode="escaped" type="text/html">&lt;i&gt;t&lt;/i&gt;</title>' +
        '<link rel="alternate" type="text/html" href="http://example.com/1"/><issued>2004-05-01T12:00:00+08:00</issued>' +
        '<modified>2004-05-02T00:00:00Z</modified><summary type="text/plain">s</summary>' +
        `<content type="text/html" mode="base64">${Buffer.from('<p>中文</p>').toString('base64')}</content></entry></feed>`,
    );
    assert.deepEqual([feed.format, feed.version, feed.link], ['atom', '0.3', 'http://example.com/']);
    const item = feed.items[0];
    assert.equal(item?.published, '2004-05-01T12:00:00+08:00');
    assert.equal(item?.updated, '2004-05-02T00:00:00Z');
    assert.equal(item?.title, '<i>t</i>');
    assert.equal(item?.titleIsHtml, true);
    assert.equal(item?.summary, 's');
    assert.equal(item?.content, '<p>中文</p>');
  });

  test('JSON Feed 1.1: authors, content_text escaped, attachments, tags', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1', title: 'J', home_page_url: 'https://example.com/', language: 'zh-CN',
        items: [
          { id: 7, url: 'https://example.com/7', title: 'Seven', content_text: 'a < b', date_published: '2023-03-22T15:10:00+08:00',
            authors: [{ name: 'A' }, { name: 'B' }], tags: ['x', 'x', 'y'],
            attachments: [{ url: 'https://example.com/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 5 }] },
          'not an item',
        ],
      }),
    );
    assert.deepEqual([feed.format, feed.version, feed.language, feed.items.length], ['json', 'https://jsonfeed.org/version/1.1', 'zh-CN', 1]);
    const item = feed.items[0];
    assert.deepEqual([item?.id, item?.author, item?.content, item?.categories], ['7', 'A, B', 'a &lt; b', ['x', 'y']]);
    assert.deepEqual(item?.enclosures, [{ url: 'https://example.com/a.mp3', type: 'audio/mpeg', length: 5 }]);
    warned(feed, /not an object skipped/);
  });
});

describe('nothing usable: ParseError', () => {
  const cases: Array<{ name: string; input: string | Uint8Array; kind: ParseErrorKind; message?: RegExp; contentType?: string }> = [
    { name: 'empty string', input: '', kind: 'empty' },
    { name: 'empty bytes', input: new Uint8Array(0), kind: 'empty' },
    { name: 'only whitespace and a BOM', input: '\uFEFF \r\n\t', kind: 'empty' },
    { name: 'HTML page with a doctype', input: '<!DOCTYPE html><html><head><title>Login</title></head><body>x</body></html>', kind: 'not-a-feed', message: /looks like an HTML page/ },
    { name: 'HTML page without a doctype', input: '\n<html lang="zh"><head></head><body></body></html>', kind: 'not-a-feed', message: /looks like an HTML page/ },
    { name: 'HTML bytes served as text/html', input: Buffer.from('<!doctype html>\n<html><body>中文</body></html>'), kind: 'not-a-feed', message: /HTML page/, contentType: 'text/html; charset=utf-8' },
    { name: 'XHTML page', input: '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"></html>', kind: 'not-a-feed', message: /HTML page/ },
    { name: 'JSON that is not a JSON Feed', input: '{"hello": "world", "items": []}', kind: 'not-a-feed', message: /not a JSON Feed/ },
    { name: 'a JSON array', input: '[1, 2, 3]', kind: 'not-a-feed' },
    { name: 'truncated JSON', input: '{"version": "https://jsonfeed.org/version/1", "items": [{"id": "1"', kind: 'malformed' },
    { name: 'plain text', input: 'Service Unavailable', kind: 'not-a-feed' },
    { name: 'another XML vocabulary', input: '<?xml version="1.0"?><opml version="2.0"><body/></opml>', kind: 'not-a-feed', message: /<opml>/ },
    { name: 'cut before the root element', input: '<?xml version="1.0"?><rs', kind: 'malformed' },
    { name: 'cut before the first item', input: '<rss version="2.0"><channel><title>T</title><item><title>x', kind: 'malformed' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.throws(
        () => parseFeed(c.input, { contentType: c.contentType ?? null }),
        (error: unknown) => {
          assert.ok(error instanceof ParseError, String(error));
          assert.equal(error.kind, c.kind);
          assert.match(error.message, /^parse: /);
          if (c.message !== undefined) assert.match(error.message, c.message);
          return true;
        },
      );
    });
  }
  test('a complete feed with no items is not an error', () => {
    const feed = parseFeed(rss(''));
    assert.deepEqual([feed.items.length, feed.title, feed.warnings.length], [0, 'T', 0]);
  });
});
