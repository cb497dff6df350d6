// Finds CSS that runs script in some browser. CSS has its own escapes (CSS Syntax Level 3 §4.3.7:
// `\65 xpression`, `java\script:`) and comments (`exp/**/ression(`), so both are resolved before the
// patterns in DANGEROUS_CSS are matched on the compact, lowercased text.
import { decodeHTMLAttribute } from 'entities';
import { DANGEROUS_CSS } from './dangerous.ts';

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffd]/g;

function unescapeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_m, hex: string) => {
      const cp = Number.parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    })
    .replace(/\\\r\n|\\[\n\r\f]/g, '')
    .replace(/\\([\s\S])/g, '$1');
}

/** The matched pattern's text (e.g. `expression(`) when the CSS is dangerous, else null. */
export function dangerousCss(css: string): string | null {
  // Comments can hide escapes and escapes can spell comment markers, so resolve twice.
  const text = unescapeCss(unescapeCss(css)).replace(INVISIBLE, '').toLowerCase();
  for (const re of DANGEROUS_CSS) {
    const m = re.exec(text);
    if (m !== null) return m[0];
  }
  return null;
}

/** A style attribute's value is decoded as an attribute value first. */
export function dangerousStyleAttribute(rawValue: string): string | null {
  return dangerousCss(decodeHTMLAttribute(rawValue));
}
