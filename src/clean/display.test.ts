import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanDisplay } from './index.ts';

const base = { baseUrl: 'https://www.rfa.org/mandarin/news/a.html' };

// [name, input, options, expected]
const CASES: [string, string, Parameters<typeof cleanDisplay>[1], string][] = [
  ['paragraphs and emphasis stay', '<p>a <strong>b</strong> <em>c</em></p>', {}, '<p>a <strong>b</strong> <em>c</em></p>'],
  ['class, id and style go', '<div class="x" id="y" style="color:red">t</div>', {}, '<div>t</div>'],
  ['event handlers go', '<p onclick="x()">t</p>', {}, '<p>t</p>'],
  ['script goes with its content', 'a<script>alert(1)</script>b', {}, 'ab'],
  ['unknown tags go, text stays', '<custom-el>t</custom-el>', {}, 't'],
  ['external links open in a new tab without opener', '<a href="https://x.org/p" target="_self" rel="opener">t</a>', {},
    '<a href="https://x.org/p" rel="noopener noreferrer" target="_blank">t</a>'],
  ['mailto links stay, no target', '<a href="mailto:a@b.org">m</a>', {}, '<a href="mailto:a@b.org">m</a>'],
  ['javascript: links lose href', '<a href="javascript:alert(1)">t</a>', {}, '<a>t</a>'],
  ['relative links resolve against baseUrl', '<a href="../b.html">t</a>', base,
    '<a href="https://www.rfa.org/mandarin/b.html" rel="noopener noreferrer" target="_blank">t</a>'],
  ['relative images resolve against baseUrl', '<img src="/++plone++x/a.jpg" alt="a">', base,
    '<img src="https://www.rfa.org/++plone++x/a.jpg" alt="a" />'],
  ['images need http(s)', '<img src="data:image/png;base64,AAAA"><img src="ftp://x/a.png">', {}, ''],
  ['lazy images use their real source', '<img src="data:image/svg+xml,%3Csvg%3E" data-lazy-src="https://x.org/a.png" alt="i">', {},
    '<img src="https://x.org/a.png" alt="i" />'],
  ['youtube iframes stay, sandboxed', '<iframe src="https://www.youtube.com/embed/abc" width="560" onload="x()"></iframe>', {},
    '<iframe src="https://www.youtube.com/embed/abc" width="560" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>'],
  ['iframes from other hosts go', '<iframe src="https://bbc.com/ws/av-embeds/x"></iframe>ok', {}, 'ok'],
  ['http iframes go', '<iframe src="http://www.youtube.com/embed/abc"></iframe>ok', {}, 'ok'],
  ['allowIframeHosts replaces the default', '<iframe src="https://bbc.com/e"></iframe>', { allowIframeHosts: ['bbc.com'] },
    '<iframe src="https://bbc.com/e" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>'],
  // The rows get the <tbody> every browser's tree builder gives them (the display cleaner reads markup as a tree).
  ['table cells keep spans', '<table><tr><td colspan="2" style="x">a</td></tr></table>', {}, '<table><tbody><tr><td colspan="2">a</td></tr></tbody></table>'],
  ['mis-nested cells come out as the browser nests them', '<table><tr><td>a<custom-el><td>b</table>', {},
    '<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>'],
  ['time keeps datetime', '<time datetime="2025-02-14" pudate="x">d</time>', {}, '<time datetime="2025-02-14">d</time>'],
  ['video keeps http(s) src only', '<video src="javascript:x" controls poster="https://x.org/p.jpg"></video>', {},
    '<video controls poster="https://x.org/p.jpg"></video>'],
  ['noscript content goes', '<noscript><img src="https://x.org/a.png"></noscript>t', {}, 't'],
];

describe('cleanDisplay', () => {
  for (const [name, input, opts, expected] of CASES) test(name, () => assert.equal(cleanDisplay(input, opts), expected));
});
