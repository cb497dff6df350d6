// The browser script's fold, tokens and query terms are src/search's: the script's text runs in a fresh V8
// context (as a browser would run it, without a document) and is compared with fold.ts, tokenize.ts and
// query.ts on table cases and on random text. Then its posting decoder and shard hash against postings.ts, and its segment merge against build.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { fold } from '../fold.ts';
import { parseQuery } from '../query.ts';
import { SIMPLIFIED_PAIRS } from '../simplified-table.ts';
import { tokens } from '../tokenize.ts';
import { SearchError } from '../types.ts';
import { CLIENT_SCRIPT } from './client-script.ts';
import { visibleIds } from './build.ts';
import { encodePostings, shardOf } from './postings.ts';
import { formatFoldTable } from './shard-files.ts';

interface Core {
  fold(text: string): string;
  tokens(folded: string, edges: boolean): string[];
  parse(input: string): { terms: string[][]; excluded: string[][]; error: string | null };
  shardOf(token: string, shards: number): number;
  decode(text: string): number[];
  visible(lists: number[][], drops: number[][]): number[];
}

function loadCore(): Core {
  const context: { newsvaultSearch?: { core: Core } } = {};
  runInNewContext(CLIENT_SCRIPT, context);
  runInNewContext(formatFoldTable(SIMPLIFIED_PAIRS), context); // search/fold.js, as the page loads it
  return context.newsvaultSearch!.core;
}

const core = loadCore();
/** Copies a value out of the other context, so deepEqual compares values, not realms. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const CASES = [
  '習近平', '习近平', '臺灣 台灣 台湾', '颱風', 'ＣＯＶＩＤ－１９', 'Café Ünïcödé', '2023年3月', 'iPhone手机', 'X光',
  '㍿ß 𠮷野家 ﬁ ①', '清朝乾隆皇帝與乾坤大挪移', 'ひらがなカタカナ한국어', '香港國安法實施後', '“引号”「括号」',
  'a\ud800b', '\udc00x', '', '   ',
];

// Text that exercises every branch: traditional and simplified Han, kana, Hangul, Latin with diacritics,
// full-width forms, digits, punctuation, astral characters and lone surrogates.
const alphabet = fc.constantFrom(
  ...'習近平习臺灣台湾國务發展经濟乾隆著名颱風香港ひカ한ÉéüßabcXYZ019０１ＡＢ－，。！ 「」"\'-_:／\n'.split(''),
  '𠮷', '\ud800', '\udfff', '\u3005', '\u30fc', 'ﬁ', '①', '㍿',
);
const text = fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(''));

describe('site search script: the same folding and tokens as src/search', () => {
  test('table cases: fold, tokens with and without edges', () => {
    for (const input of CASES) {
      assert.equal(core.fold(input), fold(input), input);
      assert.deepEqual(plain(core.tokens(fold(input), true)), tokens(fold(input), true), input);
      assert.deepEqual(plain(core.tokens(fold(input), false)), tokens(fold(input), false), input);
    }
  });

  test('random text: fold and tokens agree', () => {
    fc.assert(
      fc.property(text, (input) => {
        assert.equal(core.fold(input), fold(input));
        assert.deepEqual(plain(core.tokens(fold(input), true)), tokens(fold(input), true));
        assert.deepEqual(plain(core.tokens(fold(input), false)), tokens(fold(input), false));
      }),
      { numRuns: 2000 },
    );
  });

  test('every character the fold table maps folds the same', () => {
    let all = '';
    for (let i = 0; i < SIMPLIFIED_PAIRS.length; i += 2) all += SIMPLIFIED_PAIRS[i];
    assert.equal(core.fold(all), fold(all));
  });

  test("query terms: the reader's query parser's tokens, and its refusal of one character", () => {
    const queries = [
      '習近平', '香港 台灣', '"国家 主席"', '「習近平」', '-疫情 香港', 'source:voa 香港', 'from:2023-03-01 台湾',
      'ＣＯＶＩＤ－１９', 'covid-19 疫苗', '2023年', '台', '  ', '，。',
    ];
    for (const input of queries) {
      const ours = plain(core.parse(input));
      const reader = parseQuery(input);
      if (reader instanceof SearchError) {
        assert.ok(ours.error !== null || ours.terms.length + ours.excluded.length === 0, `${input}: ${reader.kind}`);
        if (reader.kind === 'too-short') assert.match(ours.error ?? '', /一个汉字/);
        continue;
      }
      assert.equal(ours.error, null, input);
      assert.deepEqual(ours.terms, reader.terms.map((t) => t.tokens), input);
      assert.deepEqual(ours.excluded, reader.excluded.map((t) => t.tokens), input);
    }
  });
});

describe('site search script: shard files', () => {
  test('posting lists decode as postings.ts encodes them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 100 }), (ids) => {
        const sorted = [...ids].sort((a, b) => a - b);
        assert.deepEqual(plain(core.decode(encodePostings(sorted))), sorted);
      }),
    );
  });

  test('a token is looked for in the shard the builder put it in', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(16, 128, 8192), (token, shards) => {
        assert.equal(core.shardOf(token, shards), shardOf(token, shards));
      }),
    );
  });

  test("segments merge as build.ts's visibleIds says: newest segment wins, drops hide older ones", () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }).map((list) => list.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, ids), { minLength: 1, maxLength: 5 }), (segments) => {
        const lists = segments.map(([list]) => list);
        const drops = segments.map(([, drop]) => drop);
        assert.deepEqual(plain(core.visible(lists, drops)), visibleIds(lists, drops));
      }),
    );
    assert.deepEqual(visibleIds([[1, 2, 3], [2, 5]], [[], [3]]), [1, 2, 5], '3 edited away in the newer segment');
  });
});
