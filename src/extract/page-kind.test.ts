// A listing page (a section front) is said to be one, and the archive keeps the feed's content for the
// item; none of the article pages in testdata/ is mistaken for a listing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { PAGE_CASES, readTestdata } from './article-pages.ts';
import { extractArticle } from './extract.ts';
import { judgePage } from './page-kind.ts';
import { selectorsFor } from './selectors.ts';

describe('listing pages', () => {
  test('built-rfi-cn-2025-section-listing.html: a listing, with a warning naming why', () => {
    const url = 'https://www.rfi.fr/cn/%E6%94%BF%E6%B2%BB/';
    for (const selectors of [undefined, selectorsFor('rfi') ?? undefined]) {
      const got = extractArticle(readTestdata('built-rfi-cn-2025-section-listing.html'), { url, ...(selectors ? { selectors } : {}) });
      assert.equal(got.kind, 'listing');
      assert.match(got.warnings.join('\n'), /is a listing page, not an article \(15 headline links make \d+% of its text\)/);
    }
  });

  test('every article page in testdata/ is an article', () => {
    for (const c of PAGE_CASES) {
      const selectors = c.selectors ?? (c.source === null ? undefined : selectorsFor(c.source) ?? undefined);
      const got = extractArticle(readTestdata(`${c.name}.html`), { url: c.url, ...(selectors ? { selectors } : {}) });
      assert.equal(got.kind, 'article', c.name);
    }
  });

  const cases: Array<[string, string, 'article' | 'listing']> = [
    ['five headline links are not enough', '<li><a href="/a">一条足够长的标题</a></li>'.repeat(5), 'article'],
    ['six headline links that are the text', '<li><a href="/a">一条足够长的标题</a></li>'.repeat(6), 'listing'],
    ['short links ("more", page numbers) do not count', '<a href="/1">1</a> <a href="/2">更多</a> '.repeat(10) + '<p>正文</p>', 'article'],
    ['an article quoting six links in long paragraphs', '<p>这是一段很长的正文，其中提到<a href="/x">一篇相关报道</a>，然后继续讲述事件的来龙去脉和各方的反应。</p>'.repeat(6), 'article'],
  ];
  for (const [name, body, kind] of cases) {
    test(name, () => {
      const div = new JSDOM(`<div>${body}</div>`).window.document.querySelector('div') as Element;
      assert.equal(judgePage(div, div.textContent ?? '').kind, kind);
    });
  }
});
