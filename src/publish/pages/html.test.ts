import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, raw } from './html.ts';

test('interpolated strings are escaped; templates, raw markup and arrays are not escaped twice', () => {
  const title = `<script>alert("x")</script> & 'q'`;
  const out = html`<a href="${'a.html?x=1&y="2"'}" title="${title}">${title}</a>${[html`<b>${'<i>'}</b>`, raw('<br>'), 1]}${null}${false}${undefined}`;
  assert.equal(
    String(out),
    '<a href="a.html?x=1&amp;y=&quot;2&quot;" title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</a><b>&lt;i&gt;</b><br>1',
  );
});

test('nested arrays flatten; markup inside a plain string is text', () => {
  assert.equal(String(html`<p>${[['<', html`<br>`], [[raw('<mark>x</mark>')]]]}</p>`), '<p>&lt;<br><mark>x</mark></p>');
});
