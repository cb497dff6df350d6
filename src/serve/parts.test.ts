import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffRevisionText } from './diff-view.ts';
import { escapeHtml, h, trusted } from './safe-html.ts';
import { addDays, dayOf, dayStart, formatUtc, formatUtc8 } from './time.ts';
import type { Article, Revision } from '../store/index.ts';
import { articlePage, PAGE_DIFF_BUDGET_MS, readableUrl, safeHttpUrl } from './views/article-page.ts';

describe('safe HTML', () => {
  test('interpolated text is escaped; nested h and trusted pass through; arrays are joined', () => {
    const evil = `"><script>alert('x')</script>&`;
    assert.equal(escapeHtml(evil), '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
    assert.equal(h`<a title="${evil}">${evil}</a>`.toString(), `<a title="${escapeHtml(evil)}">${escapeHtml(evil)}</a>`);
    assert.equal(h`<p>${h`<b>${'<i>'}</b>`}</p>`.toString(), '<p><b>&lt;i&gt;</b></p>');
    assert.equal(h`${['<', h`<br>`, 1, null, undefined, false]}`.toString(), '&lt;<br>1');
    assert.equal(h`${trusted('<mark>x</mark>')}`.toString(), '<mark>x</mark>');
  });
});

describe('UTC+8 days', () => {
  const cases: [string, number | null][] = [
    ['2024-03-21', Date.UTC(2024, 2, 20, 16)],
    ['2024-02-29', Date.UTC(2024, 1, 28, 16)],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['0050-01-01', null],
    ['2024-3-1', null],
    ['', null],
  ];
  for (const [day, start] of cases) {
    test(`dayStart(${JSON.stringify(day)})`, () => assert.equal(dayStart(day), start));
  }
  test('formatting and neighbours', () => {
    const ms = Date.UTC(2024, 2, 20, 17, 30);
    assert.equal(formatUtc8(ms), '2024-03-21 01:30');
    assert.equal(formatUtc(ms), '2024-03-20 17:30 UTC');
    assert.equal(dayOf(ms), '2024-03-21');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  });
});

describe('links', () => {
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
});

describe('revision diff', () => {
  test('insertions and deletions of text, escaped', () => {
    const diff = diffRevisionText('<p>甲乙丙 &lt;b&gt;</p>', '<p>甲丙丁 &lt;b&gt;</p>');
    assert.equal(diff.changed, true);
    assert.equal(diff.html.toString(), '<div class="diff">甲<del>乙</del>丙<ins>丁</ins> &lt;b&gt;</div>');
  });

  test('markup-only changes are not edits', () => {
    const diff = diffRevisionText('<p>同样的文字</p>', '<div><p class="x">同样的文字</p></div>');
    assert.equal(diff.changed, false);
  });

  test('long unchanged stretches are shortened around the change', () => {
    const long = '这是一段很长的没有变化的文字。'.repeat(20);
    const html = diffRevisionText(`<p>${long}旧</p>`, `<p>${long}新</p>`).html.toString();
    assert.match(html, /^<div class="diff"> … /);
    assert.ok(html.length < long.length, `${html.length} < ${long.length}`);
    assert.match(html, /<del>旧<\/del><ins>新<\/ins>/);
  });
});

describe('article page revisions', () => {
  const revision = (seq: number, content: string): Revision => ({
    id: seq,
    articleId: 1,
    seq,
    title: '标题',
    url: 'https://example.com/a',
    content,
    sha256: String(seq),
    fingerprint: String(seq),
    seenMs: Date.UTC(2024, 0, seq),
    seenWhere: 'feed',
  });
  const revisions = [revision(1, '<p>第一版</p>'), revision(2, '<p>第二版</p>'), revision(3, '<p>第三版</p>')];
  const article: Article = {
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
  };

  test('each consecutive pair gets a diff', () => {
    const html = articlePage({ article, sourceName: '美国之音', revisions, displayHtml: '<p>第三版</p>' }).toString();
    assert.match(html, /修订记录（3 版）/);
    assert.match(html, /第<del>一<\/del><ins>二<\/ins>版/);
    assert.match(html, /第<del>二<\/del><ins>三<\/ins>版/);
  });

  test('diffs stop when the page budget is spent', () => {
    let now = 0;
    const clock = (): number => (now += PAGE_DIFF_BUDGET_MS * 0.75); // every reading of the clock costs 3/4 of the budget
    const html = articlePage({ article, sourceName: '美国之音', revisions, displayHtml: '', clock }).toString();
    assert.match(html, /第<del>一<\/del><ins>二<\/ins>版/);
    assert.doesNotMatch(html, /<ins>三<\/ins>/);
    assert.match(html, /超出本页的时间预算/);
  });
});
