// A small tokenizer that follows the WHATWG HTML tokenizer (https://html.spec.whatwg.org/#tokenization)
// closely enough to find where every tag, attribute, comment and text run begins and ends in the source.
// It never builds a tree and never re-serializes: the archival cleaner copies source slices, so what it
// needs from the tokenizer is exact offsets. The caller decides which content model follows a start tag
// (RAWTEXT, RCDATA, script data, PLAINTEXT), because in a browser that is decided by tree construction.

export interface Attr {
  /** lowercased (ASCII) attribute name as a browser would store it */
  name: string;
  /** raw value as written between the quotes (entities not decoded); '' when there is no value */
  rawValue: string;
  /** offset of the first character of the name */
  start: number;
  /** offset just past the value (past the closing quote) or past the name when there is no value */
  end: number;
}

export interface TagToken {
  kind: 'startTag' | 'endTag';
  start: number;
  end: number;
  /** lowercased tag name, NUL replaced by U+FFFD as the tokenizer does */
  name: string;
  attrs: Attr[];
  selfClosing: boolean;
  /** false when the input ended inside the tag: a browser drops such a tag */
  terminated: boolean;
}

export interface OtherToken {
  kind: 'text' | 'comment' | 'bogusComment' | 'doctype' | 'cdata' | 'emptyEndTag';
  start: number;
  end: number;
  /** offsets of the content inside the delimiters (comments, CDATA) */
  innerStart: number;
  innerEnd: number;
  terminated: boolean;
}

export type Token = TagToken | OtherToken;

const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
// The tokenizer's whitespace is tab, LF, FF and space; CR never reaches it (input stream preprocessing
// turns CR and CRLF into LF), so CR counts as whitespace here.
export const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

const lower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase()).replace(/\0/g, '\uFFFD');

function other(kind: OtherToken['kind'], start: number, end: number, innerStart: number, innerEnd: number, terminated: boolean): OtherToken {
  return { kind, start, end, innerStart, innerEnd, terminated };
}

/** Reads one token starting at `pos` in the data state. `cdata`: CDATA sections are recognized (foreign content). */
export function nextToken(html: string, pos: number, cdata: boolean): Token {
  const lt = html.indexOf('<', pos);
  if (lt !== pos) {
    const end = lt === -1 ? html.length : lt;
    return other('text', pos, end, pos, end, true);
  }
  const c = html[pos + 1];
  if (isAlpha(c)) return readTag(html, pos, 'startTag', pos + 1);
  if (c === '/') {
    const d = html[pos + 2];
    if (isAlpha(d)) return readTag(html, pos, 'endTag', pos + 2);
    if (d === '>') return other('emptyEndTag', pos, pos + 3, pos + 2, pos + 2, true);
    if (d === undefined) return other('text', pos, html.length, pos, html.length, true);
    return bogus(html, pos, pos + 2);
  }
  if (c === '!') {
    if (html.startsWith('--', pos + 2)) return comment(html, pos);
    if (html.slice(pos + 2, pos + 9).toUpperCase() === 'DOCTYPE') {
      const t = bogus(html, pos, pos + 9);
      return { ...t, kind: 'doctype' };
    }
    if (cdata && html.startsWith('[CDATA[', pos + 2)) {
      const close = html.indexOf(']]>', pos + 9);
      if (close === -1) return other('cdata', pos, html.length, pos + 9, html.length, false);
      return other('cdata', pos, close + 3, pos + 9, close, true);
    }
    return bogus(html, pos, pos + 2);
  }
  if (c === '?') return bogus(html, pos, pos + 1);
  // "<" followed by anything else is text; read it together with the text up to the next "<".
  const next = html.indexOf('<', pos + 1);
  const end = next === -1 ? html.length : next;
  return other('text', pos, end, pos, end, true);
}

function bogus(html: string, start: number, innerStart: number): OtherToken {
  const close = html.indexOf('>', innerStart);
  if (close === -1) return other('bogusComment', start, html.length, innerStart, html.length, false);
  return other('bogusComment', start, close + 1, innerStart, close, true);
}

// Comment states (13.2.5.43–13.2.5.52): "<!-->" and "<!--->" are complete empty comments; otherwise the
// comment ends at the first "-->" or "--!>".
function comment(html: string, start: number): OtherToken {
  const inner = start + 4;
  if (html[inner] === '>') return other('comment', start, inner + 1, inner, inner, true);
  if (html.startsWith('->', inner)) return other('comment', start, inner + 2, inner, inner, true);
  for (let i = inner; i < html.length; i++) {
    if (html[i] !== '-' || html[i + 1] !== '-') continue;
    if (html[i + 2] === '>') return other('comment', start, i + 3, inner, i, true);
    if (html[i + 2] === '!' && html[i + 3] === '>') return other('comment', start, i + 4, inner, i, true);
  }
  return other('comment', start, html.length, inner, html.length, false);
}

// Tag name, attribute name/value and self-closing states (13.2.5.8, 13.2.5.32–13.2.5.40).
function readTag(html: string, start: number, kind: TagToken['kind'], nameStart: number): TagToken {
  let i = nameStart;
  while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') i++;
  const name = lower(html.slice(nameStart, i));
  const attrs: Attr[] = [];
  let selfClosing = false;
  for (;;) {
    while (isSpace(html[i])) i++;
    const c = html[i];
    if (c === undefined) return { kind, start, end: html.length, name, attrs, selfClosing, terminated: false };
    if (c === '>') return { kind, start, end: i + 1, name, attrs, selfClosing, terminated: true };
    if (c === '/') {
      i++;
      if (html[i] === '>') {
        selfClosing = true;
        return { kind, start, end: i + 1, name, attrs, selfClosing, terminated: true };
      }
      continue;
    }
    // Attribute name: a leading "=" belongs to the name (unexpected-equals-sign-before-attribute-name).
    const aStart = i;
    i++;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const aName = lower(html.slice(aStart, i));
    let j = i;
    while (isSpace(html[j])) j++;
    if (html[j] !== '=') {
      attrs.push({ name: aName, rawValue: '', start: aStart, end: i });
      i = j;
      continue;
    }
    j++;
    while (isSpace(html[j])) j++;
    const q = html[j];
    if (q === '"' || q === "'") {
      const close = html.indexOf(q, j + 1);
      if (close === -1) return { kind, start, end: html.length, name, attrs, selfClosing, terminated: false };
      attrs.push({ name: aName, rawValue: html.slice(j + 1, close), start: aStart, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (q === '>') {
      // missing-attribute-value: the attribute is empty and the tag ends here.
      attrs.push({ name: aName, rawValue: '', start: aStart, end: j });
      i = j;
      continue;
    }
    let k = j;
    while (k < html.length && !isSpace(html[k]) && html[k] !== '>') k++;
    attrs.push({ name: aName, rawValue: html.slice(j, k), start: aStart, end: k });
    i = k;
  }
}

/**
 * Where RAWTEXT / RCDATA content of `name` ends: the offset of the "<" of the first appropriate end tag
 * ("</name" followed by whitespace, "/" or ">"), or the end of the input.
 */
export function rawTextEnd(html: string, pos: number, name: string): number {
  // A regex with the `i` flag (not toLowerCase on the whole input, which can change offsets: "İ" → "i̇").
  const re = new RegExp('</' + name.replace(/[^a-z0-9-]/g, '') + '[\\t\\n\\f\\r />]', 'gi');
  re.lastIndex = pos;
  const m = re.exec(html);
  return m === null ? html.length : m.index;
}

export { scriptDataEnd } from './script-data.ts';
