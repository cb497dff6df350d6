// The encoding prescan of HTML §13.2.3.2 ("prescan a byte stream to determine its encoding"), run over
// the whole text. It reads bytes with rules of its own: it knows no raw-text elements and ends a comment
// only at "-->", where the tokenizer also ends one at "--!>". So `<!-- --!><p title="--><meta charset=x>">`
// is a comment and a paragraph to the tokenizer (and to this cleaner), and a meta charset to a browser
// that prescans (Firefox's meta scanner follows the spec; Chromium's runs its tokenizer instead).
// The cleaner removes every meta the tokenizer sees; this finds the ones only the prescan sees.
import { documentMetaDanger } from './document-meta.ts';
import type { Attr as TagAttr } from '../../markup/html-editor.ts';

/** An attribute as the prescan reads it: no quoting kept, `end` is where the prescan goes on. */
type Attr = Pick<TagAttr, 'name' | 'rawValue' | 'start' | 'end'>;

const SPACE = /[\t\n\f\r ]/;
const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);

/** Offsets of the "<" of every `<meta` the prescan reads as a charset declaration or pragma. */
export function prescanDocumentMetas(html: string): number[] {
  const found: number[] = [];
  let pos = 0;
  while (pos < html.length) {
    if (html[pos] !== '<') {
      pos = html.indexOf('<', pos);
      if (pos === -1) break;
      continue;
    }
    const start = pos;
    if (html.startsWith('<!--', pos)) {
      // "the first > preceded by two -" after the "<": so `<!-->` ends here too.
      const close = html.indexOf('-->', pos + 2);
      if (close === -1) break;
      pos = close + 3;
    } else if (/^<meta[\t\n\f\r /]/i.test(html.slice(pos, pos + 6))) {
      pos += 5;
      const attrs: Attr[] = [];
      for (let attr = getAttribute(html, pos); attr !== null; attr = getAttribute(html, attr.end)) attrs.push(attr);
      if (documentMetaDanger(attrs) !== null) found.push(start);
      pos = attrs.at(-1)?.end ?? pos;
      pos++;
    } else if (/^<\/?[A-Za-z]/.test(html.slice(pos, pos + 3))) {
      pos++;
      while (pos < html.length && !isSpace(html[pos]) && html[pos] !== '>') pos++;
      let attr = getAttribute(html, pos);
      while (attr !== null) {
        pos = attr.end;
        attr = getAttribute(html, pos);
      }
      pos++;
    } else if (/^<[!/?]/.test(html.slice(pos, pos + 2))) {
      const close = html.indexOf('>', pos);
      if (close === -1) break;
      pos = close + 1;
    } else {
      pos++;
    }
  }
  return found;
}

/** "Get an attribute" (§13.2.3.2): null when there is none; `end` is where the prescan continues. */
function getAttribute(html: string, from: number): Attr | null {
  let pos = from;
  while (isSpace(html[pos]) || html[pos] === '/') pos++;
  if (pos >= html.length || html[pos] === '>') return null;
  const start = pos;
  let name = '';
  for (;;) {
    const c = html[pos];
    if (c === undefined) return null;
    if (c === '=' && name !== '') break;
    if (isSpace(c)) {
      while (isSpace(html[pos])) pos++;
      if (html[pos] !== '=') return { name, rawValue: '', start, end: pos };
      break;
    }
    if (c === '/' || c === '>') return { name, rawValue: '', start, end: pos };
    name += c.toLowerCase();
    pos++;
  }
  pos++; // past "="
  while (isSpace(html[pos])) pos++;
  const q = html[pos];
  if (q === '"' || q === "'") {
    const close = html.indexOf(q, pos + 1);
    if (close === -1) return null;
    return { name, rawValue: html.slice(pos + 1, close), start, end: close + 1 };
  }
  if (q === undefined) return null;
  if (q === '>') return { name, rawValue: '', start, end: pos };
  let end = pos;
  while (end < html.length && !isSpace(html[end]) && html[end] !== '>') end++;
  return { name, rawValue: html.slice(pos, end), start, end };
}

/**
 * The "<" of each meta only the prescan sees, written as `&lt;`. Where the prescan finds one the
 * tokenizer reads text of an attribute value, a comment or RCDATA, and there `&lt;` means the same
 * character (attribute values and RCDATA decode it; a comment is not shown).
 */
export function escapePrescanMetas(html: string, removed: string[]): string {
  const offsets = prescanDocumentMetas(html);
  if (offsets.length === 0) return html;
  let out = '';
  let last = 0;
  for (const at of offsets) {
    out += html.slice(last, at) + '&lt;';
    last = at + 1;
    removed.push('meta hidden from the tokenizer (read by the encoding prescan)');
  }
  return out + html.slice(last);
}
