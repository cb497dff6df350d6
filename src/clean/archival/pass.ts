// One cleaning pass: walk the tokens as one kind of browser would see them (a Mode), copy every safe
// token's source slice, drop or trim the dangerous ones. cleanArchival runs passes in every mode until
// none changes anything, so the output is safe however a browser resolves the points where parsers
// can disagree (scripting on or off for <noscript>; SVG/MathML or HTML for <style>, <title>, CDATA).
import { attributeDanger, sliceWithout } from './attributes.ts';
import { dangerousCss } from './css.ts';
import { ELEMENTS_TAG_ONLY, ELEMENTS_WITH_CONTENT, RAWTEXT_ELEMENTS, RCDATA_ELEMENTS } from './dangerous.ts';
import { ForeignTracker } from './foreign.ts';
import { documentMetaDanger } from './document-meta.ts';
import type { ForeignMode } from './foreign.ts';
import { nextToken, rawTextEnd, scriptDataEnd } from './tokenizer.ts';
import type { OtherToken, TagToken } from './tokenizer.ts';
import { dangerousUrl } from './url-scheme.ts';

export interface Mode {
  /** whether <noscript> content is raw text (scripting enabled) or markup */
  scripting: boolean;
  foreign: ForeignMode;
}

export const MODES: readonly Mode[] = [
  { scripting: true, foreign: 'track' },
  { scripting: false, foreign: 'track' },
  { scripting: true, foreign: 'never' },
  { scripting: false, foreign: 'never' },
  { scripting: true, foreign: 'always' },
];

/** Text read as inert (comment, raw text, CDATA) must also be harmless if some parser reads it as markup. */
const MAX_DEPTH = 2;

export function isInertAsMarkup(text: string, depth: number): boolean {
  if (!/<[A-Za-z!/?]/.test(text)) return true;
  if (depth >= MAX_DEPTH) return false;
  return MODES.every((mode) => cleanPass(text, mode, [], depth + 1) === text);
}

/** Whether reading `text` as markup ends where it ends (no tag, comment or raw-text run spills past it). */
function endsInSync(text: string): boolean {
  for (let pos = 0; pos < text.length; ) {
    const tok = nextToken(text, pos, false);
    if (!tok.terminated) return false;
    if (tok.kind === 'startTag' && switchesTokenizer(tok.name, true)) {
      if (tok.name === 'plaintext') return false;
      const end = tok.name === 'script' ? scriptDataEnd(text, tok.end) : rawTextEnd(text, tok.end, tok.name);
      if (end >= text.length) return false;
      pos = end;
      continue;
    }
    pos = tok.end;
  }
  return true;
}

function switchesTokenizer(name: string, scripting: boolean): boolean {
  return RAWTEXT_ELEMENTS.has(name) || RCDATA_ELEMENTS.has(name) || name === 'script' || name === 'plaintext'
    || (name === 'noscript' && scripting);
}

