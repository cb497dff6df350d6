// One cleaning pass: walk the tokens as one kind of browser would see them (a Mode), and drop or trim the
// dangerous ones through the HTML editor (markup/html-editor.ts), which copies every other byte as written.
// cleanArchival runs passes in every mode until none changes anything, so the output is safe however a
// browser resolves the points where parsers can disagree (scripting on or off for <noscript>; SVG/MathML or HTML for <style>, <title>, CDATA).
import { HtmlEditor, HtmlTokens } from '../../markup/html-editor.ts';
import type { ContentModel, OtherToken, TagToken } from '../../markup/html-editor.ts';
import { attributeDanger } from './attributes.ts';
import { dangerousCss } from './css.ts';
import { ELEMENTS_TAG_ONLY, ELEMENTS_WITH_CONTENT, RAWTEXT_ELEMENTS, RCDATA_ELEMENTS } from './dangerous.ts';
import { ForeignTracker } from './foreign.ts';
import { documentMetaDanger } from './document-meta.ts';
import type { ForeignMode } from './foreign.ts';
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
  const tokens = new HtmlTokens(text);
  for (let tok = tokens.next(); tok !== null; tok = tokens.next()) {
    if (!tok.terminated) return false;
    if (tok.kind === 'startTag' && switchesTokenizer(tok.name, true)) {
      if (tok.name === 'plaintext') return false;
      if (tokens.content(contentModel(tok.name), tok.name) >= text.length) return false;
    }
  }
  return true;
}

/** The content model of an element that switches the tokenizer (see switchesTokenizer). */
function contentModel(name: string): ContentModel {
  if (name === 'script') return 'script';
  if (name === 'plaintext') return 'plaintext';
  return RCDATA_ELEMENTS.has(name) ? 'rcdata' : 'rawtext';
}

/**
 * Where the content of a <style> starting at `pos` would end if read as raw text: the "<" of the first
 * `</style` followed by whitespace, "/" or ">", or the end. A look ahead, for the CSS check: in SVG the
 * tokenizer reads that content as markup, but an HTML reading of the same bytes must be safe too.
 */
function styleTextEnd(html: string, pos: number): number {
  const re = /<\/style[\t\n\f\r />]/gi;
  re.lastIndex = pos;
  return re.exec(html)?.index ?? html.length;
}

function switchesTokenizer(name: string, scripting: boolean): boolean {
  return RAWTEXT_ELEMENTS.has(name) || RCDATA_ELEMENTS.has(name) || name === 'script' || name === 'plaintext'
    || (name === 'noscript' && scripting);
}

