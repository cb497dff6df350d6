// Text decoding for the tolerant XML reader. The tokenizer runs with entity decoding off so that every
// problem can be seen and reported here: XML defines only five named entities (XML 1.0 §4.6), but feeds
// written by HTML templates use &nbsp; &mdash; … and leave `&` unescaped in URLs.
import { decodeHTMLStrict, replaceCodePoint } from 'entities/decode';
import type { Warnings } from './warnings.ts';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*)?(;)?/g;
// Characters XML 1.0 §2.2 forbids, plus a byte order mark, which only belongs at the very start.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFEFF\uFFFE\uFFFF]/;
const FORBIDDEN_ALL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFEFF\uFFFE\uFFFF]/g;

/** Removes characters XML forbids (control characters, a stray BOM), with a warning. */
export function scrubText(text: string, warnings: Warnings): string {
  if (!FORBIDDEN.test(text)) return text;
  if (text.includes('\uFEFF')) warnings.add('parse: byte order mark inside the document removed');
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(text)) {
    warnings.add('parse: control characters not allowed in XML removed');
  }
  return text.replace(FORBIDDEN_ALL, '');
}

function fromCodePoint(ref: string, warnings: Warnings): string {
  const cp = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
  const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff));
  if (!allowed) {
    warnings.add(`parse: invalid character reference &${ref}; dropped`);
    return '';
  }
  // Windows-1252 numbers in the C1 range (&#150; for an en dash) mean what HTML says they mean.
  const mapped = replaceCodePoint(cp);
  if (mapped !== cp) warnings.add(`parse: character reference &${ref}; read as Windows-1252`);
  return String.fromCodePoint(mapped);
}

/**
 * Decodes the references in XML character data. The five XML entities and numeric references decode as
 * XML says; HTML named entities decode with a warning (they are undefined in XML); an `&` that starts no
 * reference stays a literal `&` with a warning; an unknown entity stays as written with a warning.
 */
export function decodeXmlText(raw: string, warnings: Warnings): string {
  const text = scrubText(raw, warnings);
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match: string, ref: string | undefined, semicolon: string | undefined) => {
    if (ref === undefined) {
      warnings.add("parse: unescaped '&' kept as text");
      return '&';
    }
    if (ref[0] === '#') {
      if (semicolon === undefined) warnings.add(`parse: character reference &${ref} without ';'`);
      return fromCodePoint(ref, warnings);
    }
    if (semicolon === undefined) {
      // `&id=3` in a query string: the `&` was meant literally.
      warnings.add("parse: unescaped '&' kept as text");
      return match;
    }
    const xml = XML_ENTITIES[ref];
    if (xml !== undefined) return xml;
    const html = decodeHTMLStrict(match);
    if (html !== match) {
      warnings.add(`parse: entity &${ref}; is not defined in XML, decoded as HTML`);
      return html;
    }
    warnings.add(`parse: unknown entity &${ref}; kept as text`);
    return match;
  });
}
