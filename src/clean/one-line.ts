// The one-line policy of the Markdown archive: the article body sits on one line because GitHub (and
// CommonMark, §4.6 HTML blocks) ends an HTML block at a blank line. Every newline (CRLF, CR or LF)
// becomes one space, so two words never glue together, except where newlines are content: inside
// <pre>, <listing> and <textarea> each becomes `&#10;`, which parses back to the same LF (the parser
// even drops it right after the start tag, just as it drops a literal LF there).
import { ForeignTracker } from './archival/foreign.ts';
import { RAWTEXT_ELEMENTS, RCDATA_ELEMENTS } from './archival/dangerous.ts';
import { HtmlTokens } from '../markup/html-editor.ts';

const NEWLINE = /\r\n|\r|\n/g;
const PRE_LIKE = new Set(['listing', 'pre']);

const asSpaces = (s: string): string => s.replace(NEWLINE, ' ');
const asReferences = (s: string): string => s.replace(NEWLINE, '&#10;');

export function toOneLine(html: string): string {
  if (!/[\r\n]/.test(html)) return html;
  const out: string[] = [];
  const tree = new ForeignTracker('track');
  let preDepth = 0;
  const tokens = new HtmlTokens(html);
  for (let tok = tokens.next(tree.cdataAllowed()); tok !== null; tok = tokens.next(tree.cdataAllowed())) {
    const slice = html.slice(tok.start, tok.end);
    if (tok.kind === 'text') {
      out.push(preDepth > 0 ? asReferences(slice) : asSpaces(slice));
      continue;
    }
    out.push(asSpaces(slice));
    if (tok.kind === 'endTag' && tok.terminated) {
      if (PRE_LIKE.has(tok.name) && preDepth > 0) preDepth--;
      tree.popEnd(tok.name);
    }
    if (tok.kind !== 'startTag' || !tok.terminated) continue;
    const asHtml = tree.startTagIsHtml(tok.name, tok.attrs);
    const rcdata = RCDATA_ELEMENTS.has(tok.name);
    const raw = RAWTEXT_ELEMENTS.has(tok.name) || rcdata || tok.name === 'noscript';
    if (asHtml && (raw || tok.name === 'script' || tok.name === 'plaintext')) {
      const model = tok.name === 'script' ? 'script' : tok.name === 'plaintext' ? 'plaintext' : rcdata ? 'rcdata' : 'rawtext';
      const end = tokens.content(model, tok.name);
      const content = html.slice(tok.end, end);
      out.push(tok.name === 'textarea' ? asReferences(content) : asSpaces(content));
      continue;
    }
    if (asHtml && PRE_LIKE.has(tok.name)) preDepth++;
    tree.pushStart(tok.name, tok.attrs, tok.selfClosing, asHtml);
  }
  return out.join('');
}
