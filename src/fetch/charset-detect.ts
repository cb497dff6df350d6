// Statistical detection for undeclared legacy encodings beyond the GB/Big5 pair charset-score.ts tells
// apart: EUC-JP, Shift_JIS, EUC-KR, KOI8-R, windows-1255, TIS-620 and the other single-byte code pages.
// jschardet (a port of Python's chardet 7) is loaded on first use: it takes about 200 ms to import and
// only documents that declare nothing and are not UTF-8 ever need it.
import { createRequire } from 'node:module';
import { canonicalEncoding } from './charset-labels.ts';

type Detect = (bytes: Uint8Array, options?: { maxBytes?: number }) => { encoding: string | null; confidence: number };

let detect: Detect | null = null;

/** How many bytes the detector reads: enough for a verdict, bounded so a large body costs no more. */
export const DETECT_BYTES = 64 * 1024;

export interface Detected {
  /** Canonical encoding (charset-labels.ts). */
  encoding: string;
  /** The detector's confidence, 0–1. */
  confidence: number;
}

/** The detector's verdict on the head of the bytes, or null when it has none we can decode with. */
export function detectEncoding(bytes: Uint8Array): Detected | null {
  detect ??= (createRequire(import.meta.url)('jschardet') as { detect: Detect }).detect;
  const head = bytes.subarray(0, DETECT_BYTES);
  const verdict = detect(head, { maxBytes: DETECT_BYTES });
  if (verdict.encoding === null) return null;
  const encoding = canonicalEncoding(verdict.encoding);
  return encoding === null ? null : { encoding, confidence: verdict.confidence };
}
