// Per-attribute decisions and the byte surgery that removes an attribute from a tag's source slice while
// leaving every other byte of the tag as written.
import { decodeHTMLAttribute } from 'entities';
import { dangerousStyleAttribute } from './css.ts';
import {
  ALWAYS_DANGEROUS_ATTRIBUTES,
  IMAGE_ONLY_URL_ATTRIBUTES,
  URL_ATTRIBUTES,
  URL_LIST_ATTRIBUTES,
} from './dangerous.ts';
import { isSpace } from './tokenizer.ts';
import type { Attr, TagToken } from './tokenizer.ts';
import { dangerousUrl, dangerousUrlList } from './url-scheme.ts';

/** Why the attribute must go (human-readable), or null when it stays. */
export function attributeDanger(tag: string, attr: Attr, endTag: boolean): string | null {
  const on = endTag ? `</${tag}>` : tag;
  const name = attr.name;
  const local = name.slice(name.lastIndexOf(':') + 1);
  if (name.includes('<')) return `malformed attribute ${name} on ${on}`;
  if (local.startsWith('on')) return `${name} attribute on ${on}`;
  if (ALWAYS_DANGEROUS_ATTRIBUTES.has(local)) return `${name} attribute on ${on}`;
  if (name === 'style') {
    const label = dangerousStyleAttribute(attr.rawValue);
    return label === null ? null : `${label} in style attribute on ${on}`;
  }
  if (local === 'attributename') {
    // SVG animation (<set attributeName="onload" to="…">) must not target event handlers or links.
    const target = decodeHTMLAttribute(attr.rawValue).trim().toLowerCase();
    const targetLocal = target.slice(target.lastIndexOf(':') + 1);
    if (targetLocal.startsWith('on') || targetLocal === 'href') return `attributeName=${target} on ${on}`;
    return null;
  }
  if (URL_ATTRIBUTES.has(local)) {
    const imageOnly = IMAGE_ONLY_URL_ATTRIBUTES.some(([t, a]) => t === tag && a === name);
    const label = URL_LIST_ATTRIBUTES.has(local)
      ? dangerousUrlList(attr.rawValue, imageOnly)
      : dangerousUrl(attr.rawValue, imageOnly);
    return label === null ? null : `${label} URL in ${on} ${name}`;
  }
  return null;
}

/**
 * The tag's source slice without the given attributes. Whitespace after a removed attribute goes with
 * it (`<a onclick=x title=y>` → `<a title=y>`); when the attribute is last, the whitespace before it
 * goes instead (`<img src=x onerror=y>` → `<img src=x>`). Nothing else is touched, so the remaining
 * attributes keep their quoting, order, case and entities.
 */
export function sliceWithout(html: string, tok: TagToken, drop: readonly Attr[]): string {
  if (drop.length === 0) return html.slice(tok.start, tok.end);
  let out = '';
  let pos = tok.start;
  for (const attr of [...drop].sort((a, b) => a.start - b.start)) {
    let s = attr.start;
    let e = attr.end;
    if (s < pos) continue;
    if (isSpace(html[e])) {
      while (isSpace(html[e])) e++;
    } else if (html[e] === '>' || e >= tok.end) {
      while (s > pos && isSpace(html[s - 1])) s--;
    }
    out += html.slice(pos, s);
    pos = e;
  }
  return out + html.slice(pos, tok.end);
}
