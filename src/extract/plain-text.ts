// The last resort when the page cannot be read as a DOM at all (jsdom or Readability throws even without
// inline styles): the page's visible text, block by block, read with the streaming tokenizer, which does not
// throw on any input. No boilerplate is removed and no markup kept but paragraphs: the archive still gets the
// page's text, with a warning, instead of only the feed's summary.
import { Parser } from 'htmlparser2';
import { collapseWhitespace } from './text.ts';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'iframe', 'video', 'audio', 'canvas', 'select', 'button']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th',
  'tr', 'ul',
]);
// Elements that never close or hold content: a start tag of these must not count as entering a skipped region.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The visible text of a page, one line per block; page chrome (nav, footer) is not told apart from the article. */
export function plainTextLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  const skipping: string[] = [];
  const flush = (): void => {
    const line = collapseWhitespace(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name) && !VOID.has(name)) skipping.push(name);
        else if (BLOCKS.has(name)) flush();
      },
      onclosetag(name) {
        if (skipping.length > 0 && skipping[skipping.length - 1] === name) skipping.pop();
        else if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (skipping.length === 0) current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines;
}

const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The lines as article HTML: one <p> each. */
export function linesToHtml(lines: readonly string[]): string {
  return lines.map((line) => `<p>${escapeText(line)}</p>`).join('\n');
}
