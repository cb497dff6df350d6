import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanArchival, toOneLine } from './index.ts';

// [name, input, expected html, expected removals]
const CASES: [string, string, string, string[]][] = [
  ['safe markup is untouched', '<p class=x>a<br />b &amp; c</p>', '<p class=x>a<br />b &amp; c</p>', []],
  ['attribute quoting, order and case are kept', `<IMG Alt='a' SRC="b.png" width=3>`, `<IMG Alt='a' SRC="b.png" width=3>`, []],
  ['script with content', 'a<script>x()</script>b', 'ab', ['script']],
  ['unclosed script runs to the end', 'a<script>x()', 'a', ['script']],
  ['script end tag with a space', 'a<script>x()</script >b', 'ab', ['script']],
  ['double-escaped script ends at the second end tag', '<script><!--<script></script>x</script>b', 'b', ['script']],
  ['event handler, last attribute', '<img src=x onerror=alert(1)>', '<img src=x>', ['onerror attribute on img']],
  ['event handler, first attribute', '<a onclick="x" title=y>t</a>', '<a title=y>t</a>', ['onclick attribute on a']],
  ['event handler glued after a quoted value', '<img src="x"onerror="y">', '<img src="x">', ['onerror attribute on img']],
  ['slashes are not separators inside unquoted values', '<img/src=x/onerror=alert(1)>', '<img/src=x/onerror=alert(1)>', []],
  ['javascript: in an unquoted href', '<a href=javascript:alert(1)>x</a>', '<a>x</a>', ['javascript: URL in a href']],
  ['decimal entity', '<a href="&#106;avascript:x">x</a>', '<a>x</a>', ['javascript: URL in a href']],
  ['hex entity', '<a href="&#x6A;avascript:x">x</a>', '<a>x</a>', ['javascript: URL in a href']],
  ['&colon;', '<a href="javascript&colon;x">x</a>', '<a>x</a>', ['javascript: URL in a href']],
  ['&Tab; inside the scheme', '<a href="jav&Tab;ascript:x">x</a>', '<a>x</a>', ['javascript: URL in a href']],
  ['leading control characters', '<a href="\x01 javascript:x">x</a>', '<a>x</a>', ['javascript: URL in a href']],
  ['vbscript', '<a href="VBScript:x">x</a>', '<a>x</a>', ['vbscript: URL in a href']],
  ['data:text/html', '<a href="data:text/html,<b>">x</a>', '<a>x</a>', ['data:text/html URL in a href']],
  ['data:image/png stays in img', '<img src="data:image/png;base64,AAAA">', '<img src="data:image/png;base64,AAAA">', []],
  ['data:image/svg+xml stays in img src', '<img src="data:image/svg+xml,%3Csvg%3E">', '<img src="data:image/svg+xml,%3Csvg%3E">', []],
  ['data:image/svg+xml goes from embed-like places', '<a href="data:image/svg+xml,x">x</a>', '<a>x</a>', ['data:image/svg+xml URL in a href']],
  ['xlink:href', '<svg><a xlink:href="javascript:x">t</a></svg>', '<svg><a>t</a></svg>', ['javascript: URL in a xlink:href']],
  ['srcset entry', '<img srcset="a.png 1x, javascript:x 2x">', '<img>', ['javascript: URL in img srcset']],
  ['srcdoc always goes (with its iframe)', '<iframe srcdoc="<b>x</b>"></iframe>ok', 'ok', ['iframe']],
  ['formaction', '<button formaction="/x">go</button>', '<button>go</button>', ['formaction attribute on button']],
  ['object tags go, fallback stays', '<object data=x.swf><img src=a.png></object>', '<img src=a.png>', ['object', '</object>']],
  ['base', '<base href="//evil/">x', 'x', ['base']],
  ['meta refresh', '<meta http-equiv=refresh content="0;url=javascript:x">x', 'x', ['meta http-equiv']],
  ['style with expression', '<style>a{width:expression(x)}</style>ok', 'ok', ['style element with expression(']],
  ['style with escaped expression', '<style>a{width:\\65 xpression(x)}</style>ok', 'ok', ['style element with expression(']],
  ['safe style element stays', '<style>p{color:red}</style>', '<style>p{color:red}</style>', []],
  ['style attribute with javascript:', '<p style="background:url(javascript:x)">t</p>', '<p>t</p>', ['javascript: in style attribute on p']],
  ['safe style attribute stays', '<small style="color: #999;">t</small>', '<small style="color: #999;">t</small>', []],
  ['svg script', '<svg><script>x</script></svg>', '<svg></svg>', ['script']],
  ['CDATA that a HTML reading ends early', '<svg><![CDATA[><img src=x onerror=y>]]></svg>', '<svg></svg>', ['CDATA section hiding markup']],
  ['comment hiding a script', 'a<!--<script>x</script>-->b', 'ab', ['comment hiding markup']],
  ['plain comment stays', 'a<!-- note -->b', 'a<!-- note -->b', []],
  ['<!--> is an empty comment', '<!--><img src=x onerror=y>-->', '<!--><img src=x>-->', ['onerror attribute on img']],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=y>">', '<noscript></noscript><img src=x>">', ['markup hidden in <noscript>', 'onerror attribute on img']],
  ['noscript with an image stays', '<noscript><img src="a.png" alt="img"></noscript>', '<noscript><img src="a.png" alt="img"></noscript>', []],
  ['math/mglyph/style mXSS', '<math><mi><table><mglyph><style><img src=x onerror=y>', '<math><mi><table><mglyph><style>', ['markup hidden in <style>']],
  ['svg style mXSS', '<svg></p><style><a id="</style><img src=1 onerror=y>">', '<svg></p><style></style><img src=1>">', ['markup hidden in <style>', 'onerror attribute on img']],
  ['unterminated tag at the end', 'a<img src=x onerror=y//', 'a', ['unterminated tag <img']],
  ['tag name containing <', '<scr<script>ipt>x', 'ipt>x', ['malformed tag <scr<script>']],
  ['NUL bytes', '<scr\0ipt>x()</scr\0ipt>', '', ['NUL character', 'script']],
  ['autolink-looking tag', '<javascript:alert(1)>', '', ['malformed tag <javascript:alert(1)>']],
  ['SVG animation of href', '<svg><set attributeName="href" to="#x"/></svg>', '<svg><set to="#x"/></svg>', ['attributeName=href on set']],
  ['newlines become spaces', 'a\nb\r\nc\rd', 'a b c d', []],
  ['newlines inside a tag become spaces', '<img\nsrc=x\r\nalt=y>', '<img src=x alt=y>', []],
  ['pre keeps its newlines as references', '<pre>a\nb\r\nc</pre>\n', '<pre>a&#10;b&#10;c</pre> ', []],
  ['textarea keeps its newlines as references', '<textarea>\na</textarea>', '<textarea>&#10;a</textarea>', []],
];

describe('cleanArchival', () => {
  for (const [name, input, html, removed] of CASES) {
    test(name, () => assert.deepEqual(cleanArchival(input), { html, removed }));
  }
});

describe('toOneLine', () => {
  const cases: [string, string, string][] = [
    ['one line stays', '<p>a</p>', '<p>a</p>'],
    ['never glues words', 'word\nword', 'word word'],
    ['listing', '<listing>a\nb</listing>c\nd', '<listing>a&#10;b</listing>c d'],
    ['comment', '<!-- a\nb -->', '<!-- a b -->'],
    ['nested pre', '<pre><b>a\n</b>b\n</pre>\n', '<pre><b>a&#10;</b>b&#10;</pre> '],
  ];
  for (const [name, input, expected] of cases) test(name, () => assert.equal(toOneLine(input), expected));
});
