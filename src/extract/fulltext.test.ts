import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksTruncated, needsFullText, SHORT_ARTICLE_UNITS, textUnits, visibleText } from './fulltext.ts';

const para = (n: number): string => `<p>${'新闻正文'.repeat(n / 4)}</p>`; // n CJK characters
const words = (n: number): string => `<p>${'word '.repeat(n)}</p>`;

describe('needsFullText', () => {
  const cases: { name: string; item: { content: string | null; summary: string | null }; mode: 'feed' | 'page' | 'auto'; want: boolean }[] = [
    { name: 'feed mode never fetches', item: { content: null, summary: null }, mode: 'feed', want: false },
    { name: 'page mode always fetches', item: { content: para(4000), summary: null }, mode: 'page', want: true },
    { name: 'auto: nothing at all', item: { content: null, summary: null }, mode: 'auto', want: true },
    { name: 'auto: only markup, no text', item: { content: '<img src="a.jpg"><script>var x = "long text"</script>', summary: '' }, mode: 'auto', want: true },
    { name: 'auto: a two-sentence summary', item: { content: null, summary: para(120) }, mode: 'auto', want: true },
    { name: 'auto: just under the threshold', item: { content: para(SHORT_ARTICLE_UNITS - 4), summary: null }, mode: 'auto', want: true },
    { name: 'auto: at the threshold', item: { content: para(SHORT_ARTICLE_UNITS), summary: null }, mode: 'auto', want: false },
    { name: 'auto: full text in the summary (feedx.net puts it in <description>)', item: { content: null, summary: para(2000) }, mode: 'auto', want: false },
    { name: 'auto: long but ends with 阅读全文', item: { content: `${para(800)}<p><a href="/x">阅读全文</a></p>`, summary: null }, mode: 'auto', want: true },
    { name: 'auto: long but ends with an ellipsis', item: { content: `${para(800)}……`, summary: null }, mode: 'auto', want: true },
    { name: 'auto: English with Read more »', item: { content: `${words(900)}<a href="/x">Read more »</a>`, summary: null }, mode: 'auto', want: true },
    { name: 'auto: a long English article', item: { content: words(900), summary: null }, mode: 'auto', want: false },
    { name: 'auto: 300 English words is short', item: { content: words(300), summary: null }, mode: 'auto', want: true },
  ];
  for (const c of cases) test(c.name, () => assert.equal(needsFullText(c.item, c.mode), c.want));
});

describe('reading units and markers', () => {
  test('CJK characters count one each, other words one each, punctuation nothing', () => {
    assert.equal(textUnits('中国数字时代 China Digital Times, 2024年！'), 6 + 3 + 2);
    assert.equal(textUnits('abc中文def'), 4);
  });
  test('visible text skips scripts and decodes entities', () => {
    assert.equal(visibleText('<p>a&amp;b</p><script>x()</script><style>p{}</style><p>c</p>'), 'a&b c');
  });
  const truncated: [string, boolean][] = [
    ['……', true],
    ['文章内容... ', true],
    ['[…]', true],
    ['点击阅读全文 >>', true],
    ['繼續閱讀 →', true],
    ['Continue reading »', true],
    ['全文完。', false],
    ['这是结尾。', false],
  ];
  for (const [text, want] of truncated) test(`looksTruncated(${JSON.stringify(text)}) = ${want}`, () => assert.equal(looksTruncated(text), want));
});
