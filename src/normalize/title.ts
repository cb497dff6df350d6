// Plain-text titles. Feeds put HTML in titles (Atom type="html"), escape them twice, or write entities
// inside CDATA where they are not decoded by XML (`<![CDATA[的&quot;特殊&quot;关系]]>`): every title is
// read as HTML text — tags dropped, entities decoded once, whitespace collapsed.
import { decodeHTMLStrict } from 'entities';

// Tags that separate words; every other tag joins its neighbours (Chinese has no spaces to lose).
const BREAKING = /^(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|hr|section|article|header|footer)$/i;
const TAG = /<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>/g;

export function plainText(html: string): string {
  let text = html;
  if (text.includes('<')) text = text.replace(TAG, (_m: string, name: string | undefined) => (name !== undefined && BREAKING.test(name) ? ' ' : ''));
  if (text.includes('&')) text = decodeHTMLStrict(text);
  return text.replace(/\s+/g, ' ').trim();
}
