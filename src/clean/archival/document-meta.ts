// Elements that change how the rest of the document is decoded or where it points. Archival HTML is
// opened on its own too (a downloaded file, a raw view, a host that serves it without a charset), and
// there a `<meta charset>` is obeyed: HTML §13.2.3.2 (prescan) and §13.2.3.4 (changing the encoding
// while parsing). A charset such as ISO-2022-JP makes later escape sequences (ESC $ B) switch the
// decoder to two-byte mode, which swallows a quote, so attribute text the cleaner saw as a value becomes
// a live event handler. `http-equiv` is a pragma (content-type, refresh, set-cookie,
// content-security-policy, default-style…), none of which article text needs. `<base>` is removed as a
// tag-only element (dangerous.ts). `meta` is a breakout tag in SVG and MathML (it ends foreign content),
// so a `<meta>` written inside `<svg>` is an HTML meta: the check does not depend on the namespace.
import { decodeHTMLAttribute } from 'entities';
import type { Attr } from '../../markup/html-editor.ts';

/** Attributes that make a meta element a charset declaration or a pragma, by (lowercased) name. */
export const DOCUMENT_META_ATTRIBUTES: ReadonlySet<string> = new Set(['charset', 'http-equiv']);

/**
 * Why this meta element must go, or null for an inert one (`<meta itemprop=… content=…>`, microdata in
 * article bodies). A `content` naming a charset without `http-equiv` is ignored by the spec's algorithm
 * ("need pragma") but goes too: some parser may not require the pragma, and no article needs it.
 */
export function documentMetaDanger(attrs: readonly Pick<Attr, 'name' | 'rawValue'>[]): string | null {
  for (const attr of attrs) {
    if (attr.name === 'charset') return 'meta charset';
    if (attr.name === 'http-equiv') return 'meta http-equiv';
  }
  const content = attrs.find((a) => a.name === 'content');
  if (content !== undefined && /charset/i.test(decodeHTMLAttribute(content.rawValue))) return 'meta content with a charset';
  return null;
}
