// HTML inside feed text elements. Feeds that do not escape their HTML (`<description><p>…</p></description>`)
// and Atom type="xhtml" content arrive as XML elements; they are written back out as HTML so that
// summary/content is one HTML string whatever the document did.
import { XHTML_NS, type Scope } from './namespaces.ts';

/** Elements whose content is text or HTML: nested markup inside them is serialized back into the string. */
export const TEXT_CONTAINERS: ReadonlySet<string> = new Set([
  'atom:content', 'atom:info', 'atom:rights', 'atom:subtitle', 'atom:summary', 'atom:tagline', 'atom:title',
  'content:encoded', 'dc:description', 'dc:title', 'description', 'media:description', 'media:title', 'title',
]);

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** HTML void elements get no end tag: `<br/>` in XML must not become `<br></br>` (two breaks in HTML). */
export function isVoidElement(tag: string): boolean {
  return VOID_ELEMENTS.has(tag.toLowerCase());
}

/** The HTML start tag for an element met inside a text container, and the tag name to close it with. */
export function startTag(rawName: string, rawAttrs: Record<string, string>, scope: Scope): { tag: string; markup: string } {
  const colon = rawName.indexOf(':');
  // <xhtml:p> is just <p> in HTML.
  const tag = colon !== -1 && scope[rawName.slice(0, colon)] === XHTML_NS ? rawName.slice(colon + 1) : rawName;
  let markup = `<${tag}`;
  for (const key in rawAttrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    // Attribute values stay as sent (references included, which HTML reads the same way).
    const value = rawAttrs[key] ?? '';
    markup += ` ${key}="${value.includes('"') ? value.replaceAll('"', '&quot;') : value}"`;
  }
  return { tag, markup: `${markup}>` };
}

/**
 * An Atom text construct whose content is inline XHTML: type="xhtml" (RFC 4287 §3.1.1.3), or Atom 0.3's
 * type="application/xhtml+xml" in mode="xml" (the default mode).
 */
export function isXhtmlConstruct(name: string, attrs: Readonly<Record<string, string>>): boolean {
  if (!name.startsWith('atom:')) return false;
  const mode = (attrs['mode'] ?? 'xml').trim().toLowerCase();
  const type = (attrs['type'] ?? '').trim().toLowerCase();
  return mode === 'xml' && (type === 'xhtml' || type === 'application/xhtml+xml');
}