export function cleanPass(html: string, mode: Mode, removed: string[], depth = 0): string {
  const out: string[] = [];
  const tree = new ForeignTracker(mode.foreign);
  let dropEndTagAt = -1;
  let pos = 0;

  const inert = (tok: OtherToken, what: string): void => {
    const inner = html.slice(tok.innerStart, tok.innerEnd);
    // A CDATA section must end at the same ">" whether read as CDATA (SVG/MathML) or as a bogus comment.
    const inSync = tok.kind !== 'cdata' || html.indexOf('>', tok.innerStart) === tok.end - 1;
    if (inSync && isInertAsMarkup(inner, depth)) out.push(html.slice(tok.start, tok.end));
    else removed.push(`${what} hiding markup`);
  };

  const startTag = (tok: TagToken): void => {
    const name = tok.name;
    const asHtml = tree.startTagIsHtml(name, tok.attrs);
    if (name.includes('<') || dangerousUrl(name, false) !== null) {
      removed.push(`malformed tag <${name}>`);
      return;
    }
    if (ELEMENTS_WITH_CONTENT.has(name)) {
      removed.push(name);
      if (asHtml) {
        dropEndTagAt = name === 'script' ? scriptDataEnd(html, tok.end) : rawTextEnd(html, tok.end, name);
        pos = dropEndTagAt;
      } else {
        pos = skipForeignElement(html, tok);
      }
      return;
    }
    const metaDanger = name === 'meta' ? documentMetaDanger(tok.attrs) : null;
    if (metaDanger !== null) {
      removed.push(metaDanger);
      return;
    }
    if (ELEMENTS_TAG_ONLY.has(name)) {
      removed.push(name);
      return;
    }
    if (name === 'style') {
      const end = rawTextEnd(html, tok.end, name);
      const label = dangerousCss(html.slice(tok.end, end));
      if (label !== null) {
        removed.push(`style element with ${label}`);
        dropEndTagAt = end;
        pos = end;
        return;
      }
    }
    const drop = tok.attrs.filter((attr) => {
      const why = attributeDanger(name, attr, false);
      if (why !== null) removed.push(why);
      return why !== null;
    });
    out.push(sliceWithout(html, tok, drop));
    if (asHtml && switchesTokenizer(name, mode.scripting)) {
      const end = name === 'plaintext' ? html.length : rawTextEnd(html, tok.end, name);
      const content = html.slice(tok.end, end);
      if (endsInSync(content) && isInertAsMarkup(content, depth)) out.push(content);
      else removed.push(`markup hidden in <${name}>`);
      pos = end;
      return;
    }
    tree.pushStart(name, tok.attrs, tok.selfClosing, asHtml);
  };

  const endTag = (tok: TagToken): void => {
    const name = tok.name;
    if (tok.start === dropEndTagAt) return;
    tree.popEnd(name);
    if (ELEMENTS_WITH_CONTENT.has(name) || ELEMENTS_TAG_ONLY.has(name) || name.includes('<')) {
      removed.push(`</${name}>`);
      return;
    }
    const drop = tok.attrs.filter((attr) => {
      const why = attributeDanger(name, attr, true);
      if (why !== null) removed.push(why);
      return why !== null;
    });
    out.push(sliceWithout(html, tok, drop));
  };

  while (pos < html.length) {
    const tok = nextToken(html, pos, tree.cdataAllowed());
    pos = tok.end;
    if (tok.kind === 'startTag' || tok.kind === 'endTag') {
      if (!tok.terminated) {
        // A browser drops a tag cut off by the end of input, but anything appended later (a template,
        // a Markdown renderer's closing tag) would complete it: `<img src=x onerror=alert(1)//`.
        removed.push(`unterminated tag <${tok.kind === 'endTag' ? '/' : ''}${tok.name}`);
        continue;
      }
      if (tok.kind === 'startTag') startTag(tok);
      else endTag(tok);
    } else if (tok.kind === 'text' || tok.kind === 'emptyEndTag') {
      out.push(html.slice(tok.start, tok.end));
    } else if (tok.kind === 'comment' || tok.kind === 'bogusComment' || tok.kind === 'doctype' || tok.kind === 'cdata') {
      inert(tok, tok.kind === 'cdata' ? 'CDATA section' : tok.kind === 'doctype' ? 'doctype' : 'comment');
    }
  }
  return out.join('');
}

/** In SVG/MathML a <script> holds markup; skip through its matching end tag (or to the end). */
function skipForeignElement(html: string, open: TagToken): number {
  if (open.selfClosing) return open.end;
  let depth = 1;
  for (let pos = open.end; pos < html.length; ) {
    const tok = nextToken(html, pos, true);
    pos = tok.end;
    if (tok.kind === 'startTag' && tok.name === open.name && !tok.selfClosing) depth++;
    if (tok.kind === 'endTag' && tok.name === open.name && --depth === 0) return pos;
  }
  return html.length;
}
