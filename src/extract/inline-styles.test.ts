// jsdom throws on some inline style values while it builds a page (jsdom/jsdom#4285 and relatives: tokens
// of a background shorthand that touch). extractArticle must still give the page's text, with a warning
// when it had to drop the styles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { readTestdata } from './article-pages.ts';
import { extractArticle } from './extract.ts';
import { repairInlineStyles, withoutInlineStyles } from './inline-styles.ts';
import { measure } from './quality.ts';

const URL_TOUCHING = 'background:url(a.png)no-repeat;color:red';
const GRADIENT_TOUCHING = 'background:linear-gradient(red,blue)border-box;color:red';
const PAGE = '8world-2025-india-wedding';
const url = 'https://www.8world.com/world/india-wedding-snatch-chips-people-trample-2977571';

/** The real 8world page with a style attribute on its first paragraph of article text. */
function pageWithStyle(style: string): string {
  const html = readTestdata(`${PAGE}.html`);
  const at = html.indexOf('<p', html.indexOf('text-long'));
  assert.ok(at > 0);
  return `${html.slice(0, at + 2)} style="${style}"${html.slice(at + 2)}`;
}

describe('inline style values that make jsdom throw', () => {
  for (const style of [URL_TOUCHING, GRADIENT_TOUCHING]) {
    test(`jsdom itself throws on style="${style}" (the test proves something)`, () => {
      assert.throws(() => new JSDOM(`<p style="${style}">x</p>`), TypeError);
    });
  }

  test('url(…) touching the next token is repaired as browsers read it: no warning, same text', () => {
    const plain = extractArticle(readTestdata(`${PAGE}.html`), { url });
    const got = extractArticle(pageWithStyle(URL_TOUCHING), { url });
    assert.deepEqual(got.warnings, []);
    assert.equal(got.text, plain.text);
  });

  test('any other throwing value: the page is read again without inline styles, with a warning', () => {
    const expected = readTestdata(`${PAGE}.expected.txt`);
    const got = extractArticle(pageWithStyle(GRADIENT_TOUCHING), { url });
    assert.match(got.warnings.join('\n'), /extract: reading .* failed \(.*\); read again without inline styles/);
    const quality = measure(expected, got.text);
    assert.ok(quality.recall >= 0.99, `recall ${quality.recall}`);
    assert.ok(quality.precision >= 0.99, `precision ${quality.precision}`);
  });

  const repairs: Array<[string, string]> = [
    ['<p style="background:url(a.png)no-repeat">', '<p style="background:url(a.png) no-repeat">'],
    ["<p style='background:url(\"a b.png\")center'>", "<p style='background:url(\"a b.png\") center'>"],
    ['<p style="background:url(a.png) no-repeat">', '<p style="background:url(a.png) no-repeat">'],
    ['<p style="background:url(a.png);color:red">', '<p style="background:url(a.png);color:red">'],
    ['<p data-x="url(a.png)b">', '<p data-x="url(a.png)b">'],
    ['<p>url(a.png)b</p>', '<p>url(a.png)b</p>'],
  ];
  for (const [input, output] of repairs) test(`repairInlineStyles(${input})`, () => assert.equal(repairInlineStyles(input), output));

  test('withoutInlineStyles removes style attributes only', () => {
    assert.equal(withoutInlineStyles('<p class="a" style="x:y">t</p><img src=a style=b>'), '<p class="a">t</p><img src=a>');
    assert.equal(withoutInlineStyles('<p>style="x"</p>'), '<p>style="x"</p>');
  });
});
