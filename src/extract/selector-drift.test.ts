// When an outlet changes its template, its keep selectors match nothing: extraction falls back to
// Readability and says so, so the cycle can count it per source.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from './extract.ts';
import { selectorsFor } from './selectors.ts';

const body = Array.from({ length: 8 }, (_, n) => `<p>第${n + 1}段。${'新模板里的正文，依然应该被完整地提取出来。'.repeat(4)}</p>`).join('');
const oldTemplate = `<html><body><div id="storytext">${body}</div><div class="share">分享到脸书</div></body></html>`;
const newTemplate = `<html><body><header>首页 新闻</header><article class="b-article-body">${body}</article><footer>版权所有</footer></body></html>`;

test('keep selectors: matched, missed (Readability used, with a warning), or none', () => {
  const cases: [name: string, html: string, keep: string[] | undefined, expected: 'matched' | 'missed' | null][] = [
    ['the template the selectors were written for', oldTemplate, ['#storytext'], 'matched'],
    ['a new template', newTemplate, ['#storytext'], 'missed'],
    ['no keep selectors', newTemplate, undefined, null],
  ];
  for (const [name, html, keep, expected] of cases) {
    const article = extractArticle(html, { url: 'https://www.rfa.org/mandarin/a.html', ...(keep ? { selectors: { keep } } : {}) });
    assert.equal(article.keepSelectors, expected, name);
    assert.match(article.text, /第8段/, `${name}: the text is still extracted`);
    assert.equal(article.warnings.some((warning) => /no keep selector matched/.test(warning)), expected === 'missed', name);
  }
});

test("RFA's selectors for the retired #storytext template are gone", () => {
  assert.equal(selectorsFor('rfa'), undefined);
});
