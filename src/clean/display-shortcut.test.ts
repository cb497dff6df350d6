// cleanDisplay skips sanitize-html's confirming pass when parse5 reads its output as the tree it sanitized
// (display.ts, settle). That must change no output: the same string as running every confirming pass, on the
// real article bodies in testdata/, the XSS corpus and generated markup, each also fed back in (a second
// cleaning is where the shortcut is taken most). The inputs must actually take it, or this proves nothing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseFragment, serialize } from 'parse5';
import { cleanDisplay, cleanDisplayConfirmingEveryPass, type DisplayOptions } from './display.ts';
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

const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));
const walk = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.md') || name.endsWith('.txt')) out.push(path);
  }
  return out;
};

// The properties test's fragments, and display-form ones (what cleanDisplay writes), so that generated markup
// takes the shortcut as well as missing it.
const FRAGMENTS = [
  '<p>', '</p>', '<div>', '</div>', '<a href="https://x.org/a">', '<a href="/rel">', '</a>', '<b>', '</b>', '<em>', '</em>',
  '<ul>', '<li>', '</li>', '</ul>', '<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<figure>', '<figcaption>',
  '</figcaption>', '</figure>', '<img src="https://x.org/a.jpg">', '<img>', '<br>', '</br>', '<hr/>', '<wbr>',
  '<iframe src="https://evil.example/">', '<iframe src="https://www.youtube.com/embed/a">', '<iframe>', '</iframe>',
  '<script>', '</script>', '<style>', '</style>', '<noscript>', '</noscript>', '<svg>', '</svg>', '<math>', '</math>',
  '<textarea>', '</textarea>', '<template>', '</template>', '<title>', '</title>', '<custom-el>', '</custom-el>',
  '<span class="x" onclick="y()">', '</span>', '<h2>', '</h2>', '<pre>', '</pre>', '<select>', '<option>', '</select>',
  '<!--', '-->', 'text', '中文', ' ', '&amp;', '&', '<', '>', '"', '<video src="https://x.org/v.mp4">', '</video>',
  '<source src="https://x.org/v.webm">', '<ruby>', '<rt>', '</rt>', '</ruby>',
  '<br />', '<img src="https://x.org/b.jpg" width="100%" />', '<a href="https://x.org/" rel="noopener noreferrer" target="_blank">',
  '&lt;', '&gt;', '&nbsp;', '\u00a0', '\n', '<p>段落</p>', '<i>Tue, 21 Mar 2023</i>', '<strong>', '</strong>',
];
const markup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the confirming-pass shortcut gives the output of every pass', () => {
  test('on the real article bodies', () => {
    const files = [...walk(join(testdata, 'duty-machine/articles')), ...walk(join(testdata, 'seeds'))];
    assert.equal(files.length, 21);
    const taken = { n: 0 };
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const url = /^\[[^\n]*\]\((\S+)\)$/m.exec(text)?.[1] ?? null;
      check(text.split('\n')[4] as string, { baseUrl: url }, taken);
    }
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
