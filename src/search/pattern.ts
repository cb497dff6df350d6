// Finding a query term in an article's original text, for confirming candidates (the index has no
// positions, see schema.ts) and for highlighting. Instead of folding every candidate (about 40 µs for an
// article), each character of the folded term becomes the class of every character that folds to it
// (台 → [台臺檯颱], a → [aAáÁａＡ…]), and the regular expression runs on the original text (a few µs).
import { foldUnit16, prefill } from './fold.ts';
import { runs, WORD_RUN } from './tokenize.ts';
import type { QueryTerm } from './types.ts';

// Where characters that fold to something else live: Latin, Greek, Cyrillic, letterlike and enclosed
// alphanumerics, CJK symbols and kana, enclosed CJK, CJK ideographs and extension A, compatibility
// ideographs, full-width forms. A character elsewhere that folds to another one is not found by the
// confirmation (it is still found by the index): an accepted gap, since such characters are exotic.
const RANGES: [number, number][] = [
  [0x0020, 0x024f],
  [0x0370, 0x052f],
  [0x1e00, 0x1fff],
  [0x2100, 0x24ff],
  [0x3000, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff00, 0xffef],
];

let reverse: Map<number, number[]> | null = null;

/** Every code unit (in RANGES) whose fold is not itself, grouped by its fold. Built once, on first use. */
function variantsMap(): Map<number, number[]> {
  if (reverse === null) {
    reverse = new Map();
    for (const [lo, hi] of RANGES) {
      prefill(lo, hi);
      for (let c = lo; c <= hi; c++) {
        const f = foldUnit16(c);
        if (f === c) continue;
        let list = reverse.get(f);
        if (list === undefined) reverse.set(f, (list = []));
        list.push(c);
      }
    }
  }
  return reverse;
}

function escapeUnit(c: number): string {
  const ch = String.fromCharCode(c);
  return /[\\\]\[^$.*+?(){}|/-]/.test(ch) ? '\\' + ch : ch;
}

/** A regular expression source matching any character that folds to the same as `ch` (one code point). */
function charClass(ch: string): string {
  if (ch.length !== 1) return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'); // astral: as typed
  const c = ch.charCodeAt(0);
  const variants = variantsMap().get(c);
  if (variants === undefined) return escapeUnit(c);
  return '[' + [c, ...variants].map(escapeUnit).join('') + ']';
}

const latinLike = '(?:(?![\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}])[\\p{L}\\p{N}])';

/**
 * The source of a pattern for one term over original text: its runs (words, CJK runs) in order with any
 * separators between, and a word at either end never matched inside a longer word (ai ≠ said).
 */
export function termSource(term: QueryTerm): string | null {
  const parts = runs(term.folded);
  if (parts.length === 0) return null;
  const body = parts.map((r) => r.chars.map(charClass).join('')).join('[^\\p{L}\\p{N}]*');
  const first = parts[0];
  const last = parts[parts.length - 1];
  const before = first !== undefined && first.kind === WORD_RUN ? `(?<!${latinLike})` : '';
  const after = last !== undefined && last.kind === WORD_RUN ? `(?!${latinLike})` : '';
  return before + body + after;
}

/**
 * A GLOB pattern for a term that is one run of CJK characters (the usual Chinese query), so SQLite can
 * confirm candidates without handing each article's text to JavaScript (decoding 4.5 KB of UTF-8 into a
 * JS string costs ~20 µs; GLOB over it in SQLite, a few). null for other terms: GLOB cannot say "any
 * separators" or "word boundary", so those are confirmed with termRegExp.
 */
export function termGlob(term: QueryTerm): string | null {
  const parts = runs(term.folded);
  const only = parts[0];
  if (parts.length !== 1 || only === undefined || only.kind === WORD_RUN) return null;
  let out = '*';
  for (const ch of only.chars) {
    if (ch.length !== 1) {
      out += ch;
      continue;
    }
    const variants = variantsMap().get(ch.charCodeAt(0));
    out += variants === undefined ? ch : '[' + ch + String.fromCharCode(...variants) + ']';
  }
  return out + '*';
}

/** One term's pattern (no /g: for testing whether a text contains it). */
export function termRegExp(term: QueryTerm): RegExp | null {
  const source = termSource(term);
  return source === null ? null : new RegExp(source, 'u');
}

/** A global pattern matching any of the terms, longest first (so 习近平主席 wins over 习近平). */
export function anyTermRegExp(terms: readonly QueryTerm[]): RegExp | null {
  const sources = terms
    .map((t) => termSource(t))
    .filter((s): s is string => s !== null)
    .sort((a, b) => b.length - a.length);
  return sources.length === 0 ? null : new RegExp(sources.join('|'), 'gu');
}
