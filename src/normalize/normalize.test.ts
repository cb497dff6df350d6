// normalizeFeed on the real feeds (keys, URLs, titles, UTC dates) and on small cases for each rule.
// Expected values were worked out from the documents by hand (percent-encoding with Python's
// urllib.parse.quote, zone arithmetic in comments).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseFeed } from '../parse/index.ts';
import type { ParsedFeed, RawItem } from '../parse/types.ts';
import { normalizeFeed } from './index.ts';
import type { FeedItem } from './types.ts';

const testdata = new URL('../parse/testdata/', import.meta.url);
const NOW = new Date('2025-12-10T00:00:00.000Z');

function normalizeFile(file: string, feedUrl: string | null = null) {
  return normalizeFeed(parseFeed(readFileSync(new URL(file, testdata))), { feedUrl, now: NOW });
}

const RFI_URL =
  'https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230322-%E4%B9%A0%E8%BF%91%E5%B9%B3%E7%BB%93%E6%9D%9F%E8%AE%BF%E4%BF%84%EF%BC%8C%E5%8C%97%E4%BA%AC%E4%B8%8E%E8%8E%AB%E6%96%AF%E7%A7%91%E5%BB%BA%E7%AB%8B%E9%92%88%E5%AF%B9%E8%A5%BF%E6%96%B9%E7%9A%84-%E7%89%B9%E6%AE%8A-%E5%85%B3%E7%B3%BB';

describe('seed feeds (the archive depends on these values)', () => {
  test('voa.xml', () => {
    const { items } = normalizeFile('voa.xml');
    assert.equal(items.length, 1);
    const item = items[0] as FeedItem;
    assert.equal(item.key, 'guid:voa-1679431144000');
    assert.equal(item.url, 'https://www.voachinese.com/a/putin-xi-call-for-ukraine-peace-talks-as-putin-says-west-not-ready-20230321/7015247.html');
    assert.equal(item.title, '中俄元首呼吁重启乌克兰和谈,普京称西方没准备好；美回应：如俄撤军，战争今天就可结束');
    assert.equal(item.published, '2023-03-21T20:39:04.000Z');
    assert.equal(item.publishedMs, 1679431144000);
    assert.equal(item.dateSource, 'feed');
    assert.equal(item.content, null);
    const text = readFileSync(new URL('voa.xml', testdata), 'utf8');
    const start = text.indexOf('<description><![CDATA[<div>') + '<description><![CDATA['.length;
    assert.equal(item.summary, text.slice(start, text.indexOf(']]></description>', start)));
  });

  test('rfi.xml', () => {
    const { items, warnings } = normalizeFile('rfi.xml');
    const item = items[0] as FeedItem;
    assert.equal(item.key, 'guid:rfi-1679494503000');
    assert.equal(item.title, '习近平结束访俄，北京与莫斯科建立针对西方的"特殊"关系');
    assert.equal(item.url, RFI_URL);
    assert.equal(item.publishedMs, 1679494503000);
    assert.deepEqual(warnings, []);
  });
});

