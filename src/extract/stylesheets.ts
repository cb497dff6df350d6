// Emptying <style> elements before jsdom parses the page. jsdom builds a CSSOM for every stylesheet, which
// is a third of the parse time on a large news page (BBC 中文: ~250 of ~700 ms), and nothing here reads CSS:
// Readability looks at inline `style` attributes only, and kept markup loses its styles anyway.
import { Parser } from 'htmlparser2';

export function emptyStyleElements(html: string): string {
  const ranges: [number, number][] = [];
  let contentStart = -1;
  const parser: Parser = new Parser({
    onopentag(name) {
      if (name === 'style') contentStart = parser.endIndex + 1;
    },
    onclosetag(name) {
      // htmlparser2 treats <style> content as raw text, as browsers do, so the next </style> ends it.
      if (name === 'style' && contentStart !== -1) {
        if (parser.startIndex > contentStart) ranges.push([contentStart, parser.startIndex]);
        contentStart = -1;
      }
    },
  });
  parser.write(html);
  parser.end();
  if (ranges.length === 0) return html;
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += html.slice(last, start);
    last = end;
  }
  return out + html.slice(last);
}
