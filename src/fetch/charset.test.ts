import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeText } from './charset.ts';
import { charsetFromContentType, declaredInDocument } from './charset-declared.ts';
import { canonicalEncoding, createChunkDecoder } from './charset-labels.ts';

const testdata = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./testdata/${name}`, import.meta.url)));
const bytes = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

// Real feeds, copied byte-exact from their repositories (see /work/shared/fixtures/real/SOURCES.md).
const REAL_FEEDS = [
  { file: 'acnnewswire-2005-rss2-gb2312.xml', encoding: 'gb18030', expect: '亚洲开发银行新闻稿亚行贷款力推中国河南省海河流域环境污染治理' },
  { file: 'cnblog-2004-rss092-gb2312.xml', encoding: 'gb18030', expect: '出版商oreilly推出了开放图书项目' },
  { file: 'kc0011-forum-2020-rss2-gb2312.xml', encoding: 'gb18030', expect: '投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文' },
  { file: 'coolloud-2005-rss1rdf-big5.xml', encoding: 'big5', expect: '中國加入世界貿易組織的社會成本' },
  { file: 'sinica-blog-2005-atom03-big5.xml', encoding: 'big5', expect: '「基礎理論密碼學」部落格開張' },
];

describe('decodeText on real GB2312 and Big5 feeds', () => {
  for (const { file, encoding, expect } of REAL_FEEDS) {
    test(`${file}: XML declaration`, () => {
      const decoded = decodeText(testdata(file), { kind: 'xml' });
      assert.equal(decoded.encoding, encoding);
      assert.ok(decoded.text.includes(expect), `expected ${expect}`);
      assert.deepEqual(decoded.warnings, []);
      assert.ok(!decoded.text.includes('\uFFFD'));
    });
    test(`${file}: declaration stripped, sniffed`, () => {
      const text = Buffer.from(testdata(file)).toString('latin1').replace(/encoding="[^"]*"/, '');
      const decoded = decodeText(ascii(text), { kind: 'xml' });
      assert.equal(decoded.encoding, encoding);
      assert.ok(decoded.text.includes(expect));
    });
  }

  test('Big5 feed served as gb2312 is corrected, with a warning naming both', () => {
    const decoded = decodeText(testdata('coolloud-2005-rss1rdf-big5.xml'), { contentType: 'text/xml; charset=gb2312', kind: 'xml' });
    assert.equal(decoded.encoding, 'big5');
    assert.ok(decoded.text.includes('中國加入世界貿易組織的社會成本'));
    assert.equal(decoded.warnings.length, 1);
    assert.match(decoded.warnings[0] ?? '', /gb2312.*big5/);
  });

  test('Big5 feed served as utf-8 is corrected', () => {
    const decoded = decodeText(testdata('sinica-blog-2005-atom03-big5.xml'), { contentType: 'application/atom+xml; charset=utf-8' });
    assert.equal(decoded.encoding, 'big5');
    assert.ok(decoded.text.includes('新年快樂'));
    assert.match(decoded.warnings.join('\n'), /utf-8.*big5/);
  });

  test('GB2312 feed served as big5 is corrected', () => {
    const decoded = decodeText(testdata('kc0011-forum-2020-rss2-gb2312.xml'), { contentType: 'text/xml; charset=big5' });
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes('建国35周年纪念，华表，和平鸽'));
    assert.match(decoded.warnings.join('\n'), /big5.*gb18030/);
  });
});

describe('decodeText precedence and corrections', () => {
  const simplified = '朱镕基在北京说，中国经济的发展速度已经超过了我们的预期。';
  const traditional = '臺灣的民主政治發展與經濟成長，是這個時代最重要的問題之一。';
  const cases: Array<{ name: string; input: Uint8Array; options: Parameters<typeof decodeText>[1]; encoding: string; text: string; warns: RegExp | null }> = [
    { name: 'GBK bytes with no declaration at all (镕 is GBK-only)', input: bytes(simplified, 'gbk'), options: {}, encoding: 'gb18030', text: simplified, warns: /no charset declared/ },
    { name: 'Big5 bytes with no declaration', input: bytes(traditional, 'big5'), options: {}, encoding: 'big5', text: traditional, warns: /no charset declared/ },
    { name: 'Big5 bytes declared gb2312', input: bytes(traditional, 'big5'), options: { contentType: 'text/html; charset=gb2312' }, encoding: 'big5', text: traditional, warns: /gb2312.*big5/ },
    { name: 'Big5 bytes declared utf-8 in <meta>', input: concat(ascii('<meta charset="utf-8">'), bytes(traditional, 'big5')), options: { kind: 'html' }, encoding: 'big5', text: `<meta charset="utf-8">${traditional}`, warns: /html meta declares utf-8.*big5/ },
    { name: 'UTF-8 bytes declared big5', input: bytes(traditional, 'utf-8'), options: { contentType: 'text/xml; charset=big5' }, encoding: 'utf-8', text: traditional, warns: /big5.*valid UTF-8/ },
    { name: 'UTF-8 with a BOM: BOM stripped', input: concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes(simplified, 'utf-8')), options: {}, encoding: 'utf-8', text: simplified, warns: null },
    { name: 'BOM beats the XML declaration', input: concat(new Uint8Array([0xef, 0xbb, 0xbf]), ascii('<?xml version="1.0" encoding="gb2312"?>'), bytes('中文', 'utf-8')), options: { kind: 'xml' }, encoding: 'utf-8', text: '<?xml version="1.0" encoding="gb2312"?>中文', warns: null },
    { name: 'UTF-16LE with a BOM', input: concat(new Uint8Array([0xff, 0xfe]), bytes(simplified, 'utf-16le')), options: {}, encoding: 'utf-16le', text: simplified, warns: null },
    { name: 'HTTP charset beats the XML declaration (iso-8859-2 ą vs windows-1252 ±)', input: ascii('<?xml version="1.0" encoding="windows-1252"?><t>\xb1</t>'), options: { contentType: 'text/xml; charset=ISO-8859-2', kind: 'xml' }, encoding: 'iso-8859-2', text: '<?xml version="1.0" encoding="windows-1252"?><t>ą</t>', warns: null },
    { name: 'without HTTP charset the XML declaration counts', input: ascii('<?xml version="1.0" encoding="windows-1252"?><t>\xb1</t>'), options: { contentType: 'text/xml', kind: 'xml' }, encoding: 'windows-1252', text: '<?xml version="1.0" encoding="windows-1252"?><t>±</t>', warns: null },
    { name: 'HTTP header with quoted charset', input: bytes(simplified, 'gb18030'), options: { contentType: 'text/plain; charset="GBK"' }, encoding: 'gb18030', text: simplified, warns: null },
    { name: 'meta http-equiv', input: concat(ascii('<meta http-equiv="Content-Type" content="text/html; charset=big5">'), bytes(traditional, 'big5')), options: { kind: 'html' }, encoding: 'big5', text: `<meta http-equiv="Content-Type" content="text/html; charset=big5">${traditional}`, warns: null },
    { name: 'unknown label ignored with a warning, then sniffed', input: bytes(simplified, 'utf-8'), options: { contentType: 'text/xml; charset=klingon' }, encoding: 'utf-8', text: simplified, warns: /unknown charset "klingon"/ },
    { name: 'plain ASCII is utf-8', input: ascii('hello'), options: {}, encoding: 'utf-8', text: 'hello', warns: null },
    { name: 'Latin-1 French with no declaration falls back to windows-1252', input: ascii('caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise'), options: {}, encoding: 'windows-1252', text: 'café crème brûlée à la française', warns: /windows-1252/ },
    { name: 'Shift_JIS with no declaration', input: bytes('日本語のテキストです。これはテストのための文章です。', 'shift_jis'), options: {}, encoding: 'shift_jis', text: '日本語のテキストです。これはテストのための文章です。', warns: /no charset declared/ },
    { name: 'EUC-KR with no declaration', input: bytes('이것은 한국어 문장입니다. 대한민국의 수도는 서울이다.', 'euc-kr'), options: {}, encoding: 'euc-kr', text: '이것은 한국어 문장입니다. 대한민국의 수도는 서울이다.', warns: /no charset declared/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const decoded = decodeText(c.input, c.options);
      assert.equal(decoded.encoding, c.encoding);
      assert.equal(decoded.text, c.text);
      if (c.warns === null) assert.deepEqual(decoded.warnings, []);
      else assert.match(decoded.warnings.join('\n'), c.warns);
    });
  }

  test('invalid UTF-8 that is not CJK either keeps utf-8 with a warning', () => {
    const decoded = decodeText(new Uint8Array([0x61, 0xff, 0x62]), { contentType: 'text/plain; charset=utf-8' });
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.text, 'a\uFFFDb');
    assert.match(decoded.warnings.join('\n'), /invalid UTF-8/);
  });
});

describe('charset helpers', () => {
  const labels: Array<[string, string | null]> = [
    ['GB2312', 'gb18030'], ['gbk', 'gb18030'], ['x-gbk', 'gb18030'], ['cp936', 'gb18030'], ['GB18030', 'gb18030'],
    ['Big5', 'big5'], ['big5-hkscs', 'big5'], ['EUC-KR', 'euc-kr'], ['Shift_JIS', 'shift_jis'], ['windows-1251', 'windows-1251'],
    ['ISO-8859-1', 'windows-1252'], ['iso-8859-15', 'iso-8859-15'], ['UTF8', 'utf-8'], ['nonsense', null], ['', null],
  ];
  for (const [label, expected] of labels) test(`canonicalEncoding(${JSON.stringify(label)})`, () => assert.equal(canonicalEncoding(label), expected));

  const types: Array<[string | null, string | null]> = [
    ['text/xml; charset=gb2312', 'gb2312'], ['text/html;charset="Big5"', 'Big5'], ['application/rss+xml', null],
    [null, null], ['text/xml; CHARSET=utf-8; foo=bar', 'utf-8'], ['text/xml; charset=', null],
  ];
  for (const [type, expected] of types) test(`charsetFromContentType(${JSON.stringify(type)})`, () => assert.equal(charsetFromContentType(type), expected));

  test('declaredInDocument ignores <meta> inside an XML feed', () => {
    const feed = ascii('<?xml version="1.0"?><rss><![CDATA[<meta charset="big5">]]></rss>');
    assert.equal(declaredInDocument(feed, 'xml'), null);
    assert.equal(declaredInDocument(feed), null);
    assert.deepEqual(declaredInDocument(ascii('<html><meta charset=gbk>'), 'html'), { label: 'gbk', source: 'html meta' });
    assert.deepEqual(declaredInDocument(ascii("\n<?xml version='1.0' encoding='GB2312'?>"), 'xml'), { label: 'GB2312', source: 'xml declaration' });
  });
});

// Built samples (testdata/SOURCES.md): short RSS documents with no charset anywhere, encoded with iconv-lite.
describe('decodeText on undeclared legacy encodings beyond GB and Big5', () => {
  const cases = [
    { file: 'undeclared-euc-jp.xml', encoding: 'euc-jp', expect: '首相は本日、東京で記者会見を開き' },
    { file: 'undeclared-shift-jis.xml', encoding: 'shift_jis', expect: '中国軍は台湾周辺の海域で' },
    { file: 'undeclared-euc-kr.xml', encoding: 'euc-kr', expect: '대통령은 오늘 서울에서 기자회견을 열고' },
    { file: 'undeclared-koi8-r.xml', encoding: 'koi8-r', expect: 'Премьер-министр сегодня провёл пресс-конференцию' },
    { file: 'undeclared-windows-1255.xml', encoding: 'windows-1255', expect: 'ראש הממשלה קיים היום מסיבת עיתונאים' },
    { file: 'undeclared-tis-620.xml', encoding: 'windows-874', expect: 'นายกรัฐมนตรีได้จัดงานแถลงข่าวที่กรุงเทพมหานคร' },
  ];
  for (const { file, encoding, expect } of cases) {
    test(file, () => {
      const decoded = decodeText(testdata(file), { kind: 'xml' });
      assert.equal(decoded.encoding, encoding);
      assert.ok(decoded.text.includes(expect), decoded.text.slice(0, 300));
      assert.match(decoded.warnings.join('\n'), /no charset declared; the bytes read as/);
    });
  }

  test('an undeclared feed served as text/xml with no charset is still detected', () => {
    const decoded = decodeText(testdata('undeclared-euc-kr.xml'), { contentType: 'text/xml', kind: 'xml' });
    assert.equal(decoded.encoding, 'euc-kr');
  });
});

describe('windows-1252: bytes 0x80–0x9F are the characters WHATWG maps them to', () => {
  const expected = '“La crisé” – l’euro à 1€';
  const cases: Array<{ name: string; contentType: string | null }> = [
    { name: 'declared iso-8859-1 in the XML declaration', contentType: null },
    { name: 'declared windows-1252 over HTTP', contentType: 'text/xml; charset=windows-1252' },
    { name: 'declared us-ascii over HTTP', contentType: 'text/xml; charset=us-ascii' },
    { name: "declared with a single-quoted charset='ISO-8859-1'", contentType: "text/xml; charset='ISO-8859-1'" },
  ];
  for (const { name, contentType } of cases) {
    test(name, () => {
      const decoded = decodeText(testdata('declared-iso-8859-1-cp1252-bytes.xml'), { contentType, kind: 'xml' });
      assert.equal(decoded.encoding, 'windows-1252');
      assert.ok(decoded.text.includes(expected), decoded.text);
      assert.ok(decoded.text.includes('“nous ne céderons pas” — et a promis 2\u00a0000\u00a0€…'));
      assert.ok(!/[\x80-\x9f]/.test(decoded.text.replace(/[\x81\x8d\x8f\x90\x9d]/g, '')), 'no C1 controls');
    });
  }

  test('every byte 0x80–0x9F matches iconv-lite, and the five undefined ones stay C1 code points', () => {
    const high = new Uint8Array(32).map((_, i) => 0x80 + i);
    const ours = decodeText(high, { contentType: 'text/plain; charset=windows-1252' }).text;
    const reference = iconv.decode(Buffer.from(high), 'windows-1252');
    assert.equal(ours.length, 32);
    for (let i = 0; i < 32; i++) {
      const byte = 0x80 + i;
      if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)) assert.equal(ours.charCodeAt(i), byte);
      else assert.equal(ours[i], reference[i], `byte 0x${byte.toString(16)}`);
    }
  });
});

describe('quoted charset parameters', () => {
  const cases: Array<[string, string | null]> = [
    ["text/xml; charset='gb2312'", 'gb2312'],
    ['text/xml; charset="gb2312"', 'gb2312'],
    ["text/xml;charset='Big5';q=1", 'Big5'],
    ['text/xml; charset="gbk', 'gbk'],
    ["text/xml; charset=''", null],
  ];
  for (const [type, expected] of cases) test(`charsetFromContentType(${JSON.stringify(type)})`, () => assert.equal(charsetFromContentType(type), expected));

  test("a GB feed served with charset='gb2312' is read as GB, without a warning", () => {
    const decoded = decodeText(testdata('kc0011-forum-2020-rss2-gb2312.xml'), { contentType: "text/xml; charset='gb2312'" });
    assert.equal(decoded.encoding, 'gb18030');
    assert.deepEqual(decoded.warnings, []);
    assert.ok(decoded.text.includes('投资资讯网交易在线'));
  });
});

describe('encodings this Node cannot decode', () => {
  // A Node built with small ICU lacks most legacy decoders; iconv-lite, loaded only then, stands in for them.
  // cp437 is such a label on every Node: TextDecoder refuses it, iconv-lite knows it.
  test('a chunk decoder for a label TextDecoder refuses comes from iconv-lite, and keeps a character cut between chunks', () => {
    assert.throws(() => new TextDecoder('cp437'), RangeError);
    const bytes = iconv.encode('Ça coûte 5½ £', 'cp437');
    const decoder = createChunkDecoder('cp437');
    assert.equal(decoder.write(bytes.subarray(0, 4)) + decoder.write(bytes.subarray(4)) + decoder.end(), 'Ça coûte 5½ £');
  });

  test('a label neither knows is a RangeError that names it', () => {
    assert.throws(() => createChunkDecoder('x-no-such-charset'), /no decoder for x-no-such-charset/);
  });
});