const FILES: Array<{ file: string; key: string; url: string | null; title: string; published: string; dateSource?: FeedItem['dateSource'] }> = [
  { file: 'acnnewswire-2005-rss2-gb2312.xml', key: 'guid:http://www.acnnewswire.net/Article.Asp?lang=_c&Art_ID=29698', url: 'http://www.acnnewswire.net/Article.Asp?lang=_c&Art_ID=29698', title: 'JCB 与中国银联（China UnionPay）完成ATM网关协议的签订；CUP持卡者得以第一次在日本享受使用ATM网络的权利', published: '2005-12-27T04:08:54.000Z' },
  { file: 'biorxiv-rss1.rdf', key: 'guid:http://biorxiv.org/cgi/content/short/743294v1?rss=1', url: 'http://biorxiv.org/cgi/content/short/743294v1?rss=1', title: 'Wheat inositol pyrophosphate kinase (TaVIH2-3B) interacts with Fasciclin-like arabinogalactan (FLA6) protein and alters the plant cell-wall composition', published: '2019-08-27T00:00:00.000Z' },
  // No dates at all: the time first seen.
  { file: 'cnblog-2004-rss092-gb2312.xml', key: 'url:http://www.cnblog.org/blog/archives/2004_08_29_cnblog_archive.html#109424958546889584', url: 'http://www.cnblog.org/blog/archives/2004_08_29_cnblog_archive.html#109424958546889584', title: 'Picostation的PicoBlogger是 一个能让S', published: NOW.toISOString(), dateSource: 'first-seen' },
  { file: 'coolloud-2005-rss1rdf-big5.xml', key: 'guid:http://www.coolloud.org.tw/news/database/interface/detailstander.asp?ID=108725', url: 'http://www.coolloud.org.tw/news/database/interface/detailstander.asp?ID=108725', title: '1226檔下點交之後 不見棺材不走人 進輪自救會長期抗戰', published: '2005-12-30T15:26:28.000Z' },
  { file: 'dapenti-tugua-2015-01-05-rss2-utf8.xml', key: 'url:http://www.dapenti.com/blog/more.asp?name=xilei&id=96266', url: 'http://www.dapenti.com/blog/more.asp?name=xilei&id=96266', title: '【喷嚏图卦20150104】你以为挑起生活的担子是勇气，其实去过自己真正想要的生活才更需要勇气', published: '2015-01-04T06:39:00.000Z' },
  { file: 'daringfireball-jsonfeed1.json', key: 'guid:https://daringfireball.net/linked/2017/06/26/the-talk-show-195', url: 'https://daringfireball.net/linked/2017/06/26/the-talk-show-195', title: 'The Talk Show: ‘I Do Like Throwing a Baby’', published: '2017-06-27T00:54:17.000Z' },
  { file: 'fcutrecht-2021-broken-prolog.rss', key: 'url:https://www.fcutrecht.net/nieuws/serdar-g-z-b-y-k-scheidsrechter-bij-fc-twente-fc-utrecht~8805', url: 'https://www.fcutrecht.net/nieuws/serdar-g-z-b-y-k-scheidsrechter-bij-fc-twente-fc-utrecht~8805', title: 'Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht', published: '2021-09-06T10:17:00.000Z' },
  { file: 'greatfire-2015-bbc.xml', key: 'guid:tag:www.bbcchinese.com,2015-03-16:/zhongwen/simp/world/2015/03/150316_saddam_tomb_tikrit', url: 'https://dm44143bsn99b.cloudfront.net/zhongwen/simp/world/2015/03/150316_saddam_tomb_tikrit', title: '萨达姆之墓在反“伊斯兰国”战事中被毁', published: '2015-03-16T07:32:23.000Z' },
  { file: 'greatfire-2015-cdt.xml', key: 'guid:https://dhnq96zntgnq1.cloudfront.net/chinese/?p=385722', url: 'https://d7fjv2bxgldcl.cloudfront.net/chinese/2015/03/%e4%b8%ad%e5%9b%bd%e5%86%9b%e7%bd%91-%e5%be%90%e6%89%8d%e5%8e%9a%e5%9c%a8%e7%97%85%e6%a6%bb%e4%b8%8a%e7%bb%93%e6%9d%9f%e4%ba%86%e5%8f%af%e6%82%b2%e5%8f%af%e8%80%bb%e4%b8%80%e7%94%9f/', title: '中国军网 | 徐才厚在病榻上结束了可悲可耻的一生', published: '2015-03-16T04:34:49.000Z' },
  { file: 'greatfire-2015-dw.xml', key: 'guid:http://www.dw.de/格林沃尔德获德国新闻记者奖/a-18317568?maca=chi-rss-chi-all-1127-rdf', url: 'http://www.dw.de/%E6%A0%BC%E6%9E%97%E6%B2%83%E5%B0%94%E5%BE%B7%E8%8E%B7%E5%BE%B7%E5%9B%BD%E6%96%B0%E9%97%BB%E8%AE%B0%E8%80%85%E5%A5%96/a-18317568?maca=chi-rss-chi-all-1127-rdf', title: '格林沃尔德获德国新闻记者奖', published: '2015-03-15T16:44:00.000Z' },
  { file: 'greatfire-2015-nyt.xml', key: 'guid:https://d1dqx91p2uadmw.cloudfront.net/china/20150316/c16trash-lens/', url: 'https://d2nm3w2ltn97dw.cloudfront.net/tools/r.html?url=%2Fchina%2F20150316%2Fc16trash-lens%2F&langkey=zh-hans&from=RSS', title: '回收场一瞥：北京的碎片，在此重生', published: '2015-03-16T08:03:24.000Z' },
  { file: 'greatfire-2015-paopao-rfa.xml', key: 'guid:391 at https://pp16.global.ssl.fastly.net', url: 'https://d24f0fbbs0l72b.cloudfront.net/article/391', title: '从中国到全球：“依附的自由”网站解封升级', published: '2015-03-13T16:34:42.000Z' },
  // "2020/1/10 14:33:00" with no zone in a zh-cn feed: Beijing time.
  { file: 'kc0011-forum-2020-rss2-gb2312.xml', key: 'url:http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1', url: 'http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1', title: '建国35周年纪念，华表，和平鸽', published: '2020-01-10T06:33:00.000Z' },
  { file: 'ruanyifeng-2025-atom-utf8.xml', key: 'guid:tag:www.ruanyifeng.com,2025:/blog//1.2511', url: 'http://www.ruanyifeng.com/blog/2025/11/weekly-issue-375.html', title: '科技爱好者周刊（第 375 期）：一扇门的 Bug', published: '2025-11-28T00:14:06.000Z' },
  { file: 'sinica-blog-2005-atom03-big5.xml', key: 'guid:tag:blogger.com,1999:blog-7865778.post-110728736545344025', url: 'http://www.sinica.edu.tw/~hil/online/2005/02/blog-post.html', title: '新年快樂', published: '2005-02-01T19:45:25.000Z' },
  { file: 'v2ex-2025-atom-utf8.xml', key: 'guid:tag:www.v2ex.com,2025-12-01:/t/1176092', url: 'https://www.v2ex.com/t/1176092#reply0', title: '[生活] 因为智能家居吵架', published: '2025-12-01T03:52:42.000Z' },
];

