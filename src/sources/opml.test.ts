import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BUILTIN_SOURCES } from '../config/builtin-sources.ts';
import { formatOpml, OpmlError, parseOpml, safeSourceName, sourceIdFor } from './opml.ts';

test('an export parses back to the same sources, fallbacks included', () => {
  const sources = BUILTIN_SOURCES.map((source) => ({
    id: source.id,
    name: source.name,
    url: source.url,
    language: source.language ?? null,
    ...(source.fallbacks ? { fallbacks: source.fallbacks } : {}),
  }));
  const text = formatOpml(sources, { title: 'newsvault 的订阅源 <全部> & more' });
  assert.match(text, /<title>newsvault 的订阅源 &lt;全部&gt; &amp; more<\/title>/);
  const parsed = parseOpml(text);
  assert.deepEqual(
    parsed.map(({ id, name, url, language, fallbacks }) => ({ id, name, url, language, ...(fallbacks ? { fallbacks } : {}) })),
    sources,
  );
  assert.match(text, /newsvault:fallbacks="https:\/\/feeds\.bbci\.co\.uk\/zhongwen\/simp\/rss\.xml"/);
});

test('OPML from other feed readers: folders, case, entities, missing titles', () => {
  const text = readFileSync(new URL('./testdata/reader-export.opml', import.meta.url), 'utf8');
  const parsed = parseOpml(text);
  assert.deepEqual(parsed, [
    { id: null, name: 'BBC News 中文', url: 'https://feeds.bbci.co.uk/zhongwen/simp/rss.xml', htmlUrl: 'https://www.bbc.com/zhongwen/simp', language: null, category: '新闻 / 国际' },
    { id: null, name: '端傳媒 Initium & Co', url: 'https://theinitium.com/newsfeed/?a=1&b=2', htmlUrl: null, language: 'zh-Hant', category: '新闻' },
    { id: null, name: 'https://example.org/feed.xml', url: 'https://example.org/feed.xml', htmlUrl: null, language: null, category: null },
  ]);
});

test('a file that is not OPML is refused', () => {
  assert.throws(() => parseOpml('<rss version="2.0"><channel></channel></rss>'), OpmlError);
});

test('ids for imported feeds: newsvault id, ASCII title, host; never a path segment; unique', () => {
  const cases: [source: { id: string | null; name: string; url: string }, taken: string[], id: string][] = [
    [{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }, [], 'voa'],
    [{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }, ['VOA'], 'feedx'],
    [{ id: null, name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }, ['feedx'], 'feedx-2'],
    [{ id: null, name: '联合早报', url: 'https://rsshub.example.org/zaobao/realtime/china' }, [], 'rsshub-example'],
    [{ id: null, name: '联合早报 Zaobao', url: 'https://rsshub.app/zaobao/realtime/china' }, [], 'zaobao'],
    [{ id: null, name: '中央社', url: 'https://feeds.feedburner.com/rsscna/intworld' }, [], 'feedburner'],
    [{ id: null, name: '香港电台', url: 'https://rthk.hk/rthk/news/rss/c_expressnews_greaterchina.xml' }, [], 'rthk'],
    [{ id: null, name: 'BBC 中文', url: 'https://feeds.bbci.co.uk/zhongwen/simp/rss.xml' }, ['bbc'], 'bbci'],
    [{ id: null, name: '明报', url: 'https://news.mingpao.com/rss/ins/s00001.xml' }, [], 'mingpao'],
    [{ id: null, name: 'BBC News 中文', url: 'https://feeds.bbci.co.uk/zhongwen/simp/rss.xml' }, [], 'bbc-news'],
    [{ id: null, name: '端傳媒', url: 'https://theinitium.com/newsfeed/' }, [], 'theinitium'],
    [{ id: null, name: '自由亚洲电台', url: 'https://www.rfa.org/mandarin/RSS' }, ['mandarin'], 'rfa'],
    [{ id: null, name: '中国数字时代', url: 'https://chinadigitaltimes.net/chinese/feed/' }, [], 'chinadigitaltimes'],
    [{ id: null, name: '某报', url: 'https://example.org/feed' }, ['example'], 'example-2'],
    [{ id: 'bad id!', name: '某报', url: 'not a url' }, [], 'source'],
  ];
  for (const [source, taken, id] of cases) assert.equal(sourceIdFor(source, new Set(taken)), id, JSON.stringify(source));
});

test('names never contain path separators', () => {
  assert.equal(safeSourceName('AP/Reuters'), 'AP-Reuters');
  assert.equal(safeSourceName('..'), 'source');
});
