import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Article, Revision } from '../../store/types.ts';
import { readableUrl, renderArticlePage, safeHttpUrl } from './article-page.ts';
import { diffRevisionText } from './diff-view.ts';
import type { LinkPolicy, PageContext } from './links.ts';

const links: LinkPolicy = {
  home: 'H',
  style: 'S',
  icon: null,
  outlets: 'H#o',
  article: (a) => `A/${a.id}`,
  source: (id) => `SRC/${id}`,
  day: (day) => `D/${day}`,
  days: null,
  today: null,
  removed: 'R',
  changed: 'C',
  health: null,
  search: null,
  feed: () => null,
  sourceFeed: () => null,
};
const context: PageContext = { siteTitle: '存档', footer: '页脚', sources: new Map(), links };

const revision = (seq: number, content: string, title = '标题'): Revision => ({
  id: seq,
  articleId: 1,
  seq,
  title,
  url: 'https://example.com/a',
  content,
  sha256: String(seq),
  fingerprint: String(seq),
  seenMs: Date.UTC(2024, 0, seq),
  seenWhere: 'feed',
  fetchedUrl: null,
  httpStatus: null,
  etag: null,
});
const article = (overrides: Partial<Article> = {}): Article => ({
  seenWhere: 'feed',
  id: 1,
  sourceId: 'voa',
  number: 1048574,
  key: 'k',
  url: 'https://example.com/a',
  title: '标题',
  author: null,
  publishedMs: Date.UTC(2024, 0, 1),
  firstSeenMs: Date.UTC(2024, 0, 1),
  status: 'live',
  statusChangedMs: null,
  revisionId: 3,
  revisionCount: 3,
  content: '<p>第三版</p>',
  sha256: '3',
  fingerprint: '3',
  ...overrides,
});
const source = { id: 'voa', name: '美国之音', language: 'zh-Hans' };
const clean = (html: string): string => html;

describe('links leaving a page', () => {
  const cases: [string | null, string | null][] = [
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com/', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>', null],
    ['/relative', null],
    [null, null],
  ];
  for (const [url, expected] of cases) test(`safeHttpUrl(${url})`, () => assert.equal(safeHttpUrl(url), expected));

  test('readable link text decodes Chinese paths but not disguising characters', () => {
    assert.equal(readableUrl('https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD'), 'https://www.rfi.fr/cn/中国');
    assert.equal(readableUrl('https://e.com/%E2%80%AEgpj.exe'), 'https://e.com/%E2%80%AEgpj.exe');
    assert.equal(readableUrl('https://e.com/a%20b'), 'https://e.com/a%20b');
    assert.equal(readableUrl('https://e.com/%E4%B8'), 'https://e.com/%E4%B8');
  });

  test('a stored URL that is not http(s) is shown as text, never linked', () => {
    const page = renderArticlePage(context, { article: article({ url: 'javascript:alert(4)' }), revisions: [], source, clean, diff: diffRevisionText });
    assert.match(page, /<p>原文：<span class="url">javascript:alert\(4\)<\/span><\/p>/);
    assert.doesNotMatch(page, /href="javascript:/);
  });
});

describe('article page', () => {
  const revisions = [revision(1, '<p>第一版</p>', '旧标题'), revision(2, '<p>第二版</p>'), revision(3, '<p>第三版</p>')];

  test('every consecutive pair gets a diff, the newest first and open; titles change in place', () => {
    const page = renderArticlePage(context, { article: article(), revisions, source, clean, diff: diffRevisionText });
    assert.match(page, /共 3 个版本/);
    const newest = page.indexOf('第 2 版 → 第 3 版');
    const older = page.indexOf('第 1 版 → 第 2 版');
    assert.ok(newest > 0 && older > newest, 'newest pair first');
    assert.match(page, /<details class="revision" open>\n<summary>第 2 版 → 第 3 版/);
    assert.match(page, /<p>第<del>二<\/del><ins>三<\/ins>版<\/p>/);
    assert.match(page, /<p>第<del>一<\/del><ins>二<\/ins>版<\/p>/);
    assert.match(page, /标题：<del lang="zh-Hans">旧标题<\/del> → <ins lang="zh-Hans">标题<\/ins>/);
    assert.match(page, /<a href="SRC\/voa">美国之音<\/a>/);
    assert.match(page, /<a href="D\/2024-01-01">2024-01-01<\/a>/);
  });

  test('a removed article says when the removal was seen', () => {
    const page = renderArticlePage(context, {
      article: article({ status: 'removed', statusChangedMs: Date.UTC(2024, 2, 22, 4) }),
      revisions: [],
      source,
      clean,
      diff: diffRevisionText,
    });
    assert.match(page, /<span class="mark removed">已删除<\/span><\/h1>/);
    assert.match(page, /原网站已于 <time datetime="2024-03-22T04:00:00Z">2024-03-22 12:00<\/time>（UTC\+8）前删除此文/);
  });
});
