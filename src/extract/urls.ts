// Making the article's URLs stand on their own: absolute against the page, without tracking parameters.
import { parseSrcset } from '../markup/srcset.ts';
import { stripTrackingParams } from './tracking.ts';

/** Attributes that hold one URL. */
const URL_ATTRIBUTES: readonly (readonly [selector: string, attribute: string])[] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['audio[src]', 'src'],
  ['embed[src]', 'src'],
  ['iframe[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['track[src]', 'src'],
  ['video[poster]', 'poster'],
  ['video[src]', 'src'],
];

function resolve(value: string, base: string): string | null {
  const v = value.trim();
  if (v === '' || v.startsWith('#')) return null; // in-page anchors stay as written
  if (/^(?:data|mailto|tel):/i.test(v)) return null;
  try {
    return new URL(v, base).href;
  } catch {
    return null;
  }
}

/**
 * Rewrites every URL under `root` to an absolute one (WHATWG URL resolution against `base`), removes
 * tracking parameters from links, and unwraps `javascript:` links (their text stays). Returns warnings.
 */
export function absolutizeUrls(root: Element, base: string): string[] {
  const warnings: string[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    if (/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) a.replaceWith(...Array.from(a.childNodes));
  }
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const value = el.getAttribute(attribute) ?? '';
      const abs = resolve(value, base);
      if (abs === null) {
        if (value.trim() !== '' && !/^\s*(?:#|data:|mailto:|tel:)/i.test(value)) {
          warnings.push(`extract: cannot resolve ${attribute}="${value.slice(0, 200)}" against ${base}`);
        }
        continue;
      }
      const next = attribute === 'href' ? stripTrackingParams(abs) : abs;
      if (next !== value) el.setAttribute(attribute, next);
    }
  }
  for (const el of Array.from(root.querySelectorAll('img[srcset], source[srcset]'))) {
    const value = el.getAttribute('srcset') ?? '';
    let out = '';
    let last = 0;
    for (const c of parseSrcset(value)) {
      out += value.slice(last, c.start) + (resolve(c.url, base) ?? c.url);
      last = c.end;
    }
    out += value.slice(last);
    if (out !== value) el.setAttribute('srcset', out);
  }
  return warnings;
}
