// Editing HTML in place: the caller walks the tokens (html-tokens.ts) and asks for changes by source
// offset (drop a token, drop or rewrite an attribute, replace a range); every byte no change names is
// copied as written. The archive keeps the source's bytes (DESIGN.md, clean stage), so the cleaner, the
// image rewriting and the fingerprint's URL canonicalization all edit HTML this way.
import { HtmlTokens } from './html-tokens.ts';
import type { Attr, ContentModel, TagToken, Token } from './html-tokens.ts';
import { isSpace } from './html-tokens.ts';

export { HtmlTokens, isSpace };
export type { Attr, ContentModel, OtherToken, TagToken, Token } from './html-tokens.ts';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Escapes a value for a double-quoted attribute (HTML §13.1.2.3: `&` and `"` are all that matter there). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

export class HtmlEditor {
  private readonly edits: Edit[] = [];
  private sorted = true;

  constructor(readonly html: string) {}

  /** Replaces [start, end) of the source with `text`. Edits must not overlap. */
  replace(start: number, end: number, text: string): void {
    const last = this.edits.at(-1);
    if (last !== undefined && start < last.end) this.sorted = false;
    this.edits.push({ start, end, text });
  }

  drop(start: number, end: number): void {
    if (end > start) this.replace(start, end, '');
  }

  dropToken(token: Token): void {
    this.drop(token.start, token.end);
  }

  /**
   * Removes attributes from a tag. Whitespace after a removed attribute goes with it
   * (`<a onclick=x title=y>` → `<a title=y>`); when the attribute is last, the whitespace before it goes
   * instead (`<img src=x onerror=y>` → `<img src=x>`). The remaining attributes keep their quoting,
   * order, case and entities.
   */
  dropAttributes(tag: TagToken, attrs: readonly Attr[]): void {
    const html = this.html;
    let pos = tag.start;
    for (const attr of [...attrs].sort((a, b) => a.start - b.start)) {
      let s = attr.start;
      let e = attr.end;
      if (s < pos) continue;
      if (isSpace(html[e])) {
        while (isSpace(html[e])) e++;
      } else if (html[e] === '>' || e >= tag.end) {
        while (s > pos && isSpace(html[s - 1])) s--;
      }
      this.drop(s, e);
      pos = e;
    }
  }

  /** Removes one attribute and the whitespace before it. */
  removeAttribute(attr: Attr): void {
    let start = attr.start;
    while (start > 0 && isSpace(this.html[start - 1])) start--;
    this.drop(start, attr.end);
  }

  /** A new value for an attribute, quoted as the source had it (an unquoted or missing value gets double quotes). */
  setAttributeValue(attr: Attr, value: string): void {
    if (attr.quote === "'") {
      this.replace(attr.valueStart, attr.valueEnd, value.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    } else if (attr.quote === '"') {
      this.replace(attr.valueStart, attr.valueEnd, escapeAttribute(value));
    } else if (attr.quote === '') {
      this.replace(attr.valueStart, attr.valueEnd, `"${escapeAttribute(value)}"`);
    } else {
      this.replace(attr.end, attr.end, `="${escapeAttribute(value)}"`);
    }
  }

  /** Whether any edit has been asked for. */
  get changed(): boolean {
    return this.edits.length > 0;
  }

  /** The source with the edits applied; everything between them is copied byte for byte. */
  result(): string {
    if (this.edits.length === 0) return this.html;
    const edits = this.sorted ? this.edits : [...this.edits].sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let last = 0;
    for (const e of edits) {
      parts.push(this.html.slice(last, e.start), e.text);
      last = e.end;
    }
    parts.push(this.html.slice(last));
    return parts.join('');
  }
}

/** Calls `visit` for every start and end tag, reading script, style and other raw text as a browser does. */
export function eachTag(html: string, visit: (tag: TagToken) => void): void {
  const tokens = new HtmlTokens(html);
  for (let tok = tokens.next(); tok !== null; tok = tokens.next()) {
    if (tok.kind !== 'startTag' && tok.kind !== 'endTag') continue;
    if (!tok.terminated) continue;
    visit(tok);
    if (tok.kind === 'startTag') {
      // `<script/>` opens a script all the same: the solidus means nothing on an HTML element.
      const model = HTML_CONTENT_MODELS.get(tok.name);
      if (model !== undefined) tokens.content(model, tok.name);
    }
  }
}

/**
 * Which content model an HTML start tag switches to (13.2.6.4.7 "in body"). <noscript> content stays
 * markup, as with scripting disabled: the archive is read that way too (GitHub, a raw file view), so the
 * images in it count. Foreign content (SVG/MathML) is not told apart: there <style> and <title> hold markup.
 */
export const HTML_CONTENT_MODELS: ReadonlyMap<string, ContentModel> = new Map<string, ContentModel>([
  ['iframe', 'rawtext'],
  ['noembed', 'rawtext'],
  ['noframes', 'rawtext'],
  ['plaintext', 'plaintext'],
  ['script', 'script'],
  ['style', 'rawtext'],
  ['textarea', 'rcdata'],
  ['title', 'rcdata'],
  ['xmp', 'rawtext'],
]);
