import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fold, prefill } from './fold.ts';
import { SIMPLIFIED_PAIRS } from './simplified-table.ts';
import { simplifiedPairs } from './simplified-table-source.ts';
import { htmlToText } from './html-text.ts';
import { parseDay, parseQuery } from './query.ts';
import { tokens } from './tokenize.ts';
import { SearchError } from './types.ts';

describe('fold', () => {
  const cases: [string, string][] = [
    ['習近平', '习近平'],
    ['臺灣', '台湾'],
    ['台灣', '台湾'],
    ['香港發展經濟', '香港发展经济'],
    ['颱風', '台风'],
    ['ＣＯＶＩＤ－１９', 'covid-19'],
    ['iPhone', 'iphone'],
    ['Café Ünïcödé', 'cafe unicode'],
    ['后來 後來', '后来 后来'],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => assert.equal(fold(input), expected));
  }

  test('simplified text is unchanged', () => {
    const s = '中国国家主席习近平周一在北京会见了到访的美国国务卿。';
    assert.equal(fold(s), s);
  });

  test('keeps the length, so offsets map back to the original', () => {
    for (const s of ['㍿ß 𠮷野家 ﬁ ①', '習近平在臺灣說', 'ＡＢＣ']) assert.equal(fold(s).length, s.length);
  });

  test('is per character: folding a substring gives a substring of the folded text', () => {
    const text = '清朝乾隆皇帝與乾坤大挪移，著作與著名的臺灣颱風';
    for (let i = 0; i < text.length; i++) {
      for (let j = i + 1; j <= Math.min(text.length, i + 4); j++) {
        assert.ok(fold(text).includes(fold(text.slice(i, j))), text.slice(i, j));
      }
    }
  });

  test('the generated table says what the installed opencc-js says (else: node --import tsx scripts/generate-simplified-table.ts)', () => {
    const expected = simplifiedPairs().map(([from, to]) => String.fromCharCode(from, to)).join('');
    assert.ok(expected.length > 6000);
    assert.equal(SIMPLIFIED_PAIRS, expected);
  });

  test('batch prefill agrees with one character at a time', () => {
    const sample = '乾隆著作臺灣颱風後來裡面發展經濟習近平';
    const one = [...sample].map((c) => fold(c)).join('');
    prefill(0x4e00, 0x9fff);
    assert.equal(fold(sample), one);
  });
});

describe('tokens', () => {
  const cases: [string, boolean, string[]][] = [
    ['习近平说', true, ['习近', '近平', '平说']],
    ['台湾。香港', true, ['台湾', '香港']],
    ['covid-19疫苗', true, ['covid', '19', '疫', '疫苗']],
    ['2023年3月1日', true, ['2023', '年', '3', '月', '1', '日']],
    ['x光', false, ['x', '光']],
    ['香港', false, ['香港']],
    ['!!!', true, []],
  ];
  for (const [input, edges, expected] of cases) {
    test(`${input} (edges ${edges})`, () => assert.deepEqual(tokens(input, edges), expected));
  }
});

describe('parseQuery', () => {
  test('words, phrases, exclusions and filters', () => {
    const q = parseQuery('香港 "新闻 自由" -国安法 -"警方" source:VOA,rfi -source:rfa from:2023-03-01 to:2023-03-31 status:removed');
    assert.ok(!(q instanceof SearchError));
    assert.deepEqual(q.terms.map((t) => [t.text, t.quoted]), [['香港', false], ['新闻 自由', true]]);
    assert.deepEqual(q.excluded.map((t) => t.text), ['国安法', '警方']);
    assert.deepEqual(q.sources, ['voa', 'rfi']);
    assert.deepEqual(q.excludedSources, ['rfa']);
    assert.equal(q.from, Date.parse('2023-02-28T16:00:00Z'));
    assert.equal(q.to, Date.parse('2023-03-31T16:00:00Z'));
    assert.equal(q.status, 'removed');
  });

  test('full-width operators typed with a Chinese IME', () => {
    const q = parseQuery('香港　－国安法　ｓｏｕｒｃｅ：ｖｏａ');
    assert.ok(!(q instanceof SearchError));
    assert.deepEqual(q.excluded.map((t) => t.folded), ['国安法']);
    assert.deepEqual(q.sources, ['voa']);
  });

  test('unknown keys are text', () => {
    const q = parseQuery('foo:bar');
    assert.ok(!(q instanceof SearchError));
    assert.deepEqual(q.terms[0]?.tokens, ['foo', 'bar']);
  });

  test('256 characters pass, 257 do not', () => {
    const long = parseQuery('a'.repeat(257));
    assert.ok(long instanceof SearchError && long.kind === 'too-long');
    assert.ok(!(parseQuery('a'.repeat(256)) instanceof SearchError));
  });

  const days: [string, string | null][] = [
    ['2023-03-01', '2023-02-28T16:00:00.000Z'],
    ['2023/3/1', '2023-02-28T16:00:00.000Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z'],
    ['2023-02-29', null],
    ['2023-13-01', null],
    ['2023-03', '2023-02-28T16:00:00.000Z'],
    ['yesterday', null],
  ];
  for (const [input, start] of days) {
    test(`day ${input}`, () => {
      const span = parseDay(input);
      assert.equal(span === null ? null : new Date(span.start).toISOString(), start);
    });
  }
});

describe('htmlToText', () => {
  test('blocks become lines; scripts and styles vanish; entities decode', () => {
    const html = '<p>香港&amp;台灣</p><script>var x = "<p>";</script><style>p{}</style><div>第二段<br>第三行</div>';
    assert.equal(htmlToText(html), '香港&台灣\n第二段\n第三行');
  });
});
