import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fingerprint, NORMALISATIONS, normalizeForFingerprint, sha256 } from './fingerprint.ts';
import { stripRotatingFooters } from './footers.ts';
import { canonicalUrl } from './urls.ts';

const body = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8').split('\n')[4]!;

type Case = [name: string, a: string, b: string];

// Each normalisation: pairs that must fingerprint the same, and pairs that must not (real edits).
const same: Record<string, Case[]> = {
  'rotating-footer': [
    [
      'feedx second host rotates',
      '<p>正文</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a> <br><a href="https://feedx.xyz">https://feedx.xyz</a><br></div>',
      '<p>正文</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a> <br><a href="https://feedx.site">https://feedx.site</a><br></div>',
    ],
    [
      'feedx.best (2023) and a host not seen yet are the same footer',
      '<p>正文</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a> <br><a href="https://feedx.best">https://feedx.best</a><br></div>',
      '<p>正文</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a> <br><a href="https://feedx.example-next.org">https://feedx.example-next.org</a><br></div>',
    ],
    ['footer dropped altogether', '<p>正文</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">x</a></div>\n', '<p>正文</p>'],
  ],
  urls: [
    ['utm_* parameters', '<a href="https://a.example/x?id=1&amp;utm_source=rss&amp;utm_medium=feed">x</a>', '<a href="https://a.example/x?id=1">x</a>'],
    ['fbclid', '<a href="https://a.example/x?fbclid=abc">x</a>', '<a href="https://a.example/x">x</a>'],
    ['http becomes https', '<img src="http://static.dw.com/a.jpg">', '<img src="https://static.dw.com/a.jpg">'],
    ['quoting style', "<img src='https://a.example/a.jpg'>", '<img src=https://a.example/a.jpg>'],
    ['weserv host without scheme in url=', '<img src="https://images.weserv.nl?url=gdb.voanews.com/a.jpg">', '<img src="https://gdb.voanews.com/a.jpg">'],
    ['weserv renamed to wsrv.nl', '<img src="https://images.weserv.nl/?url=static.dw.com/a.jpg">', '<img src="https://wsrv.nl/?url=https%3A%2F%2Fstatic.dw.com%2Fa.jpg&w=900">'],
    ['weserv ssl: prefix', '<img src="https://images.weserv.nl/?url=ssl:static.dw.com/a.jpg">', '<img src="https://static.dw.com/a.jpg">'],
    ['Photon path proxy', '<img src="https://i0.wp.com/chinadigitaltimes.net/a.jpg?w=600&ssl=1">', '<img src="https://i2.wp.com/chinadigitaltimes.net/a.jpg">'],
    ['srcset candidates', '<img srcset="https://wsrv.nl/?url=a.example/1.jpg 1x, http://a.example/2.jpg 2x">', '<img srcset="https://a.example/1.jpg 1x, https://a.example/2.jpg 2x">'],
    ['lazy data-src', '<img data-lazy-src="https://i1.wp.com/a.example/1.jpg">', '<img data-lazy-src="https://a.example/1.jpg">'],
  ],
  unicode: [['decomposed à equals precomposed', '<p>Church, a\u0300 Old Fangak</p>', '<p>Church, \u00e0 Old Fangak</p>']],
  whitespace: [
    ['runs of spaces and newlines', '<p>第一段  文字\n</p>', '<p>第一段 文字</p>'],
    ['&nbsp; and U+00A0 and U+3000', '<p>甲&nbsp;乙\u00a0丙\u3000丁</p>', '<p>甲 乙 丙 丁</p>'],
    ['whitespace between tags', '<div>\n  <p>x</p>\n</div>', '<div><p>x</p></div>'],
    ['a line break between Chinese characters', '<p>数小时\n后获释，</p>', '<p>数小时后获释，</p>'],
    ['a space after Chinese punctuation', '<p>获释， 数小时</p>', '<p>获释，数小时</p>'],
  ],
};

