import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachTag, HtmlEditor, HtmlTokens } from './html-editor.ts';
import type { TagToken, Token } from './html-editor.ts';

const kinds = (html: string, cdata = false): string[] => {
  const tokens = new HtmlTokens(html);
  const out: string[] = [];
  for (let t: Token | null = tokens.next(cdata); t !== null; t = tokens.next(cdata)) {
    out.push(`${t.kind}${t.terminated ? '' : '!'} ${html.slice(t.start, t.end)}`);
  }
  return out;
};

test('tokens cover the source end to end, each with its exact slice', () => {
  const cases: [html: string, cdata: boolean, tokens: string[]][] = [
    ['a<b>c</b>', false, ['text a', 'startTag <b>', 'text c', 'endTag </b>']],
    ['x</>y&amp;', false, ['text x</>y&amp;']],
    ['<!---->', false, ['comment <!---->']],
    ['<!-- open', false, ['comment! <!-- open']],
    ['<?php x ?>', false, ['bogusComment <?php x ?>']],
    ['<!DOCTYPE html>t', false, ['doctype <!DOCTYPE html>', 'text t']],
    ['<img src=x onerror=y', false, ['startTag! <img src=x onerror=y']],
    ['<svg><![CDATA[<b>]]></svg>', true, ['startTag <svg>', 'cdata <![CDATA[<b>]]>', 'endTag </svg>']],
    ['<svg><![CDATA[<b>]]></svg>', false, ['startTag <svg>', 'bogusComment <![CDATA[<b>', 'text ]]>', 'endTag </svg>']],
    ['a\r\n<p\r\nclass=x>😀', false, ['text a\r\n', 'startTag <p\r\nclass=x>', 'text 😀']],
  ];
  for (const [html, cdata, tokens] of cases) assert.deepEqual(kinds(html, cdata), tokens, html);
});

test('every attribute is reported, duplicates too, with its raw value and offsets', () => {
  const html = `<a HREF="x&amp;y" href='z' bare c=d e= >`;
  const tag = new HtmlTokens(html).next() as TagToken;
  assert.deepEqual(
    tag.attrs.map((a) => [a.name, a.rawValue, a.quote, html.slice(a.start, a.end)]),
    [['href', 'x&amp;y', '"', 'HREF="x&amp;y"'], ['href', 'z', "'", "href='z'"], ['bare', '', null, 'bare'], ['c', 'd', '', 'c=d'], ['e', '', '', 'e= ']],
  );
});

test('the caller chooses the content model after a start tag', () => {
  const html = '<script><!--<script></script>x</script><p>';
  const tokens = new HtmlTokens(html);
  tokens.next();
  const end = tokens.content('script', 'script');
  assert.equal(html.slice(end), '</script><p>');
  assert.equal(tokens.next()?.start, end);
});

test('edits replace what they name and copy every other byte', () => {
  const html = `<img  SRC='a.jpg' srcset="b.jpg 2x"\tonerror=x alt=&quot;>t`;
  const tag = new HtmlTokens(html).next() as TagToken;
  const [src, srcset, onerror, alt] = tag.attrs;
  const edit = new HtmlEditor(html);
  edit.dropAttributes(tag, [onerror!]);
  edit.setAttributeValue(src!, "it's&");
  edit.setAttributeValue(alt!, 'say "hi"');
  edit.removeAttribute(srcset!);
  assert.equal(edit.result(), `<img  SRC='it&#39;s&amp;'\talt="say &quot;hi&quot;">t`);
  assert.equal(new HtmlEditor(html).result(), html);
});

test('eachTag reads script and style content as text', () => {
  const names: string[] = [];
  eachTag('<style><img></style><script>"<b>"</script><noscript><img></noscript>', (t) => names.push(`${t.kind} ${t.name}`));
  assert.deepEqual(names, ['startTag style', 'endTag style', 'startTag script', 'endTag script', 'startTag noscript', 'startTag img', 'endTag noscript']);
});
