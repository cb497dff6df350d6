// Plain text of extracted article HTML: one line per block, whitespace as a reader sees it.

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Collapses the whitespace of one line. A run that contains a line break and touches a CJK character or
 * CJK punctuation on either side is dropped: it is source indentation between inline elements
 * (`<span>对</span>\n  <span>383</span>`), not a space the writer typed (compare CSS Text 3 §4.1.3, which
 * drops segment breaks between wide characters). Every other run becomes one space.
 */
export function collapseWhitespace(line: string): string {
  return line
    .replace(/[\t\n\f\r \u00a0]+/g, (run, offset: number, whole: string) => {
      if (!/[\n\r]/.test(run)) return ' ';
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + run.length] ?? '';
      return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
    })
    .replace(/ +/g, ' ')
    .trim();
}

/** Text of a DOM subtree: each block element starts a new line; empty lines are dropped. */
export function elementText(root: Element): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = collapseWhitespace(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIPPED.has(el.tagName)) return;
    const block = BLOCKS.has(el.tagName);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}
