import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PAGE_CASES, readTestdata as read } from './article-pages.ts';
import { extractArticle } from './extract.ts';
import { measure, squash } from './quality.ts';
import { emptyStyleElements } from './stylesheets.ts';
import type { Quality } from './quality.ts';
import { selectorsFor } from './selectors.ts';


const table: { name: string; quality: Quality }[] = [];

describe('extractArticle on article pages', () => {
  for (const c of PAGE_CASES) {
    test(c.name, () => {
      const html = read(`${c.name}.html`);
      const expected = read(`${c.name}.expected.txt`);
      const selectors = c.selectors ?? (c.source === null ? undefined : selectorsFor(c.source));
      if (c.source !== null) assert.ok(selectors, `no selector entry for ${c.source}`);
      const got = extractArticle(html, { url: c.url, selectors });
      assert.deepEqual(got.warnings, []);
      assert.ok(got.title !== null && got.title.length > 0);

      const text = squash(got.text);
      for (const paragraph of expected.split('\n').filter((l) => l.trim() !== '')) {
        assert.ok(text.includes(squash(paragraph)), `${c.name}: missing paragraph «${paragraph.slice(0, 40)}…»`);
      }
      const page = squash(html);
      for (const junk of c.boilerplate) {
        assert.ok(page.includes(squash(junk)), `${c.name}: «${junk}» is not on the page, so the check proves nothing`);
        assert.ok(!text.includes(squash(junk)), `${c.name}: boilerplate «${junk}» came through`);
      }
      for (const src of c.images) {
        const escaped = src.replaceAll('&', '&amp;');
        assert.ok(got.content.includes(`src="${escaped}"`), `${c.name}: image ${src} not shown`);
      }
      assert.doesNotMatch(got.content, /[?&;](?:utm_[a-z]+|fbclid|gclid|at_medium|mc_cid|ocid|cmpid|spm)=/);
      assert.doesNotMatch(got.content, /<(?:script|style|noscript|form|button)\b/i);
      assert.doesNotMatch(got.content, /\b(?:href|src)="(?!https?:|#|mailto:)/);

      const quality = measure(expected, got.text);
      table.push({ name: c.name, quality });
      assert.ok(quality.recall >= 0.9, `${c.name}: recall ${quality.recall.toFixed(3)} < 0.9`);
      assert.ok(quality.precision >= 0.8, `${c.name}: precision ${quality.precision.toFixed(3)} < 0.8`);
    });
  }

  after(() => {
    // Bag-of-units precision/recall (see quality.ts). quality.bench.ts compares with Readability alone.
    const lines = ['page                                          units  precision  recall'];
    for (const { name, quality: q } of table.sort((a, b) => a.name.localeCompare(b.name))) {
      lines.push(`${name.padEnd(44)} ${String(q.expectedUnits).padStart(6)}  ${q.precision.toFixed(3).padStart(9)}  ${q.recall.toFixed(3).padStart(6)}`);
    }
    console.log(lines.join('\n'));
  });
});

describe('extractArticle details', () => {
  test('keep selectors replace Readability, drop selectors remove, bad selectors warn', () => {
    const html = `<html lang="en"><head><title>T</title></head><body><nav>Menu Home</nav>
      <div class="lede">Lede paragraph here.</div><div class="ad">Buy now</div>
      <article><p>${'Body sentence. '.repeat(40)}</p><div class="ad">Buy more</div></article></body></html>`;
    const got = extractArticle(html, {
      url: 'https://example.org/x',
      selectors: { keep: ['.lede', 'article', '[[bad'], drop: ['.ad', '!!'] },
    });
    assert.match(got.text, /^Lede paragraph here\.\nBody sentence\./);
    assert.doesNotMatch(got.text, /Buy|Menu/);
    assert.equal(got.warnings.length, 2);
    assert.match(got.warnings[0]!, /^extract: ignoring invalid drop selector "!!"/);
    assert.equal(got.lang, 'en');
  });

  test('a keep selector that matches nothing falls back to Readability with a warning', () => {
    const html = `<html><body><article><p>${'Words of the article. '.repeat(30)}</p></article></body></html>`;
    const got = extractArticle(html, { url: 'https://example.org/x', selectors: { keep: ['.gone'] } });
    assert.match(got.text, /Words of the article/);
    assert.deepEqual(got.warnings, ['extract: no keep selector matched on https://example.org/x; using Readability']);
  });

  test('lazy images, relative URLs and tracking parameters', () => {
    const html = `<html><head><base href="https://cdn.example.org/news/"></head><body><article>
      <p>${'这是一篇文章的正文。'.repeat(30)}</p>
      <figure><img src="data:image/gif;base64,R0lGOD" data-src="img/a.jpg"><figcaption>图一说明</figcaption></figure><img data-original="e.png" src="">
      <figure><img src="/s/blank.gif" data-srcset="b-320.jpg 320w, b-1280.jpg 1280w, b-640.jpg 640w"><figcaption>图二</figcaption></figure>
      <figure><div class="lazyload-placeholder"></div><noscript><img src="c.jpg" alt="c"></noscript><figcaption>图三</figcaption></figure>
      <div class="js-delayed-image-load" data-src="https://ichef.bbci.co.uk/news/{width}/d.jpg" data-width="976" data-height="549" data-alt="丁"></div>
      <p>见<a href="../more.html?id=7&amp;utm_source=rss&amp;utm_medium=feed#top">更多</a>与<a href="javascript:void(0)">脚本</a>，<img src="x.gif" width="1" height="1"></p>
      <p>${'第二段文字，继续叙述。'.repeat(20)}</p></article></body></html>`;
    const got = extractArticle(html, { url: 'https://www.example.org/a/b.html' });
    assert.match(got.content, /src="https:\/\/cdn\.example\.org\/news\/img\/a\.jpg"/);
    assert.match(got.content, /src="https:\/\/cdn\.example\.org\/news\/b-1280\.jpg"/);
    assert.match(got.content, /srcset="https:\/\/cdn\.example\.org\/news\/b-320\.jpg 320w, /);
    assert.match(got.content, /src="https:\/\/cdn\.example\.org\/news\/c\.jpg"/);
    assert.match(got.content, /src="https:\/\/ichef\.bbci\.co\.uk\/news\/976\/d\.jpg"/);
    assert.match(got.content, /src="https:\/\/cdn\.example\.org\/news\/e\.png"/);
    assert.match(got.content, /href="https:\/\/cdn\.example\.org\/more\.html\?id=7#top"/);
    assert.doesNotMatch(got.content, /javascript:|x\.gif|data:image|lazyload-placeholder/);
    assert.match(got.text, /图一说明/);
    assert.match(got.text, /与脚本，/);
  });

  test('page scripts never run', () => {
    const html = `<html><body><article><p>${'Quiet text. '.repeat(40)}</p>
      <script>document.querySelector('p').textContent = 'SCRIPT RAN';</script>
      <img src="x.jpg" onerror="document.body.innerHTML='SCRIPT RAN'"></article></body></html>`;
    const got = extractArticle(html, { url: 'https://example.org/' });
    assert.doesNotMatch(got.text, /SCRIPT RAN/);
    assert.match(got.text, /Quiet text/);
  });

  test('CJK text joins inline elements split by source indentation, Latin text keeps its spaces', () => {
    const html = `<html><body><article><p>
      <span>共有</span>
      <span>383</span>
      <span>对新人</span></p><p>${'An English sentence with words. '.repeat(30)}</p></article></body></html>`;
    const got = extractArticle(html, { url: 'https://example.org/' });
    assert.match(got.text, /^共有383对新人$/m);
    assert.match(got.text, /An English sentence with words\. An English/);
  });
});

describe('emptyStyleElements', () => {
  const cases: [string, string][] = [
    ['<style>p{color:red}</style><p>x</p>', '<style></style><p>x</p>'],
    ['<STYLE media="all">a{}</STYLE><style></style>', '<STYLE media="all"></STYLE><style></style>'],
    ['<!-- <style> -->p{}<p>a</p>', '<!-- <style> -->p{}<p>a</p>'],
    ['<script>var s = "<style>x</style>";</script>', '<script>var s = "<style>x</style>";</script>'],
    ['<svg><style>.a{}</style></svg><p>b</p>', '<svg><style></style></svg><p>b</p>'],
  ];
  for (const [input, want] of cases) test(JSON.stringify(input), () => assert.equal(emptyStyleElements(input), want));
});