describe('normalizeFeed on real feeds', () => {
  for (const c of FILES) {
    test(c.file, () => {
      const { items } = normalizeFile(c.file);
      const item = items[0] as FeedItem;
      assert.deepEqual(
        { key: item.key, url: item.url, title: item.title, published: item.published, dateSource: item.dateSource },
        { key: c.key, url: c.url, title: c.title, published: c.published, dateSource: c.dateSource ?? 'feed' },
      );
      for (const i of items) {
        assert.ok(Number.isFinite(i.publishedMs) && i.publishedMs === Date.parse(i.published));
        assert.ok(i.url === null || /^https?:\/\//.test(i.url));
      }
      assert.equal(new Set(items.map((i) => i.key)).size, items.length, 'keys are unique');
    });
  }
});

function raw(fields: Partial<RawItem>): RawItem {
  return {
    id: null, idIsPermalink: false, link: null, base: null, title: 'T', titleIsHtml: false, author: null,
    published: '2023-03-21T20:39:04Z', updated: null, summary: null, content: null, enclosures: [], categories: [], ...fields,
  };
}

function feed(items: RawItem[], fields: Partial<ParsedFeed> = {}): ParsedFeed {
  return { format: 'rss', version: '2.0', encoding: 'utf-8', title: 'F', link: null, language: null, base: null, items, warnings: [], ...fields };
}

describe('URLs', () => {
  const cases: Array<{ name: string; item: Partial<RawItem>; feed?: Partial<ParsedFeed>; feedUrl?: string; url: string | null }> = [
    { name: 'absolute link as is', item: { link: 'https://example.com/a?b=1#c' }, url: 'https://example.com/a?b=1#c' },
    { name: 'raw Chinese path is percent-encoded', item: { link: 'https://example.com/国际/新闻' }, url: 'https://example.com/%E5%9B%BD%E9%99%85/%E6%96%B0%E9%97%BB' },
    { name: 'host is lower-cased, default port dropped', item: { link: 'HTTPS://Example.COM:443/a' }, url: 'https://example.com/a' },
    { name: 'item xml:base', item: { link: 'post.html', base: 'http://example.org/blog/2024/' }, url: 'http://example.org/blog/2024/post.html' },
    { name: 'relative item base against the feed base', item: { link: 'post.html', base: '2024/' }, feed: { base: 'http://example.org/blog/' }, url: 'http://example.org/blog/2024/post.html' },
    { name: 'feed xml:base', item: { link: '/a/1' }, feed: { base: 'https://d3t8jz6506hbdb.cloudfront.net' }, url: 'https://d3t8jz6506hbdb.cloudfront.net/a/1' },
    { name: 'feed link', item: { link: '1.html' }, feed: { link: 'https://example.com/news/' }, url: 'https://example.com/news/1.html' },
    { name: 'feed URL last', item: { link: '/x' }, feedUrl: 'https://feeds.example.net/rss.xml', url: 'https://feeds.example.net/x' },
    { name: 'relative feed link against the feed URL', item: { link: 'x' }, feed: { link: '/site/' }, feedUrl: 'https://example.net/rss', url: 'https://example.net/site/x' },
    { name: 'relative link with no base at all', item: { link: '/x' }, url: null },
    { name: 'permalink guid when there is no link', item: { id: 'https://example.com/p/1', idIsPermalink: true }, url: 'https://example.com/p/1' },
    { name: 'a guid that is not a permalink is not a URL', item: { id: 'https://example.com/p/1', idIsPermalink: false }, url: null },
    { name: 'a relative permalink guid is not a URL', item: { id: '391 at x', idIsPermalink: true }, feed: { link: 'https://example.com/' }, url: null },
    { name: 'javascript: is not a web URL', item: { link: 'javascript:alert(1)' }, url: null },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { items } = normalizeFeed(feed([raw(c.item)], c.feed), { feedUrl: c.feedUrl ?? null, now: NOW });
      assert.equal(items[0]?.url, c.url);
    });
  }
  test('enclosure URLs resolve against the same base', () => {
    const { items } = normalizeFeed(feed([raw({ enclosures: [{ url: 'a.jpg', type: null, length: null }] })], { link: 'https://example.com/n/' }), { now: NOW });
    assert.equal(items[0]?.enclosures[0]?.url, 'https://example.com/n/a.jpg');
  });
});

