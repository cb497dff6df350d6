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
import OpenCC from 'opencc-js';

const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Lazily filled: table[c] is the fold of code unit c, or 0 when not yet computed. */
const table = new Uint16Array(0x10000);

const combiningMark = /\p{M}/gu;

/** Everything but the OpenCC step, for one code unit: NFKC, Latin diacritics, lower case. */
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

function toSimplified(s: string): string {
  return fromTaiwan(fromHongKong(s));
}

function foldUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c; // half of a surrogate pair: leave astral characters alone
  const pre = preFold(c);
  const simplified = toSimplified(pre);
  return (simplified.length === 1 ? simplified : pre).charCodeAt(0);
}

function unit(c: number): number {
  let f = table[c] as number;
  if (f === 0 && c !== 0) {
    f = foldUnit(c);
    table[c] = f;
  }
  return f;
}

// ASCII is by far the most common non-CJK input: fill it eagerly so the hot loop rarely calls OpenCC.
for (let c = 1; c < 0x80; c++) unit(c);

/** Folds text for matching. Same length as the input; position i of the result comes from position i of the input. */
export function fold(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = unit(text.charCodeAt(i));
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
}

/**
 * Fills the fold table for code units lo..hi at once: one OpenCC call over the whole range (characters
 * separated by newlines, so no phrase can span two of them) instead of one call per character, which is
 * about 30 times faster for the CJK block.
 */
export function prefill(lo: number, hi: number): void {
  const codes: number[] = [];
  const pres: string[] = [];
  for (let c = Math.max(lo, 0x20); c <= hi; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || table[c] !== 0) continue;
    const pre = preFold(c);
    if (pre === '\n' || pre === '\r') continue;
    codes.push(c);
    pres.push(pre);
  }
  if (codes.length === 0) return;
  const converted = toSimplified(pres.join('\n')).split('\n');
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    const pre = pres[i] as string;
    const out = converted.length === codes.length ? (converted[i] as string) : toSimplified(pre);
    table[c] = (out.length === 1 ? out : pre).charCodeAt(0);
  }
}

/** The fold of one UTF-16 code unit (see fold). */
export function foldUnit16(c: number): number {
  return unit(c);
}
