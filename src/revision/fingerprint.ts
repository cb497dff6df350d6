// Two versions of an article are "the same" when they differ only in ways a reader would not call an
// edit. The fingerprint is a sha256 of the content after these normalisations, applied in this order
// (each is a named entry of NORMALISATIONS and has its own test in fingerprint.test.ts):
//   1. rotating-footer: footers an intermediary appends and rotates are dropped (footers.ts);
//   2. urls: URL attributes lose their scheme, click-tracking parameters and image proxy wrapping, and are
//      re-quoted (urls.ts);
//   3. unicode: text is put in Unicode NFC, so a decomposed "à" equals the precomposed one;
//   4. whitespace: &nbsp;, U+00A0 and U+3000 count as spaces, runs of whitespace collapse to one space,
//      whitespace between two CJK characters is dropped (a line break there renders as nothing: CSS Text
//      Level 3 §4.1.3, segment break transformation, and Chinese does not separate words with spaces),
//      whitespace next to a tag is dropped (`文字 </p>`, `<div>\n  <p>`), and the ends are trimmed.
// The exact bytes are kept separately (sha256) so nothing is lost: a revision is stored with both.
//
// The cycle compares a stored revision's fingerprint with the new content's. If these rules change, the
// stored fingerprints must be recomputed from the stored content (of cleaned HTML, as import does), or
// every article seen again would look edited once.
import { createHash } from 'node:crypto';
import { stripRotatingFooters } from './footers.ts';
import { canonicalizeUrlsInHtml, type UrlOptions } from './urls.ts';

export type FingerprintOptions = UrlOptions;

/** A space between two CJK ideographs or CJK punctuation marks (fullwidth forms included). */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_SPACE = new RegExp(`(${CJK}) (?=${CJK})`, 'gu');

export interface Normalisation {
  name: 'rotating-footer' | 'urls' | 'unicode' | 'whitespace';
  apply: (html: string, options: FingerprintOptions) => string;
}

export const NORMALISATIONS: readonly Normalisation[] = [
  { name: 'rotating-footer', apply: (html) => stripRotatingFooters(html) },
  { name: 'urls', apply: (html, options) => canonicalizeUrlsInHtml(html, options) },
  { name: 'unicode', apply: (html) => html.normalize('NFC') },
  {
    name: 'whitespace',
    apply: (html) =>
      html
        .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
        .replace(/[\s\u00a0\u3000]+/g, ' ')
        .replace(CJK_SPACE, '$1')
        .replace(/ ?(<[^<>]*>) ?/g, '$1')
        .trim(),
  },
];

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function normalizeForFingerprint(html: string, options: FingerprintOptions = {}): string {
  return NORMALISATIONS.reduce((current, step) => step.apply(current, options), html);
}

export function fingerprint(html: string, options: FingerprintOptions = {}): string {
  return sha256(normalizeForFingerprint(html, options));
}
