// Folding: one canonical form for text and queries, so 習近平 finds 习近平, ＣＯＶＩＤ finds covid, café finds cafe.
//
// The fold works one UTF-16 code unit at a time and never changes the length of the string. Two reasons:
//  1. It is a homomorphism: fold(a + b) = fold(a) + fold(b). Whatever substring a user types, its fold is a
//     substring of the folded article. OpenCC's phrase-level conversion is not (乾隆 stays 乾隆 but 乾 alone
//     becomes 干), so a query of one character could miss the same character inside a converted phrase.
//  2. Offsets in the folded text are offsets in the original, so snippets highlight the reader's own
//     characters (traditional stays traditional) without an offset map.
// Per character: NFKC (full-width → half-width, compatibility ideographs → unified), Latin diacritics
// dropped (NFD minus combining marks), lower case, then OpenCC traditional → simplified (Hong Kong and
// Taiwan variants both: 臺/台 → 台, 著 → 着). A character whose fold is not exactly one UTF-16 unit
// (㍿ → 株式会社, ß → ss under some locales) keeps its lower-case self: rare, and consistent between index and
// query, which is all that matching needs. Characters outside the BMP (CJK extension B…) are left as they are.
// OpenCC's per-character answers come from a generated table (simplified-table.ts, kept in step with opencc-js
// by fold.test.ts): building OpenCC's converters and running them over the CJK blocks cost every cold search
// about half a second of CPU.
import { SIMPLIFIED_PAIRS } from './simplified-table.ts';

/** simplifiedOf[c] is OpenCC's simplified form of code unit c when that is one other code unit, else 0. */
const simplifiedOf = new Uint16Array(0x10000);
for (let i = 0; i + 1 < SIMPLIFIED_PAIRS.length; i += 2) {
  simplifiedOf[SIMPLIFIED_PAIRS.charCodeAt(i)] = SIMPLIFIED_PAIRS.charCodeAt(i + 1);
}

/** Lazily filled: table[c] is the fold of code unit c, or 0 when not yet computed. */
const table = new Uint16Array(0x10000);

const combiningMark = /\p{M}/gu;

/** Everything but the traditional → simplified step, for one code unit: NFKC, Latin diacritics, lower case. */
function preFold(c: number): string {
  const ch = String.fromCharCode(c);
  let out = ch.normalize('NFKC');
  if (out.length !== 1) out = ch;
  // Strip diacritics only when what remains is a single base letter (é → e); never touch kana voicing marks.
  const decomposed = out.normalize('NFD');
  if (decomposed.length > 1 && /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u.test(decomposed)) {
    const base = decomposed.replace(combiningMark, '');
    if (base.length === 1) out = base;
  }
  const lower = out.toLowerCase();
  return lower.length === 1 ? lower : out;
}

function foldUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c; // half of a surrogate pair: leave astral characters alone
  const pre = preFold(c).charCodeAt(0);
  return simplifiedOf[pre] || pre;
}

function unit(c: number): number {
  let f = table[c] as number;
  if (f === 0 && c !== 0) {
    f = foldUnit(c);
    table[c] = f;
  }
  return f;
}

// ASCII is by far the most common non-CJK input: fill it eagerly so the hot loop rarely normalizes.
for (let c = 1; c < 0x80; c++) unit(c);

/** Folds text for matching. Same length as the input; position i of the result comes from position i of the input. */
export function fold(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = unit(text.charCodeAt(i));
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
}

/** Fills the fold table for code units lo..hi at once (pattern.ts needs every fold of a range). */
export function prefill(lo: number, hi: number): void {
  for (let c = Math.max(lo, 1); c <= hi; c++) unit(c);
}

/** The fold of one UTF-16 code unit (see fold). */
export function foldUnit16(c: number): number {
  return unit(c);
}
