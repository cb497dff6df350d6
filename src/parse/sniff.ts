// What kind of document the first characters announce, before any parser is chosen.

export type Sniffed = 'empty' | 'json' | 'markup' | 'text';

/** Skips a BOM and whitespace (XML 1.0 S, plus the BOM some servers repeat). */
export function firstSignificant(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff) i++;
    else break;
  }
  return i;
}

/**
 * @param head the start of the document (enough to reach its first significant character)
 * @param complete whether `head` is the whole document (only then can it be called empty)
 */
export function sniff(head: string, complete: boolean): Sniffed | null {
  const i = firstSignificant(head);
  if (i === head.length) return complete ? 'empty' : null;
  const c = head[i];
  if (c === '{' || c === '[') return 'json';
  if (c === '<') return 'markup';
  // Garbage before the prolog: still markup if a tag follows soon; the reader warns about the text.
  const lt = head.indexOf('<', i);
  if (lt !== -1 && lt - i < 1024) return 'markup';
  return complete || head.length - i >= 1024 ? 'text' : null;
}
