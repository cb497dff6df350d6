// Two versions of an article are "the same" when they differ only in ways a reader would not call an
// edit. The fingerprint is a hash of the content after these normalisations:
//   1. runs of whitespace (including &nbsp; and U+3000 used as spacing) collapse to one space;
//   2. whitespace between tags is dropped.
// The exact bytes are kept separately (sha256) so nothing is lost.
import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function normalizeForFingerprint(html: string): string {
  return html
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/>\s+</g, '><')
    .trim();
}

export function fingerprint(html: string): string {
  return sha256(normalizeForFingerprint(html));
}
