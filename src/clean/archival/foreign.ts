// A rough model of where SVG and MathML ("foreign content", 13.2.6.5) begin and end. In foreign content
// the tokenizer does not switch to raw text after <style>/<title>/<textarea>/<noscript>…, and CDATA
// sections exist. Full tree construction (foster parenting, adoption agency) is out of reach, so this is
// an approximation; the cleaner also runs with foreign content 'never' and 'always' so that a wrong
// guess here cannot let anything through.
import {
  FOREIGN_BREAKOUT_TAGS,
  MATHML_TEXT_INTEGRATION_POINTS,
  SVG_HTML_INTEGRATION_POINTS,
} from './dangerous.ts';
import type { Attr } from '../../markup/html-editor.ts';

export type ForeignMode = 'track' | 'never' | 'always';

type Ns = 'html' | 'svg' | 'math';
interface Frame {
  name: string;
  ns: Ns;
  /** 'html': HTML integration point; 'text': MathML text integration point */
  integration: 'html' | 'text' | null;
}

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source',
  'track', 'wbr',
]);

export class ForeignTracker {
  private readonly stack: Frame[] = [];
  constructor(private readonly mode: ForeignMode) {}

  /** CDATA sections are recognized when the current node is not an HTML element (13.2.5.42). */
  cdataAllowed(): boolean {
    if (this.mode !== 'track') return this.mode === 'always';
    const top = this.stack.at(-1);
    return top !== undefined && top.ns !== 'html';
  }

  /** Whether a start tag is handled by the HTML rules (and so may switch the tokenizer to raw text). */
  startTagIsHtml(name: string, attrs: readonly Attr[]): boolean {
    if (this.mode !== 'track') return this.mode === 'never';
    for (;;) {
      const top = this.stack.at(-1);
      if (top === undefined || top.ns === 'html' || top.integration === 'html') return true;
      if (top.integration === 'text' && name !== 'mglyph' && name !== 'malignmark') return true;
      const breakout = FOREIGN_BREAKOUT_TAGS.has(name)
        || (name === 'font' && attrs.some((a) => a.name === 'color' || a.name === 'face' || a.name === 'size'));
      if (!breakout) return false;
      // Pop foreign elements until an HTML element or an integration point is current, then retry.
      this.stack.pop();
    }
  }

  pushStart(name: string, attrs: readonly Attr[], selfClosing: boolean, asHtml: boolean): void {
    if (this.mode !== 'track') return;
    if (asHtml) {
      if (name === 'svg' || name === 'math') {
        if (!selfClosing) this.stack.push({ name, ns: name, integration: null });
      } else if (this.stack.length > 0 && !VOID.has(name)) {
        this.stack.push({ name, ns: 'html', integration: null });
      }
      return;
    }
    if (selfClosing) return;
    const parent = this.stack.at(-1);
    const ns: Ns = name === 'svg' ? 'svg' : name === 'math' ? 'math' : parent?.ns ?? 'svg';
    let integration: Frame['integration'] = null;
    if (ns === 'svg' && SVG_HTML_INTEGRATION_POINTS.has(name)) integration = 'html';
    if (ns === 'math' && MATHML_TEXT_INTEGRATION_POINTS.has(name)) integration = 'text';
    if (ns === 'math' && name === 'annotation-xml') {
      const encoding = attrs.find((a) => a.name === 'encoding')?.rawValue.toLowerCase();
      if (encoding === 'text/html' || encoding === 'application/xhtml+xml') integration = 'html';
    }
    this.stack.push({ name, ns, integration });
  }

  popEnd(name: string): void {
    if (this.mode !== 'track') return;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]?.name === name) {
        this.stack.length = i;
        return;
      }
    }
  }
}
