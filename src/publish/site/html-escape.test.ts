import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, html, raw } from './html-escape.ts';

test('interpolated strings are escaped; SafeHtml and arrays are not double-escaped', () => {
  const title = `<script>alert("x")</script> & 'q'`;
  const out = html`<a href="${'a.html?x=1&y="2"'}" title="${title}">${title}</a>${[html`<b>${'<i>'}</b>`, raw('<br>')]}${null}${false}`;
  assert.equal(
    out.value,
    '<a href="a.html?x=1&amp;y=&quot;2&quot;" title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</a><b>&lt;i&gt;</b><br>',
  );
});

test('characters XML forbids are dropped, others kept', () => {
  const cases: [input: string, output: string][] = [
    ['a\u0000b\u0008c\u000bd\u001fe', 'abcde'],
    ['tab\tnew\nline\r', 'tab\tnew\nline\r'],
    ['lone \ud800 high, lone \udc00 low, pair \ud83d\ude00', 'lone  high, lone  low, pair \ud83d\ude00'],
    ['\ufffe\uffff中文', '中文'],
  ];
  for (const [input, output] of cases) assert.equal(escapeText(input), output);
});
