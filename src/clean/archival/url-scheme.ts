// Decides whether an attribute's URL would run script or open a document with script when a browser
// follows it. The value is read the way a browser reads it: character references decoded as in an
// attribute value (13.2.5.72), then — per the WHATWG URL parser — leading/trailing C0 controls and spaces
// ignored and tabs/newlines removed anywhere. To err on the side of removing, every control character,
// space, soft hyphen, zero-width character and U+FFFD is dropped before the scheme is read (old browsers
// ignored some of them: `jav&#0;ascript:`), and the scheme is compared case-insensitively.
import { decodeHTMLAttribute } from 'entities';
import { INERT_DATA_TYPES, SCRIPT_SCHEMES } from './dangerous.ts';

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff0-\ufffd]/g;

const compact = (s: string): string => s.replace(INVISIBLE, '').toLowerCase();

/**
 * Returns a short label such as `javascript:` or `data:text/html` when the URL is dangerous, else null.
 * `imageOnly`: the attribute can only ever load an image (img src/srcset), where SVG runs no script.
 */
export function dangerousUrl(rawValue: string, imageOnly: boolean): string | null {
  return classify(compact(decodeHTMLAttribute(rawValue)), imageOnly);
}

/** For attributes holding several URLs (srcset, ping, SVG animation `values`): any bad entry counts. */
export function dangerousUrlList(rawValue: string, imageOnly: boolean): string | null {
  const value = compact(decodeHTMLAttribute(rawValue));
  for (const scheme of SCRIPT_SCHEMES) if (value.includes(scheme + ':')) return scheme + ':';
  for (const part of value.split(/[,;]/)) {
    const label = classify(part, imageOnly);
    if (label !== null) return label;
  }
  return null;
}

function classify(url: string, imageOnly: boolean): string | null {
  const m = /^([a-z][a-z0-9+.-]*):/.exec(url);
  if (m === null) return null;
  const scheme = m[1] as string;
  if (SCRIPT_SCHEMES.includes(scheme)) return scheme + ':';
  if (scheme !== 'data') return null;
  const type = (/^data:([^;,]*)/.exec(url)?.[1] ?? '').trim();
  if (INERT_DATA_TYPES.some((re) => re.test(type))) return null;
  if (imageOnly && type === 'image/svg+xml') return null;
  return 'data:' + (type === '' ? 'text/plain' : type);
}
