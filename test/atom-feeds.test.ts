// The Atom feeds of a demo archive: well-formed XML, valid Atom 1.0 (RFC 4287: required elements, unique
// ids, RFC 3339 dates), and they parse back to the same entries with newsvault's own parser and with
// rss-parser.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { parseFeed } from '../src/parse/index.ts';
import { SqliteStore } from '../src/store/index.ts';
import { buildSiteArchive, type SiteArchive } from './support/site-archive.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const { DOMParser } = new JSDOM('').window;

function feedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.atom'))
    .map((name) => join(dir, name))
    .sort();
}

const children = (element: Element, name: string): Element[] =>
  [...element.children].filter((child) => child.namespaceURI === ATOM && child.localName === name);

/** RFC 4287 checks that a feed reader relies on; returns the problems found. */
function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) return [`not well-formed: ${document.documentElement.textContent}`];
  const feed = document.documentElement;
  if (feed.namespaceURI !== ATOM || feed.localName !== 'feed') return ['root is not atom:feed'];
  const exactlyOne = (element: Element, name: string, where: string): Element | null => {
    const found = children(element, name);
    if (found.length !== 1) problems.push(`${where}: ${found.length} atom:${name} (want exactly 1)`);
    return found[0] ?? null;
  };
  const date = (element: Element | null, where: string): void => {
    const text = element?.textContent ?? '';
    if (!RFC3339.test(text) || Number.isNaN(Date.parse(text))) problems.push(`${where}: "${text}" is not an RFC 3339 date`);
  };
  const iri = (text: string, where: string): void => {
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) problems.push(`${where}: id "${text}" is not an absolute IRI`);
  };
  iri(exactlyOne(feed, 'id', 'feed')?.textContent ?? '', 'feed');
  exactlyOne(feed, 'title', 'feed');
  date(exactlyOne(feed, 'updated', 'feed'), 'feed updated');
  if (children(feed, 'author').length === 0) problems.push('feed: no atom:author');
  if (!children(feed, 'link').some((link) => link.getAttribute('rel') === 'self')) problems.push('feed: no rel=self link');
  const ids = new Set<string>();
  for (const [index, entry] of children(feed, 'entry').entries()) {
    const where = `entry ${index}`;
    const id = exactlyOne(entry, 'id', where)?.textContent ?? '';
    iri(id, where);
    if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
    ids.add(id);
    exactlyOne(entry, 'title', where);
    const updated = exactlyOne(entry, 'updated', where);
    date(updated, `${where} updated`);
    const published = children(entry, 'published')[0];
    if (published) {
      date(published, `${where} published`);
      if (Date.parse(published.textContent ?? '') > Date.parse(updated?.textContent ?? '')) problems.push(`${where}: published after updated`);
    }
    const alternates = children(entry, 'link').filter((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate');
    if (alternates.length !== 1) problems.push(`${where}: ${alternates.length} alternate links`);
    const content = exactlyOne(entry, 'content', where);
    if (content?.getAttribute('type') !== 'html') problems.push(`${where}: content type is not html`);
  }
  return problems;
}

describe('Atom feeds', () => {
  let site: SiteArchive;
  let feedsDir: string;

  before(async () => {
    site = await buildSiteArchive();
    feedsDir = join(site.archive.config.site.dir, 'feeds');
  });
  after(() => site?.close());

  test('there is a feed for everything, each outlet, removed and changed articles, and source health', () => {
    assert.deepEqual(
      feedFiles(feedsDir).map((file) => relative(feedsDir, file)),
      ['all.atom', 'changed.atom', 'health.atom', 'removed.atom', 'sources/bbc-trad.atom', 'sources/rfi.atom', 'sources/voa.atom'],
    );
  });

  test('every feed is well-formed, valid Atom 1.0', () => {
    for (const file of feedFiles(feedsDir)) {
      assert.deepEqual(atomProblems(readFileSync(file, 'utf8')), [], file);
    }
  });

  test('the validator catches what it claims to', () => {
    const good = readFileSync(join(feedsDir, 'all.atom'), 'utf8');
    assert.match(atomProblems(good.replace('</feed>', '<entry>')).join(), /not well-formed/);
    assert.match(atomProblems(good.replace(/<updated>[^<]*<\/updated>/, '<updated>2024-01-01 00:00</updated>')).join(), /RFC 3339/);
    const firstId = /<entry[^>]*>\s*<id>([^<]+)<\/id>/.exec(good)![1]!;
    assert.match(atomProblems(good.replace(/(<entry[^>]*>\s*<id>)[^<]+(<\/id>)(?![\s\S]*<entry)/, `$1${firstId}$2`)).join(), /duplicate id/);
    assert.match(atomProblems(good.replace('<author><name>', '<contributor><name>').replace('</name></author>', '</name></contributor>')).join(), /no atom:author/);
  });

  test('feeds hold the newest entries, and both parsers read back the same ids, titles and links', async () => {
    const store = SqliteStore.open(site.archive.database);
    try {
      const expected = await store.listLatestSummaries(20);
      const xml = readFileSync(join(feedsDir, 'all.atom'), 'utf8');

      const ours = parseFeed(xml);
      assert.equal(ours.format, 'atom');
      assert.deepEqual(ours.warnings, []);
      assert.deepEqual(
        ours.items.map((item) => [item.title, item.link]),
        expected.map((article) => [article.title, `../articles/${article.sourceId}/${article.number}.html`]),
      );
      assert.equal(new Set(ours.items.map((item) => item.id)).size, expected.length);

      const other = await new Parser().parseString(xml);
      assert.equal(other.title, '新闻存档');
      assert.deepEqual(
        other.items.map((item) => [item.id, item.title, item.link]),
        ours.items.map((item) => [item.id, item.title, item.link]),
      );
      // Full display HTML travels in the entry: the Traditional-Chinese body, cleaned.
      const trad = other.items.find((item) => item.title?.startsWith('第7則'));
      assert.ok(trad?.content?.includes('這是第7篇報道的正文'));
      assert.ok(!trad?.content?.includes('<script'));
      assert.ok(!trad?.content?.includes('onclick'));
    } finally {
      await store.close();
    }
  });

  test('the removed and changed feeds carry one entry per event', async () => {
    const parser = new Parser();
    const removed = await parser.parseString(readFileSync(join(feedsDir, 'removed.atom'), 'utf8'));
    assert.equal(removed.items.length, 1);
    assert.match(removed.items[0]!.title ?? '', /^\[已删除\] 第\d則/);
    assert.equal(removed.items[0]!.link, `../articles/${site.removed.sourceId}/${site.removed.number}.html`);
    const changed = await parser.parseString(readFileSync(join(feedsDir, 'changed.atom'), 'utf8'));
    assert.equal(changed.items.length, 1);
    assert.match(changed.items[0]!.title ?? '', /^\[修改\] .*（更新）$/);
    assert.ok(changed.items[0]!.content?.includes(site.revised.newSentence));
    const all = readFileSync(join(feedsDir, 'all.atom'), 'utf8');
    assert.ok(!all.includes(changed.items[0]!.id!), 'the change has its own id, not the article id');
  });

  test('an outlet feed names the outlet and carries its language', () => {
    const xml = readFileSync(join(feedsDir, 'sources/bbc-trad.atom'), 'utf8');
    assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-Hant">/);
    assert.match(xml, /<author><name>BBC 中文（繁體）<\/name><\/author>/);
    const feed = parseFeed(xml);
    assert.equal(feed.items.length, 7);
    assert.ok(feed.items.every((item) => item.link?.startsWith('../../articles/bbc-trad/')));
  });
});
