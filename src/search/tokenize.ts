// Turns folded text into the tokens the FTS5 index stores, and a folded query term into the phrase that finds it.
//
// Chinese has no spaces, and most queries are two characters (香港, 台湾, 疫苗), which a trigram index cannot
// answer. So a run of CJK characters becomes its overlapping bigrams (习近平 → 习近 近平), and a query of n ≥ 2
// characters becomes the FTS5 phrase of its n−1 bigrams: consecutive bigrams at consecutive positions are
// exactly the substring, so matches are exact without re-reading the article. Letters and digits of
// space-separated scripts form words (covid-19 → covid 19). Where a CJK run touches a word with no separator
// (2023年, iPhone手机), the CJK character at that edge is also emitted on its own, so a query that ends or
// starts at that edge (3月, X光) still lines up; in ordinary prose this adds almost nothing to the index.
// Tokens contain only letters and digits, so the unicode61 tokenizer keeps each of them whole.

const Separator = 0;
const Word = 1;
/** The kind of a run of letters/digits from space-separated scripts (as opposed to a CJK run). */
export const WORD_RUN = Word;
const Cjk = 2;
type Kind = typeof Separator | typeof Word | typeof Cjk;

const cjk = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3005\u3006\u30fc]/u;
const word = /[\p{L}\p{N}]/u;

const kinds = new Uint8Array(0x10000);
const known = new Uint8Array(0x10000);

function classify(ch: string): Kind {
  if (cjk.test(ch)) return Cjk;
  if (word.test(ch)) return Word;
  return Separator;
}

/** The width (1 or 2 UTF-16 units) of the character kindAt read last. */
let widthAt = 1;

/** The kind of the character at `i`, and its width in widthAt (no tuple per character: this is the hot loop). */
function kindAt(text: string, i: number): Kind {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    widthAt = 2;
    return classify(String.fromCodePoint(text.codePointAt(i) as number));
  }
  widthAt = 1;
  if (known[c] === 0) {
    kinds[c] = classify(String.fromCharCode(c));
    known[c] = 1;
  }
  return kinds[c] as Kind;
}

/** A maximal run of one kind: [start, end) in UTF-16 units, with its characters (code points). */
export interface Run {
  kind: typeof Word | typeof Cjk;
  start: number;
  end: number;
  chars: string[];
}

/** Splits folded text into word runs and CJK runs; separators (punctuation, spaces, symbols) are dropped. */
export function runs(text: string): Run[] {
  const out: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < text.length; ) {
    const kind = kindAt(text, i);
    const width = widthAt;
    if (kind === Separator) {
      current = null;
    } else {
      if (current === null || current.kind !== kind) {
        current = { kind, start: i, end: i, chars: [] };
        out.push(current);
      }
      current.chars.push(text.slice(i, i + width));
      current.end = i + width;
    }
    i += width;
  }
  return out;
}

/**
 * Tokens for folded text, in order. With `edges` false (a query term), the first and last runs of the term are
 * treated as open-ended: the article may continue the same run beyond them, so no edge unigram is emitted there.
 */
export function tokens(folded: string, edges = true): string[] {
  const out: string[] = [];
  walkTokens(folded, edges, (start, end) => out.push(folded.slice(start, end)));
  return out;
}

/**
 * The runs are read in one pass over the string, and each token is handed on as [start, end) of `folded`, a CJK
 * bigram included (its two characters are adjacent). Building the Run list first (a string and an array slot per
 * character) and then a string per token was most of the cost of indexing an article (issue 15). The tokens are
 * those of the Run-based definition (tokenize.test.ts compares the two).
 */
function walkTokens(folded: string, edges: boolean, emit: (start: number, end: number) => void): void {
  const n = folded.length;
  // Where each character of the current CJK run starts (UTF-16 offsets), reused from run to run.
  const starts: number[] = [];
  let previousEnd = -1; // where the last run ended
  let first = true; // no run before the current one
  let i = 0;
  while (i < n) {
    const kind = kindAt(folded, i);
    if (kind === Separator) {
      i += widthAt;
      continue;
    }
    const start = i;
    starts.length = 0;
    while (i < n) {
      if (kindAt(folded, i) !== kind) break;
      starts.push(i);
      i += widthAt;
    }
    const end = i;
    if (kind === Word) {
      emit(start, end);
    } else {
      // A run is maximal, so the next run touches this one exactly when the character after it is not a separator.
      const next = end < n && kindAt(folded, end) !== Separator;
      const leading = previousEnd === start && (edges || !first);
      const trailing = next && (edges || end < n);
      const count = starts.length;
      if (count === 1) {
        emit(start, end);
      } else {
        if (leading) emit(start, starts[1] as number);
        for (let c = 0; c + 1 < count; c++) emit(starts[c] as number, c + 2 < count ? (starts[c + 2] as number) : end);
        if (trailing) emit(starts[count - 1] as number, end);
      }
    }
    previousEnd = end;
    first = false;
  }
}

// indexText writes the token string into one reused buffer of UTF-16 units. Each character is in at most two
// tokens, and there are at most two tokens per character, each with at most one space: 4 × length units suffice.
let units = new Uint16Array(1 << 16);

/** The token string stored in the index: tokens joined by spaces (tokens(folded, true).join(' ')). */
export function indexText(folded: string): string {
  if (units.length < 4 * folded.length) units = new Uint16Array(4 * folded.length);
  const buffer = units;
  let length = 0;
  walkTokens(folded, true, (start, end) => {
    if (length > 0) buffer[length++] = 0x20;
    for (let k = start; k < end; k++) buffer[length++] = folded.charCodeAt(k);
  });
  return Buffer.from(buffer.buffer, buffer.byteOffset, length * 2).toString('utf16le');
}

/** True when the folded term is nothing but one CJK character (answerable only by a costly prefix scan). */
export function isSingleCjkCharacter(folded: string): boolean {
  const list = runs(folded);
  return list.length === 1 && list[0]?.kind === Cjk && list[0].chars.length === 1;
}

export function isCjk(ch: string): boolean {
  return cjk.test(ch);
}