export function cleanPass(html: string, mode: Mode, removed: string[], depth = 0): string {
  const edit = new HtmlEditor(html);
  const tokens = new HtmlTokens(html);
  const tree = new ForeignTracker(mode.foreign);
  let dropEndTagAt = -1;

  const inert = (tok: OtherToken, what: string): void => {
    const inner = html.slice(tok.innerStart, tok.innerEnd);
    // A CDATA section must end at the same ">" whether read as CDATA (SVG/MathML) or as a bogus comment.
    const inSync = tok.kind !== 'cdata' || html.indexOf('>', tok.innerStart) === tok.end - 1;
    if (inSync && isInertAsMarkup(inner, depth)) return;
    removed.push(`${what} hiding markup`);
    edit.dropToken(tok);
  };

  /** Drops the start tag, the content read in `model` and (when the endTag handler reaches it) the end tag. */
  const dropElement = (tok: TagToken, model: ContentModel): void => {
    dropEndTagAt = tokens.content(model, tok.name);
    edit.drop(tok.start, dropEndTagAt);
  };

  const startTag = (tok: TagToken): void => {
    const name = tok.name;
    const asHtml = tree.startTagIsHtml(name, tok.attrs);
    if (name.includes('<') || dangerousUrl(name, false) !== null) {
      removed.push(`malformed tag <${name}>`);
      edit.dropToken(tok);
      return;
    }
    if (ELEMENTS_WITH_CONTENT.has(name)) {
      removed.push(name);
      if (asHtml) dropElement(tok, name === 'script' ? 'script' : 'rawtext');
      else edit.drop(tok.start, skipForeignElement(tokens, tok, html.length));
      return;
    }
    const metaDanger = name === 'meta' ? documentMetaDanger(tok.attrs) : null;
    if (metaDanger !== null) {
      removed.push(metaDanger);
      edit.dropToken(tok);
      return;
    }
    if (ELEMENTS_TAG_ONLY.has(name)) {
      removed.push(name);
      edit.dropToken(tok);
      return;
    }
    if (name === 'style') {
      const label = dangerousCss(html.slice(tok.end, styleTextEnd(html, tok.end)));
      if (label !== null) {
        removed.push(`style element with ${label}`);
        dropElement(tok, 'rawtext');
        return;
      }
    }
    const drop = tok.attrs.filter((attr) => {
      const why = attributeDanger(name, attr, false);
      if (why !== null) removed.push(why);
      return why !== null;
    });
    edit.dropAttributes(tok, drop);
    if (asHtml && switchesTokenizer(name, mode.scripting)) {
      const end = tokens.content(contentModel(name), name);
      const content = html.slice(tok.end, end);
      if (!endsInSync(content) || !isInertAsMarkup(content, depth)) {
        removed.push(`markup hidden in <${name}>`);
        edit.drop(tok.end, end);
      }
      return;
    }
    tree.pushStart(name, tok.attrs, tok.selfClosing, asHtml);
  };

  const endTag = (tok: TagToken): void => {
    const name = tok.name;
    if (tok.start === dropEndTagAt) {
      edit.dropToken(tok);
      return;
    }
    tree.popEnd(name);
    if (ELEMENTS_WITH_CONTENT.has(name) || ELEMENTS_TAG_ONLY.has(name) || name.includes('<')) {
      removed.push(`</${name}>`);
      edit.dropToken(tok);
      return;
    }
    const drop = tok.attrs.filter((attr) => {
      const why = attributeDanger(name, attr, true);
      if (why !== null) removed.push(why);
      return why !== null;
    });
    edit.dropAttributes(tok, drop);
  };

  for (let tok = tokens.next(tree.cdataAllowed()); tok !== null; tok = tokens.next(tree.cdataAllowed())) {
    if (tok.kind === 'startTag' || tok.kind === 'endTag') {
      if (!tok.terminated) {
        // A browser drops a tag cut off by the end of input, but anything appended later (a template,
        // a Markdown renderer's closing tag) would complete it: `<img src=x onerror=alert(1)//`.
        removed.push(`unterminated tag <${tok.kind === 'endTag' ? '/' : ''}${tok.name}`);
        edit.dropToken(tok);
        continue;
      }
      if (tok.kind === 'startTag') startTag(tok);
      else endTag(tok);
    } else if (tok.kind === 'comment' || tok.kind === 'bogusComment' || tok.kind === 'doctype' || tok.kind === 'cdata') {
      inert(tok, tok.kind === 'cdata' ? 'CDATA section' : tok.kind === 'doctype' ? 'doctype' : 'comment');
    }
  }
  return edit.result();
}

/** In SVG/MathML a <script> holds markup; skip through its matching end tag (or to the end). */
function skipForeignElement(tokens: HtmlTokens, open: TagToken, length: number): number {
  if (open.selfClosing) return open.end;
  let depth = 1;
  for (let tok = tokens.next(true); tok !== null; tok = tokens.next(true)) {
    if (tok.kind === 'startTag' && tok.name === open.name && !tok.selfClosing) depth++;
    if (tok.kind === 'endTag' && tok.name === open.name && --depth === 0) return tok.end;
  }
  return length;
}