describe('titles', () => {
  const cases: Array<[string, Partial<RawItem>, string]> = [
    ['entities inside CDATA', { title: '的&quot;特殊&quot;关系' }, '的"特殊"关系'],
    ['tags stripped without spaces between CJK', { title: '<b>习近平</b>访俄' }, '习近平访俄'],
    ['a break becomes a space', { title: 'a<br/>b' }, 'a b'],
    ['Atom html title', { title: '&lt;b&gt;x&lt;/b&gt; &amp;amp;', titleIsHtml: true }, '<b>x</b> &amp;'],
    ['whitespace collapsed', { title: '  a\n\t b\u00a0 c  ' }, 'a b c'],
    ['a lone < is text', { title: 'x < y' }, 'x < y'],
    ['no title', { title: null }, ''],
  ];
  for (const [name, item, expected] of cases) {
    test(name, () => assert.equal(normalizeFeed(feed([raw(item)]), { now: NOW }).items[0]?.title, expected));
  }
});

describe('identity', () => {
  test('guid > url > hash, and the hash is stable', () => {
    const items = [raw({ id: 'a', link: 'https://e.com/1' }), raw({ link: 'https://e.com/2' }), raw({ title: 'x', content: '<p>c</p>' })];
    const first = normalizeFeed(feed(items), { now: NOW }).items.map((i) => i.key);
    assert.equal(first[0], 'guid:a');
    assert.equal(first[1], 'url:https://e.com/2');
    assert.match(first[2] as string, /^hash:[0-9a-f]{64}$/);
    const later = normalizeFeed(feed(items), { now: new Date('2030-01-01T00:00:00Z') }).items.map((i) => i.key);
    assert.deepEqual(later, first);
  });
  test('items with the same key are kept once, with a warning', () => {
    const result = normalizeFeed(feed([raw({ link: 'https://e.com/1', title: 'a' }), raw({ link: 'https://E.com/1', title: 'b' })]), { now: NOW });
    assert.deepEqual(result.items.map((i) => i.title), ['a']);
    assert.ok(result.warnings.some((w) => /duplicate item url:https:\/\/e.com\/1/.test(w)));
  });
});

