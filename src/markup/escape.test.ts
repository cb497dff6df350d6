import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, escapeText } from './escape.ts';

test('the five characters that end text or an attribute become entities', () => {
  assert.equal(escapeHtml(`"><script>alert('x')</script>&`), '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
});

test('XML text: characters XML forbids are dropped, others kept', () => {
  const cases: [input: string, output: string][] = [
    ['a\u0000b\u0008c\u000bd\u001fe', 'abcde'],
    ['tab\tnew\nline\r', 'tab\tnew\nline\r'],
    ['lone \ud800 high, lone \udc00 low, pair \ud83d\ude00', 'lone  high, lone  low, pair \ud83d\ude00'],
    ['\ufffe\uffff中文', '中文'],
    ['<a & "b">', '&lt;a &amp; &quot;b&quot;&gt;'],
  ];
  for (const [input, output] of cases) assert.equal(escapeText(input), output);
});
