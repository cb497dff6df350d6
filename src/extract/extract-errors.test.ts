// Extraction errors are warnings, never a lost page: whatever throws while the page is read, extractArticle
// still returns the page's text (extract.ts, plain-text.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTestdata } from './article-pages.ts';
import { extractArticle, extractWith } from './extract.ts';
import { plainTextLines } from './plain-text.ts';
import { squash } from './quality.ts';
import type { ExtractedArticle, ExtractOptions } from './types.ts';

const PAGE = '8world-2025-india-wedding';
const url = 'https://www.8world.com/world/india-wedding-snatch-chips-people-trample-2977571';

describe('extraction errors become warnings', () => {
  test('when every DOM reading throws, the page\'s visible text is kept, with two warnings', () => {
    const html = readTestdata(`${PAGE}.html`);
    const failing = (): ExtractedArticle => {
      throw new TypeError('Cannot read properties of undefined');
    };
    const got = extractWith(failing, html, { url });
    assert.equal(got.warnings.length, 2);
    assert.match(got.warnings[0]!, /^extract: reading .* failed \(Cannot read properties of undefined\); read again without inline styles$/);
    assert.match(got.warnings[1]!, /without inline styles failed too .* kept the page's visible text without its markup$/);
    assert.equal(got.from, 'plain-text');
    assert.ok(got.title !== null && got.title.includes('印度'));
    const text = squash(got.text);
    for (const paragraph of readTestdata(`${PAGE}.expected.txt`).split('\n').filter((l) => l.trim() !== '')) {
      assert.ok(text.includes(squash(paragraph)), `missing «${paragraph.slice(0, 30)}…»`);
    }
    assert.doesNotMatch(got.text, /function\s*\(|window\./);
    assert.match(got.content, /^<p>/);
  });

  test('when only the first reading throws, the second one\'s article comes back with one warning', () => {
    const html = readTestdata(`${PAGE}.html`);
    let calls = 0;
    const once = (page: string, opts: ExtractOptions, warnings: string[]): ExtractedArticle => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return { ...extractArticle(page, opts), warnings };
    };
    const got = extractWith(once, html, { url });
    assert.equal(calls, 2);
    assert.deepEqual(got.warnings, [`extract: reading ${url} failed (boom); read again without inline styles`]);
    assert.equal(got.from, 'readability');
  });

  const lines: Array<[string, string, string[]]> = [
    ['blocks become lines, scripts and styles are skipped', '<html><head><title>T</title><style>p{}</style></head><body><p>一</p><script>x()</script><div>二<br>三</div></body></html>', ['一', '二', '三']],
    ['entities are decoded, void elements do not open a skipped region', '<p>A&amp;B<img src=x>C</p><p>D</p>', ['A&BC', 'D']],
    ['unclosed markup does not throw', '<p>一<div>二<span>三', ['一', '二三']],
  ];
  for (const [name, html, want] of lines) test(`plainTextLines: ${name}`, () => assert.deepEqual(plainTextLines(html), want));
});
