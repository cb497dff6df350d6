// tokens() reads runs in one pass (tokenize.ts); it must give exactly the tokens of the Run-based definition it
// replaced, kept here as the reference: over generated text (every kind of character, surrogate pairs and lone
// surrogates, touching and separated runs) and the search test articles, with edges on and off.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fold } from './fold.ts';
import { ARTICLES } from './testdata/articles.ts';
import { indexText, runs, tokens, WORD_RUN, type Run } from './tokenize.ts';

/** The tokens as defined before (tokenize.ts up to 2026-12-03): from the list of runs. */
function referenceTokens(folded: string, edges: boolean): string[] {
  const list = runs(folded);
  const out: string[] = [];
  const touching = (a: Run | undefined, b: Run | undefined) => a !== undefined && b !== undefined && a.end === b.start;
  for (let r = 0; r < list.length; r++) {
    const run = list[r] as Run;
    if (run.kind === WORD_RUN) {
      out.push(run.chars.join(''));
      continue;
    }
    const leading = touching(list[r - 1], run) && (edges || r > 0);
    const trailing = touching(run, list[r + 1]) && (edges || r < list.length - 1);
    const chars = run.chars;
    if (chars.length === 1) {
      out.push(chars[0] as string);
      continue;
    }
    if (leading) out.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
    if (trailing) out.push(chars[chars.length - 1] as string);
  }
  return out;
}

const PIECES = [
  '习', '近', '平', '香港', 'ひらがな', 'カタカナー', '한국어', '々', '〆', 'covid', '19', 'iPhone', 'é', 'ß', ' ', '，', '。', '-',
  '\n', '\u00a0', '𠀀', '𠀁', '😀', '\ud800', '\udc00', '\ud83d', '½', '٣', '\ue000src', '',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('tokens() gives the tokens of the Run-based definition', () => {
  test('on generated text', () => {
    for (const seed of [20261203, 1, 2]) {
      fc.assert(
        fc.property(text, fc.boolean(), (raw, edges) => {
          const folded = fold(raw);
          assert.deepEqual(tokens(folded, edges), referenceTokens(folded, edges));
          assert.deepEqual(tokens(raw, edges), referenceTokens(raw, edges));
        }),
        { numRuns: 2000, seed },
      );
    }
  });

  test('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (raw, edges) => {
        assert.deepEqual(tokens(raw, edges), referenceTokens(raw, edges));
      }),
      { numRuns: 3000, seed: 20261203 },
    );
  });

  test('on the search test articles', () => {
    for (const a of ARTICLES) {
      for (const edges of [true, false]) {
        assert.deepEqual(tokens(fold(a.title), edges), referenceTokens(fold(a.title), edges));
        assert.deepEqual(tokens(fold(a.text), edges), referenceTokens(fold(a.text), edges));
      }
    }
  });
});

describe('indexText() is the tokens joined by spaces', () => {
  test('on generated text and arbitrary strings', () => {
    fc.assert(
      fc.property(text, (raw) => {
        assert.equal(indexText(fold(raw)), referenceTokens(fold(raw), true).join(' '));
        assert.equal(indexText(raw), referenceTokens(raw, true).join(' '));
      }),
      { numRuns: 3000, seed: 20261203 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        assert.equal(indexText(raw), referenceTokens(raw, true).join(' '));
      }),
      { numRuns: 3000, seed: 20261203 },
    );
  });

  test('on the search test articles, and on one longer than its first buffer', () => {
    for (const a of ARTICLES) assert.equal(indexText(fold(a.text)), referenceTokens(fold(a.text), true).join(' '));
    const long = ARTICLES.map((a) => a.text).join('').repeat(400);
    assert.ok(long.length * 4 > 1 << 16);
    assert.equal(indexText(fold(long)), referenceTokens(fold(long), true).join(' '));
  });
});
