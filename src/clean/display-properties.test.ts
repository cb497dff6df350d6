// Display HTML is balanced (every element it opens it closes, in order) and idempotent
// (cleanDisplay(cleanDisplay(x)) === cleanDisplay(x)): over generated markup (fast-check), the XSS corpus
// and the real article bodies in testdata/. A page that is not balanced lets one element swallow what the
// site puts after the article (a rejected <iframe> once left an <a href> open over the revision history).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cleanDisplay } from './index.ts';
import { MARKUP_FRAGMENTS, realArticleBodies, TESTDATA } from './display-corpus.ts';
import { loadXssVectors } from './xss-corpus.ts';

const VOID = new Set(['br', 'hr', 'img', 'source', 'wbr']);

/**
 * The first place where `html` (display output: attribute values have `<` and `>` escaped) is not
 * balanced, or null: an end tag that does not close the innermost open element, or an element left open.
 */
function imbalance(html: string): string | null {
  const open: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g)) {
    const [, slash, rawName] = m;
    const name = (rawName as string).toLowerCase();
    if (VOID.has(name)) {
      if (slash === '/') return `end tag of void <${name}> at ${m.index}`;
      continue;
    }
    if (slash === '') open.push(name);
    else if (open.pop() !== name) return `</${name}> at ${m.index} does not close the innermost open element`;
  }
  return open.length === 0 ? null : `left open: ${open.join(' > ')}`;
}

function assertBalancedAndIdempotent(input: string, opts: Parameters<typeof cleanDisplay>[1] = {}): void {
  const once = cleanDisplay(input, opts);
  assert.equal(imbalance(once), null, `not balanced: ${once}`);
  assert.equal(cleanDisplay(once, opts), once);
}

describe('the imbalance check itself', () => {
  const rows: [string, string | null][] = [
    ['<p>a<b>b</b></p><br /><img src="x" />', null],
    ['<div><p>a</iframe-rejected></div>', '</iframe-rejected> at 9 does not close the innermost open element'],
    ['<a href="x">a', 'left open: a'],
    ['<p>a</p></br>', 'end tag of void <br> at 8'],
  ];
  for (const [html, want] of rows) test(html, () => assert.equal(imbalance(html), want));
});

describe('a rejected <iframe> closes only itself', () => {
  // [name, input, expected]; every iframe host here is outside the allowlist.
  const rows: [string, string, string][] = [
    ['the element after it at the same depth keeps its own end tag',
      '<div><iframe src="https://evil.example/">fallback</iframe><p>para</p></div><p>footer</p>',
      '<div><p>para</p></div><p>footer</p>'],
    ['an <a href> after it is closed where the page closed it',
      '<div><iframe src="https://bbc.com/ws/av-embeds/x"></iframe><a href="https://x.org/">link</a></div><footer>revisions</footer>',
      '<div><a href="https://x.org/" rel="noopener noreferrer" target="_blank">link</a></div><footer>revisions</footer>'],
    ['an iframe without src', '<section><iframe>x</iframe><ul><li>a</li></ul></section><p>b</p>',
      '<section><ul><li>a</li></ul></section><p>b</p>'],
    ['an http iframe of an allowed host', '<div><iframe src="http://www.youtube.com/embed/a"></iframe><em>a</em></div>b',
      '<div><em>a</em></div>b'],
    ['two in a row', '<div><iframe src="https://a.example/"></iframe><iframe src="https://b.example/"></iframe><b>x</b></div><i>y</i>',
      '<div><b>x</b></div><i>y</i>'],
    ['the fallback markup goes with it', '<div><iframe src="https://evil.example/"><a href="https://x.org/">fallback</a></iframe><p>p</p></div>',
      '<div><p>p</p></div>'],
  ];
  for (const [name, input, expected] of rows) {
    test(name, () => {
      assert.equal(cleanDisplay(input), expected);
      assertBalancedAndIdempotent(input);
    });
  }

  test('an allowed iframe still comes through, and what follows it is closed as before', () => {
    const input = '<div><iframe src="https://www.youtube.com/embed/a"></iframe><p>p</p></div>';
    assert.equal(cleanDisplay(input),
      '<div><iframe src="https://www.youtube.com/embed/a" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe><p>p</p></div>');
    assertBalancedAndIdempotent(input);
  });
});

const FRAGMENTS = MARKUP_FRAGMENTS;
const markup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('cleanDisplay is balanced and idempotent', () => {
  test('on generated markup', () => {
    // Fixed seeds: the suite must give the same answer on every run. Before the display cleaner read markup as a
    // tree, some seeds found mis-nested table cells (`<td><custom-el><td>`) written as nested cells that a second
    // pass flattened; seed 4 was one of them.
    for (const seed of [20261202, 4, 5, 6]) {
      fc.assert(fc.property(markup, (html) => assertBalancedAndIdempotent(html, { baseUrl: 'https://example.com/news/' })), { numRuns: 1000, seed });
    }
  });

  test('on every vector of the XSS corpus', () => {
    for (const vector of loadXssVectors()) assertBalancedAndIdempotent(vector, { baseUrl: 'https://example.com/news/' });
  });

  // The real article bodies of the old archive and the two seeds (line 5 of each file).
  const bodies = realArticleBodies();
  test('the real article bodies are all there', () => assert.equal(bodies.length, 21));
  for (const body of bodies) {
    test(`on ${body.file.slice(TESTDATA.length)}`, () => assertBalancedAndIdempotent(body.html, { baseUrl: body.baseUrl }));
  }
});
