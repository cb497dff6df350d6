// Property tests for the archival cleaner (fast-check): it never adds markup, what it returns is
// stable and safe, and safe input comes out byte-identical apart from the one-line policy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { HtmlTokens } from '../markup/html-editor.ts';
import { cleanArchival, toOneLine } from './index.ts';
import { staticViolations } from './xss-check.ts';

/** Every tag any reading could see: a tag read at every "<" (name and attribute names). */
function possibleTags(html: string): Set<string> {
  const tags = new Set<string>();
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const tok = new HtmlTokens(html.slice(i)).next(true);
    if (tok === null) continue;
    if (tok.kind !== 'startTag' && tok.kind !== 'endTag') continue;
    tags.add(`${tok.kind} ${tok.name}`);
    for (const a of tok.attrs) tags.add(`${tok.kind} ${tok.name} ${a.name}`);
  }
  return tags;
}

const FRAGMENTS = [
  '<', '>', '/', '"', "'", '=', ' ', '\n', '\t', 'a', 'b', 'p', 'x', '(1)', '&', '#', ';', '-', '!', '[', ']',
  'script', 'img', 'svg', 'style', 'noscript', 'math', 'mglyph', 'mtext', 'table', 'title', 'textarea', 'iframe',
  'pre', 'template', 'onerror', 'src', 'href', 'javascript:', '&#106;', '<!--', '-->', '<![CDATA[', ']]>',
  '</', 'data:text/html,', 'expression(', 'style=', 'xlink:href', 'object', 'foreignObject', 'desc', '<!', '<?',
];
const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('cleanArchival properties', () => {
  test('never adds markup: every output tag and attribute was in the input', () => {
    fc.assert(
      fc.property(soup, (html) => {
        const before = possibleTags(html);
        for (const tag of possibleTags(cleanArchival(html).html)) assert.ok(before.has(tag), tag);
      }),
      { numRuns: 1000 },
    );
  });

  test('output is one line, stable, and statically safe', () => {
    fc.assert(
      fc.property(soup, (html) => {
        const out = cleanArchival(html).html;
        assert.ok(!/[\r\n]/.test(out));
        assert.deepEqual(cleanArchival(out), { html: out, removed: [] });
        assert.deepEqual(staticViolations(out), []);
      }),
      { numRuns: 150 },
    );
  });

  const text = fc
    .string({ unit: fc.constantFrom('a', 'z', '中', '文', ' ', '\n', '\r\n', '<', '>', '&', '"', "'", 'é', '\t', '=', '/', 'on') })
    .map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const attrValue = text.map((s) => s.replace(/"/g, '&quot;'));
  const attr = fc.oneof(
    attrValue.map((v) => ` title="${v}"`),
    attrValue.map((v) => ` alt="${v}"`),
    fc.constantFrom(' class=lead', " data-x='1'", ' href="https://www.voachinese.com/a/1.html"', ' src="https://images.weserv.nl?url=x.jpg"',
      ' width="100%"', ' style="color: #999;"', ' hidden', ' SRC="/a.png"'),
  );
  const tagName = fc.constantFrom('p', 'div', 'span', 'b', 'i', 'a', 'img', 'br', 'pre', 'ul', 'li', 'table', 'td', 'figure', 'small', 'H2');
  const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      text,
      text.map((t) => `<!-- ${t.replace(/-/g, '_').replace(/>/g, ')')} -->`),
      fc.tuple(tagName, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(
        ([name, attrs, children, selfClose]) =>
          name === 'img' || name === 'br'
            ? `<${name}${attrs.join('')}${selfClose ? ' />' : '>'}`
            : `<${name}${attrs.join('')}>${children.join('')}</${name}>`,
      ),
    ),
  })).node;

  test('safe input comes out byte-identical except for newlines', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }).map((a) => a.join('')), (html) => {
        assert.deepEqual(cleanArchival(html), { html: toOneLine(html), removed: [] });
      }),
      { numRuns: 500 },
    );
  });
});
