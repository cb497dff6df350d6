// Where a document says what encoding it is in: the HTTP header, a byte order mark, or the document
// itself (XML declaration, HTML <meta>). Each finder returns the raw label; charset.ts decides precedence.

/**
 * The charset parameter of a Content-Type header (RFC 9110 §8.3.1), unquoted, or null. RFC 9110 quotes
 * with double quotes only, but servers also send `charset='gb2312'` (and an unclosed `"gbk`); no label
 * contains a quote character, so stray quotes of either kind are taken off rather than the label rejected.
 */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]*))/i.exec(contentType);
  const value = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').replace(/^["']+|["']+$/g, '').trim();
  return value === '' ? null : value;
}

export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** A Unicode byte order mark at the start of the bytes. */
export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export interface DocumentDeclaration {
  label: string;
  source: 'xml declaration' | 'html meta';
}

// Declarations live at the top; WHATWG's HTML prescan reads 1024 bytes, we allow more because feeds
// and old pages put long comments before <meta>.
const PRESCAN_BYTES = 4096;

/**
 * The encoding the document declares about itself: `<?xml … encoding="…"?>` (XML 1.0 §4.3.3) for XML,
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` for HTML.
 * Without a kind, the XML declaration is tried, then <meta> if the document is not XML. The prefix is read as Latin-1, which is safe because every
 * encoding we can detect this way is ASCII-compatible in the declaration's characters.
 */
export function declaredInDocument(bytes: Uint8Array, kind?: 'xml' | 'html' | 'json' | 'text'): DocumentDeclaration | null {
  if (kind === 'json' || kind === 'text') return null;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  if (kind !== 'html') {
    // Leading whitespace before the declaration is technically an error, but feeds do it (ruanyifeng).
    const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head);
    if (xml?.[1]) return { label: xml[1], source: 'xml declaration' };
  }
  // An XML feed's CDATA may quote HTML with its own <meta charset>; that says nothing about the feed.
  if (kind === 'html' || (kind === undefined && !/^\s*<\?xml/.test(head))) {
    const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
    if (meta?.[1]) return { label: meta[1], source: 'html meta' };
  }
  return null;
}