describe('dates', () => {
  const now = NOW.getTime();
  const cases: Array<{ name: string; item: Partial<RawItem>; feed?: Partial<ParsedFeed>; ms: number; source: FeedItem['dateSource']; updated?: string | null; warning?: RegExp }> = [
    { name: 'published', item: { published: 'Tue, 21 Mar 2023 20:39:04 GMT' }, ms: 1679431144000, source: 'feed' },
    { name: 'updated when there is no published', item: { published: null, updated: '2023-03-21T20:39:04Z' }, ms: 1679431144000, source: 'updated', updated: '2023-03-21T20:39:04.000Z' },
    { name: 'updated when published is garbage', item: { published: 'soon', updated: '1679431144' }, ms: 1679431144000, source: 'updated', warning: /published "soon" is not a date/ },
    { name: 'absent: first seen', item: { published: null }, ms: now, source: 'first-seen', warning: /no usable date/ },
    { name: 'unparseable: first seen', item: { published: 'n/a' }, ms: now, source: 'first-seen', warning: /not a date/ },
    { name: 'epoch 0 is not 1970', item: { published: '0000000000' }, ms: now, source: 'first-seen', warning: /implausibly early/ },
    { name: 'year 1900 placeholder', item: { published: '1900-01-01T00:00:00Z' }, ms: now, source: 'first-seen', warning: /implausibly early/ },
    { name: 'an hour in the future is clamped', item: { published: new Date(now + 3_600_000).toISOString() }, ms: now, source: 'clamped', warning: /in the future, clamped/ },
    { name: 'two minutes ahead is clock skew, kept', item: { published: new Date(now + 120_000).toISOString() }, ms: now + 120_000, source: 'feed' },
    { name: 'zone-less date in a zh feed is Beijing time', item: { published: '2023-03-22 15:10:00' }, feed: { language: 'zh-CN' }, ms: Date.UTC(2023, 2, 22, 7, 10), source: 'feed', warning: /no time zone; read as UTC\+8/ },
    { name: 'zone-less date elsewhere is UTC', item: { published: '2023-03-22 15:10:00' }, feed: { language: 'en' }, ms: Date.UTC(2023, 2, 22, 15, 10), source: 'feed', warning: /no time zone; read as UTC \(|no time zone; read as UTC$/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = normalizeFeed(feed([raw(c.item)], c.feed), { now: NOW });
      const item = result.items[0] as FeedItem;
      assert.equal(item.publishedMs, c.ms);
      assert.equal(item.published, new Date(c.ms).toISOString());
      assert.equal(item.dateSource, c.source);
      if (c.updated !== undefined) assert.equal(item.updated, c.updated);
      if (c.warning !== undefined) assert.ok(result.warnings.some((w) => c.warning?.test(w)), result.warnings.join(' | '));
    });
  }
  test('an explicit zone-less offset overrides the language rule', () => {
    const result = normalizeFeed(feed([raw({ published: '2023-03-22 15:10:00' })], { language: 'zh-CN' }), { now: NOW, zonelessOffsetMinutes: 0 });
    assert.equal(result.items[0]?.published, '2023-03-22T15:10:00.000Z');
  });
});
