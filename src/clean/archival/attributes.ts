// Per-attribute decisions: which attributes must go. The HTML editor (markup/html-editor.ts dropAttributes)
// removes them and leaves every other byte of the tag as written.
import { decodeHTMLAttribute } from 'entities';
import { dangerousStyleAttribute } from './css.ts';
import {
  ALWAYS_DANGEROUS_ATTRIBUTES,
  IMAGE_ONLY_URL_ATTRIBUTES,
  URL_ATTRIBUTES,
  URL_LIST_ATTRIBUTES,
} from './dangerous.ts';
import type { Attr } from '../../markup/html-editor.ts';
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
