// cleanDisplay skips sanitize-html's confirming pass when parse5 reads its output as the tree it sanitized
// (display.ts, settle). That must change no output: the same string as running every confirming pass, on the
// real article bodies in testdata/, the XSS corpus and generated markup, each also fed back in (a second
// cleaning is where the shortcut is taken most). The inputs must actually take it, or this proves nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseFragment, serialize } from 'parse5';
import { cleanDisplay, cleanDisplayConfirmingEveryPass, type DisplayOptions } from './display.ts';
import { MARKUP_FRAGMENTS, realArticleBodies } from './display-corpus.ts';
import { loadXssVectors } from './xss-corpus.ts';

const asTree = (html: string): string => serialize(parseFragment(html));

/** Compares both paths on `input` and on the output fed back; counts the calls where the shortcut applies. */
function check(input: string, opts: DisplayOptions, taken: { n: number }): void {
  for (const html of [input, cleanDisplayConfirmingEveryPass(input, opts)]) {
    const full = cleanDisplayConfirmingEveryPass(html, opts);
    assert.equal(cleanDisplay(html, opts), full, `differs on ${JSON.stringify(html)}`);
    // The shortcut's condition on the first confirming pass (display.ts): the output reads as the input's tree.
    if (asTree(full) === asTree(html)) taken.n++;
  }
}

const FRAGMENTS = [
  ...MARKUP_FRAGMENTS,
  '<br />', '<img src="https://x.org/b.jpg" width="100%" />', '<a href="https://x.org/" rel="noopener noreferrer" target="_blank">',
  '&lt;', '&gt;', '&nbsp;', '\u00a0', '\n', '<p>段落</p>', '<i>Tue, 21 Mar 2023</i>', '<strong>', '</strong>',
];
const markup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the confirming-pass shortcut gives the output of every pass', () => {
  test('on the real article bodies', () => {
    const bodies = realArticleBodies();
    assert.equal(bodies.length, 21);
    const taken = { n: 0 };
    for (const body of bodies) check(body.html, { baseUrl: body.baseUrl }, taken);
    assert.ok(taken.n >= 21, `shortcut taken ${taken.n} times of 42`);
  });

  test('on every vector of the XSS corpus', () => {
    const taken = { n: 0 };
    for (const vector of loadXssVectors()) check(vector, { baseUrl: 'https://example.com/news/' }, taken);
    assert.ok(taken.n > 0);
  });

  test('on generated markup', () => {
    const taken = { n: 0 };
    for (const seed of [20261203, 7, 8]) {
      fc.assert(fc.property(markup, (html) => check(html, { baseUrl: 'https://example.com/news/' }, taken)), { numRuns: 1000, seed });
    }
    assert.ok(taken.n > 1000, `shortcut taken ${taken.n} times of 6000`);
  });
});
