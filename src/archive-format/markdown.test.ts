import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  archiveLink,
  markdownBody,
  dateTimeUtc8,
  formatArticleFile,
  formatList,
  formatRemovedList,
  markdownTitle,
  markdownUrl,
  monthDayUtc8,
} from './markdown.ts';

describe('markdown format', () => {
  const titles: [string, string, string][] = [
    ['plain Chinese stays as is', '中俄元首呼吁重启乌克兰和谈,普京称西方没准备好', '中俄元首呼吁重启乌克兰和谈,普京称西方没准备好'],
    ['double quotes become &quot; as the old archive wrote them', '建立针对西方的"特殊"关系', '建立针对西方的&quot;特殊&quot;关系'],
    ['brackets are escaped so the link does not end early', '[视频] 香港]', '\\[视频\\] 香港\\]'],
    ['ampersand and angle brackets become entities', 'AT&T <b>', 'AT&amp;T &lt;b&gt;'],
    ['emphasis characters are escaped', 'a*b_c`d\\e', 'a\\*b\\_c\\`d\\\\e'],
    ['newlines become spaces', '第一行\n第二行', '第一行 第二行'],
  ];
  for (const [name, input, expected] of titles) {
    test(`title: ${name}`, () => assert.equal(markdownTitle(input), expected));
  }

  const urls: [string, string | null, string][] = [
    ['Chinese path is percent-encoded', 'https://www.rfi.fr/cn/国际/20230322-习', 'https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230322-%E4%B9%A0'],
    ['balanced parentheses stay', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['an unbalanced parenthesis is encoded', 'https://example.com/a)b', 'https://example.com/a%29b'],
    ['null becomes empty', null, ''],
  ];
  for (const [name, input, expected] of urls) {
    test(`url: ${name}`, () => assert.equal(markdownUrl(input), expected));
  }

  test('dates in lists are UTC+8', () => {
    // 2023-03-21 20:39:04 UTC is 3-22 04:39 in Beijing.
    assert.equal(monthDayUtc8(1679431144000), '3-22');
    assert.equal(monthDayUtc8(Date.UTC(2023, 11, 31, 15, 59)), '12-31');
    assert.equal(monthDayUtc8(Date.UTC(2023, 11, 31, 16, 0)), '1-1');
  });

  test('an article file has the exact compatible shape', () => {
    assert.equal(
      formatArticleFile({ publishedMs: 1, title: 'T', url: 'https://a.example/x', html: '<p>x</p>' }),
      '<!--1-->\n[T](https://a.example/x)\n------\n\n<p>x</p>\n',
    );
  });

  const bodies: [string, string, string][] = [
    ['a block tag starts an HTML block: unchanged', '<div><i>date</i></div><p>text</p>', '<div><i>date</i></div><p>text</p>'],
    ['a paragraph: unchanged', '<p class="x">段落</p>', '<p class="x">段落</p>'],
    ['plain text would be Markdown: wrapped', '文字 *强调* [x](javascript:alert(1))', '<div data-newsvault-body>文字 *强调* [x](javascript:alert(1))</div>'],
    ['an inline tag first would be Markdown: wrapped', '<span>a</span> _b_', '<div data-newsvault-body><span>a</span> _b_</div>'],
    ['an image first (inline): wrapped', '<img src="a.png"><p>t</p>', '<div data-newsvault-body><img src="a.png"><p>t</p></div>'],
    ['empty stays empty', '', ''],
  ];
  for (const [name, input, expected] of bodies) {
    test(`body: ${name}`, () => assert.equal(markdownBody(input), expected));
  }

  test('the importer undoes exactly the wrapper the writer adds', async () => {
    const { unwrapBody } = await import('./article-file.ts');
    for (const [, input] of bodies) assert.equal(unwrapBody(markdownBody(input)), input);
    // A source's own <div>s are not ours: kept.
    assert.equal(unwrapBody('<div><img src="a"></div><div>b</div>'), '<div><img src="a"></div><div>b</div>');
  });

  test('a list has a heading and every line followed by a blank line', () => {
    const list = formatList('德国之声', [
      { publishedMs: 1679431144000, title: 'A', path: '/articles/dw/1048574.md' },
      { publishedMs: 1679431144000, title: 'B', path: '/articles/dw/1048575.md', removedMs: 1679500000000 },
    ]);
    assert.equal(
      list,
      '德国之声\n------\n\n3-22 [A](/articles/dw/1048574.md)\n\n3-22 [B](/articles/dw/1048575.md) ~~已删除~~ (3-22 起原网页已删除)\n\n',
    );
  });

  test('the removed list: heading, then removal time (UTC+8), source and link, newest first as given', () => {
    assert.equal(dateTimeUtc8(Date.UTC(2023, 11, 31, 16, 5)), '2024-01-01 00:05');
    assert.equal(
      formatRemovedList([
        { removedMs: Date.UTC(2024, 0, 2, 3, 4), sourceName: '美国之音', title: '标题 [2]', path: '/articles/voa/1048574.md' },
        { removedMs: Date.UTC(2023, 5, 1, 0, 0), sourceName: '法广', title: 'B', path: '/articles/rfi/1048570.md' },
      ]),
      '已删除的文章\n------\n\n2024-01-02 11:04 美国之音 [标题 \\[2\\]](/articles/voa/1048574.md)\n\n2023-06-01 08:00 法广 [B](/articles/rfi/1048570.md)\n\n',
    );
    assert.equal(formatRemovedList([]), '已删除的文章\n------\n\n');
  });

  test('archive links encode each segment', () => {
    assert.equal(archiveLink('lists/德国 之声.md'), '/lists/%E5%BE%B7%E5%9B%BD%20%E4%B9%8B%E5%A3%B0.md');
    assert.equal(archiveLink('articles/voa/1048574.md'), '/articles/voa/1048574.md');
  });
});