const different: Record<string, Case[]> = {
  'rotating-footer': [
    ['a footer-like text inside the article stays', '<div>获取更多RSS：见下</div><p>正文</p>', '<p>正文</p>'],
  ],
  urls: [
    ['a content parameter is kept', '<a href="https://a.example/x?id=1">x</a>', '<a href="https://a.example/x?id=2">x</a>'],
    ['a different image', '<img src="https://wsrv.nl/?url=a.example/1.jpg">', '<img src="https://a.example/2.jpg">'],
    ['a different host', '<img src="https://a.example/1.jpg">', '<img src="https://b.example/1.jpg">'],
    ['a URL in text is text', '<p>https://a.example/?utm_source=x</p>', '<p>https://a.example/</p>'],
  ],
  unicode: [['a different letter', '<p>a</p>', '<p>à</p>']],
  whitespace: [
    ['a space between words is not removed', '<p>Old Fangak</p>', '<p>OldFangak</p>'],
    ['a space between Chinese and Latin is kept', '<p>记者 Alec</p>', '<p>记者Alec</p>'],
    ['a changed character', '<p>死亡三人</p>', '<p>死亡五人</p>'],
  ],
};

describe('fingerprint normalisations', () => {
  test('every normalisation has cases on both sides', () => {
    for (const step of NORMALISATIONS) {
      assert.ok((same[step.name] ?? []).length > 0, `${step.name} has no "same" cases`);
      assert.ok((different[step.name] ?? []).length > 0, `${step.name} has no "different" cases`);
    }
  });

  for (const step of NORMALISATIONS) {
    for (const [name, a, b] of same[step.name] ?? []) {
      test(`${step.name}: ${name} → same`, () => {
        assert.notEqual(a, b);
        assert.equal(fingerprint(a), fingerprint(b), `${normalizeForFingerprint(a)}\n${normalizeForFingerprint(b)}`);
        // Without this normalisation the pair would differ: each case tests the step it is filed under.
        const without = (html: string) => NORMALISATIONS.filter((s) => s !== step).reduce((h, s) => s.apply(h, {}), html);
        assert.notEqual(without(a), without(b));
      });
    }
    for (const [name, a, b] of different[step.name] ?? []) {
      test(`${step.name}: ${name} → different`, () => assert.notEqual(fingerprint(a), fingerprint(b)));
    }
  }

  test('sha256 keeps exact bytes where the fingerprint forgives', () => {
    assert.notEqual(sha256('<p>a  b</p>'), sha256('<p>a b</p>'));
    assert.equal(sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('a configured proxy template is unwrapped', () => {
    const template = 'https://proxy.example/img?u={url}&w=800';
    const proxied = `<img src="https://proxy.example/img?u=${encodeURIComponent('https://a.example/1.jpg')}&amp;w=800">`;
    assert.notEqual(fingerprint(proxied), fingerprint('<img src="https://a.example/1.jpg">'));
    assert.equal(fingerprint(proxied, { proxyTemplates: [template] }), fingerprint('<img src="https://a.example/1.jpg">'));
    assert.equal(canonicalUrl('https://raw.example/p/a.example/1.jpg', { proxyTemplates: ['https://raw.example/p/{rawurl}'] }), 'a.example/1.jpg');
  });
});

describe('fingerprint on real archive files', () => {
  test('DW with its feedx footer: rotated host, or no footer, is the same article', () => {
    const dw = body('dw-1022766.md');
    assert.match(dw, /feedx\.site/);
    assert.equal(fingerprint(dw.replace(/feedx\.site/g, 'feedx.xyz')), fingerprint(dw));
    const stripped = stripRotatingFooters(dw);
    assert.ok(stripped.endsWith('议案是关于收紧难民政策。</div>'), stripped.slice(-80));
    assert.equal(fingerprint(stripped), fingerprint(dw));
    assert.notEqual(fingerprint(dw.replace('议案最终未获通过', '议案最终获得通过')), fingerprint(dw));
  });

  test('BBC (feedx.xyz era) footer is recognised too', () => {
    const bbc = body('bbc-1047462.md');
    const stripped = stripRotatingFooters(bbc);
    assert.ok(stripped.endsWith('</main>'), stripped.slice(-40));
  });

  test('VOA images: weserv, wsrv.nl and the direct URL are the same article', () => {
    const voa = body('voa-1008880.md');
    assert.match(voa, /images\.weserv\.nl\?url=gdb\.voanews\.com/);
    const direct = voa.replace(/https:\/\/images\.weserv\.nl\?url=/g, 'https://');
    const wsrv = voa.replace(/images\.weserv\.nl\?url=/g, 'wsrv.nl/?url=');
    assert.notEqual(direct, voa);
    assert.equal(fingerprint(direct), fingerprint(voa));
    assert.equal(fingerprint(wsrv), fingerprint(voa));
  });
});
