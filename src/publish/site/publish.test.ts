// Incremental site builds against a real SQLite file: the write log names exactly the files that changed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { fingerprint, sha256 } from '../../revision/fingerprint.ts';
import { SqliteStore } from '../../store/index.ts';
import type { Article } from '../../store/types.ts';
import { publishSite, type PublishSiteOptions } from './publish.ts';

const DAY = 24 * 3600 * 1000;
const BASE = Date.parse('2024-03-01T02:00:00Z'); // 10:00 on 2024-03-01 in UTC+8

async function addArticle(store: SqliteStore, sourceId: string, index: number, publishedMs: number): Promise<Article> {
  const content = `<p>第${index}篇的正文。</p><p>第二段。</p>`;
  return await store.insertArticle({
    sourceId,
    key: `${sourceId}-${index}`,
    url: `https://example.com/${sourceId}/${index}`,
    title: `${sourceId} 第${index}篇`,
    author: null,
    publishedMs,
    content,
    sha256: sha256(content),
    fingerprint: fingerprint(content),
    seenMs: publishedMs + 60_000,
    seenWhere: 'feed',
  });
}

describe('publishSite', () => {
  let dir: string;
  let store: SqliteStore;
  let publish: (extra?: Partial<PublishSiteOptions>) => Promise<{ full: boolean; files: string[] }>;

  beforeEach(async () => {
    const root = mkdtempSync(join(tmpdir(), 'nv-site-'));
    dir = join(root, 'site');
    store = SqliteStore.open(join(root, 'db.sqlite'));
    await store.syncSources([
      { id: 'a', name: '甲台', url: 'https://example.com/a.xml' },
      { id: 'b', name: '乙台', url: 'https://example.com/b.xml' },
    ]);
    // a: 5 articles over 3 days (pages of 2: [1,2] [3,4] [5]); b: 2 articles.
    for (let index = 1; index <= 5; index++) await addArticle(store, 'a', index, BASE + Math.floor((index - 1) / 2) * DAY);
    for (let index = 1; index <= 2; index++) await addArticle(store, 'b', index, BASE + index * 3600_000);
    publish = async (extra = {}) => {
      const result = await publishSite({
        store,
        dir,
        siteTitle: '测试存档',
        sources: [
          { id: 'a', name: '甲台', language: 'zh-Hans' },
          { id: 'b', name: '乙台', language: 'zh-Hant' },
        ],
        pageSize: 2,
        atomEntries: 10,
        ...extra,
      });
      return { full: result.full, files: result.files.map((file) => file.slice(dir.length + 1)).sort() };
    };
  });

  test('the first build writes every page; a second build writes nothing', async () => {
    const first = await publish();
    assert.equal(first.full, true);
    assert.deepEqual(first.files, [
      '.state.json',
      'articles/a/1048570.html',
      'articles/a/1048571.html',
      'articles/a/1048572.html',
      'articles/a/1048573.html',
      'articles/a/1048574.html',
      'articles/b/1048573.html',
      'articles/b/1048574.html',
      'changed.html',
      'days/2024-03-01.html',
      'days/2024-03-02.html',
      'days/2024-03-03.html',
      'days/index.html',
      'feeds/all.atom',
      'feeds/changed.atom',
      'feeds/removed.atom',
      'feeds/sources/a.atom',
      'feeds/sources/b.atom',
      'index.html',
      'removed.html',
      'sources/a/index.html',
      'sources/a/page-1.html',
      'sources/a/page-2.html',
      'sources/a/page-3.html',
      'sources/b/index.html',
      'sources/b/page-1.html',
      'style.css',
    ]);
    const second = await publish();
    assert.equal(second.full, false);
    assert.deepEqual(second.files, []);
  });

  test('with nothing changed since the publish state, the store is asked for the mark and the changes only', async () => {
    const nowMs = BASE + 10 * DAY; // every day and week is over: the digests are made on the first build
    await publish({ nowMs });
    assert.ok(readFileSync(join(dir, 'offline/index.html'), 'utf8').includes('.epub'));
    const asked: string[] = [];
    const watched = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          asked.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const result = await publishSite({
      store: watched,
      dir,
      siteTitle: '测试存档',
      sources: [
        { id: 'a', name: '甲台', language: 'zh-Hans' },
        { id: 'b', name: '乙台', language: 'zh-Hant' },
      ],
      pageSize: 2,
      atomEntries: 10,
      nowMs: nowMs + 3600_000,
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(asked, ['currentBuildMark', 'buildMarkIsValid', 'listChangedSince']);
  });

  test('one new article rewrites only its page, its outlet page, its day and the summaries', async () => {
    await publish();
    const untouched = join(dir, 'sources/a/page-1.html');
    const before = statSync(untouched).mtimeMs;
    await addArticle(store, 'a', 6, BASE + 2 * DAY + 3600_000); // lands on a's last page (page 3), day 2024-03-03
    const result = await publish();
    assert.equal(result.full, false);
    assert.deepEqual(result.files, [
      '.state.json',
      'articles/a/1048569.html',
      'days/2024-03-03.html',
      'days/index.html',
      'feeds/all.atom',
      'feeds/sources/a.atom',
      'index.html',
      'sources/a/index.html',
      'sources/a/page-3.html',
    ]);
    assert.equal(statSync(untouched).mtimeMs, before);
    assert.match(readFileSync(join(dir, 'sources/a/index.html'), 'utf8'), /a 第6篇/);
  });

  test('an article that opens a new page also links the previous page to it', async () => {
    await publish();
    await addArticle(store, 'a', 6, BASE + 2 * DAY);
    await publish();
    await addArticle(store, 'a', 7, BASE + 2 * DAY + 7200_000); // page 4 is new: page 3 gains a "newer" link
    const result = await publish();
    assert.ok(result.files.includes('sources/a/page-4.html'));
    assert.ok(result.files.includes('sources/a/page-3.html'));
    assert.ok(!result.files.includes('sources/a/page-2.html'));
    assert.match(readFileSync(join(dir, 'sources/a/page-3.html'), 'utf8'), /href="page-4\.html" rel="prev"/);
  });

  test('a new revision rewrites the article with its history, its list pages and the changed feed', async () => {
    await publish();
    const article = (await store.getArticleByNumber('a', 1048574))!;
    const content = '<p>第1篇的正文（已更正）。</p><p>第二段。</p>';
    await store.addRevision(article.id, {
      title: article.title,
      url: article.url,
      content,
      sha256: sha256(content),
      fingerprint: fingerprint(content),
      seenMs: BASE + 5 * DAY,
      seenWhere: 'recheck',
    });
    const result = await publish();
    assert.deepEqual(result.files, [
      '.state.json',
      'articles/a/1048574.html',
      'changed.html',
      'days/2024-03-01.html',
      'feeds/all.atom',
      'feeds/changed.atom',
      'feeds/sources/a.atom',
      'index.html',
      'sources/a/page-1.html',
    ]);
    const page = readFileSync(join(dir, 'articles/a/1048574.html'), 'utf8');
    assert.match(page, /第 2 版/);
    assert.match(page, /<ins>（已更正）<\/ins>/);
  });

  test('a removal marks the article and lists it on the removed page and feed', async () => {
    await publish();
    const article = (await store.getArticleByNumber('b', 1048574))!;
    await store.setStatus(article.id, 'removed', BASE + 4 * DAY);
    const result = await publish();
    assert.ok(result.files.includes('removed.html'));
    assert.ok(result.files.includes('feeds/removed.atom'));
    assert.ok(result.files.includes('articles/b/1048574.html'));
    assert.ok(!result.files.some((file) => file.startsWith('articles/a/')));
    assert.match(readFileSync(join(dir, 'articles/b/1048574.html'), 'utf8'), /class="notice removed"[^>]*><strong>已删除：<\/strong>原网站已于 <time datetime="2024-03-05T02:00:00Z">2024-03-05 10:00<\/time>/);
    assert.match(readFileSync(join(dir, 'removed.html'), 'utf8'), /乙台/);
  });

  test('a changed setting rebuilds everything; a lost state file rebuilds without changing bytes', async () => {
    await publish();
    const renamed = await publish({ siteTitle: '另一个名字' });
    assert.equal(renamed.full, true);
    assert.ok(renamed.files.length > 20);
    await publish();
    const again = await publish({ full: true });
    assert.equal(again.full, true);
    assert.deepEqual(again.files, []);
  });
});
