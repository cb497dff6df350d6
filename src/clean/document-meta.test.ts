// Archival HTML carries no element that changes how the rest of the document is decoded or where it points
// (testdata/document-meta/README.md says how each sample is built). Chromium opens the same files in
// test/document-meta-browser.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { cleanArchival } from './index.ts';
import { prescanDocumentMetas } from './archival/prescan.ts';

const sample = (name: string): string =>
  readFileSync(new URL(`./testdata/document-meta/${name}.html`, import.meta.url), 'utf8');

const PAYLOAD = '<img src="x.png" alt="$B"(B title=" onerror=__xss(1)//">';
const T = '<p>正文</p>';
const ESC = 'ESC character';

// [file, expected html, expected removals]
const CASES: [string, string, string[]][] = [
  ['base-href', `${T}<img src="x.png">`, ['base']],
  ['base-in-svg', `<svg></svg>${T}<img src="x.png">`, ['base']],
  ['content-without-pragma', T + PAYLOAD, [ESC, 'meta content with a charset']],
  ['csiso2022jp-upper-case', T + PAYLOAD, [ESC, 'meta charset']],
  ['entity-in-charset-value', T + PAYLOAD, [ESC, 'meta charset']],
  ['escape-sequences-without-meta', T + PAYLOAD, [ESC]],
  ['http-equiv-content-type', T + PAYLOAD, [ESC, 'meta http-equiv']],
  ['http-equiv-entity-in-value', T + PAYLOAD, [ESC, 'meta http-equiv']],
  ['iso-2022-jp-2-label', T + PAYLOAD, [ESC, 'meta charset']],
  ['iso-2022-jp-meta-charset', T + PAYLOAD, [ESC, 'meta charset']],
  ['meta-content-security-policy', `${T}<img src="x.png">`, ['meta http-equiv']],
  ['meta-in-math', `<math><mi></mi></math>${T}${PAYLOAD}`, [ESC, 'meta charset']],
  ['meta-in-noscript', `<noscript></noscript>${T}${PAYLOAD}`, [ESC, 'markup hidden in <noscript>']],
  ['meta-in-svg', `<svg></svg>${T}${PAYLOAD}`, [ESC, 'meta charset']],
  ['meta-in-template', `<template></template>${T}${PAYLOAD}`, [ESC, 'meta charset']],
  ['meta-in-title', `<title></title>${T}${PAYLOAD}`, [ESC, 'markup hidden in <title>']],
  ['meta-refresh', T, ['meta http-equiv']],
  ['meta-set-cookie', T, ['meta http-equiv']],
  [
    'prescan-only-meta',
    `<!-- x --!><p title="-->&lt;meta charset=iso-2022-jp>">${T}</p>${PAYLOAD}`,
    [ESC, 'meta hidden from the tokenizer (read by the encoding prescan)'],
  ],
  ['slash-and-whitespace', T + PAYLOAD, [ESC, 'meta charset']],
  ['xml-base-in-svg', `<svg><a href="x"><text>t</text></a></svg>${T}`, ['xml:base attribute on svg']],
];

describe('cleanArchival: nothing that changes decoding or where links point', () => {
  for (const [name, html, removed] of CASES) {
    test(name, () => {
      const result = cleanArchival(sample(name));
      assert.deepEqual(result, { html, removed });
      assert.deepEqual(prescanDocumentMetas(result.html), [], 'the encoding prescan finds no meta either');
      assert.deepEqual(cleanArchival(result.html), { html, removed: [] }, 'stable');
    });
  }

  test('every sample in testdata has a case', () => {
    const files = readFileSync(new URL('./testdata/document-meta/README.md', import.meta.url), 'utf8');
    for (const [name] of CASES) assert.ok(files.includes(name), `${name} is described in the README`);
  });

  test('an inert meta (microdata) keeps its bytes', () => {
    const html = '<span itemscope><meta itemprop="datePublished" content="2024-01-02"></span>';
    assert.deepEqual(cleanArchival(html), { html, removed: [] });
  });
});

describe('prescanDocumentMetas (HTML §13.2.3.2)', () => {
  const cases: [string, string, number[]][] = [
    ['a plain meta charset', 'a<meta charset=x>', [1]],
    ['an inert meta', '<meta name=x content=y>', []],
    ['inside a comment', '<!-- <meta charset=x> -->', []],
    ['<!--> ends a comment for the prescan too', '<!--><meta charset=x>', [5]],
    ['--!> does not', '<!-- --!><meta charset=x> -->', []],
    ['inside a quoted attribute value', '<p title="<meta charset=x>">', []],
    ['inside raw text the prescan reads markup', '<style><meta charset=x></style>', [7]],
    ['meta must be followed by a space or slash', '<metax charset=y>', []],
    ['slash separator', '<meta/charset=y>', [0]],
  ];
  for (const [name, html, offsets] of cases) test(name, () => assert.deepEqual(prescanDocumentMetas(html), offsets));
});
