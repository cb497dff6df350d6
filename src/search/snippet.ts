// Snippets: about 120 characters of the original text around the first match, HTML-escaped, with <mark>
// around every match inside the window. Matching runs on fold(text), which has the same length as the text
// (see fold.ts), so the marks land on the reader's own characters: a simplified query highlights 臺灣.
import { fold } from './fold.ts';
import { runs, WORD_RUN } from './tokenize.ts';
import type { QueryTerm } from './types.ts';

export const SNIPPET_CHARS = 120;
/** How much of the window comes before the first match. */
const LEAD_CHARS = 30;

const latinLike = '(?:(?![\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}])[\\p{L}\\p{N}])';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * One regular expression finding any of the terms in folded text: a term's runs (words and CJK runs) in order
 * with any separators between them, and a word never matched inside a longer word (ai ≠ said).
 */
export function termPattern(terms: readonly QueryTerm[]): RegExp | null {
  const alternatives: string[] = [];
  for (const term of terms) {
    const parts = runs(term.folded);
    if (parts.length === 0) continue;
    const body = parts.map((r) => escapeRegExp(r.chars.join(''))).join('[^\\p{L}\\p{N}]*');
    const first = parts[0];
    const last = parts[parts.length - 1];
    const before = first !== undefined && first.kind === WORD_RUN ? `(?<!${latinLike})` : '';
    const after = last !== undefined && last.kind === WORD_RUN ? `(?!${latinLike})` : '';
    alternatives.push(before + body + after);
  }
  if (alternatives.length === 0) return null;
  // Longest first, so "习近平主席" wins over "习近平" where both match.
  alternatives.sort((a, b) => b.length - a.length);
  return new RegExp(alternatives.join('|'), 'gu');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Moves an index off the second half of a surrogate pair so a cut never splits a character. */
function safeCut(text: string, i: number): number {
  if (i > 0 && i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return i - 1;
  }
  return i;
}

/** Escapes text[start, end) and wraps each match of the pattern in <mark>. */
function markRange(text: string, folded: string, pattern: RegExp | null, start: number, end: number): string {
  if (pattern === null) return escapeHtml(text.slice(start, end));
  let out = '';
  let at = start;
  pattern.lastIndex = start;
  for (let m = pattern.exec(folded); m !== null && m.index < end; m = pattern.exec(folded)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const stop = Math.min(end, m.index + m[0].length);
    out += escapeHtml(text.slice(at, m.index)) + '<mark>' + escapeHtml(text.slice(m.index, stop)) + '</mark>';
    at = stop;
    pattern.lastIndex = stop;
  }
  return out + escapeHtml(text.slice(at, end));
}

/** The whole text (a title), escaped, with every match marked. */
export function highlightAll(text: string, pattern: RegExp | null): string {
  return markRange(text, fold(text), pattern, 0, text.length);
}

/** About SNIPPET_CHARS characters around the first match (or the start of the text), escaped and marked. */
export function snippet(text: string, pattern: RegExp | null, width = SNIPPET_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim(); // one line; \s+ → ' ' keeps fold offsets meaningful
  const folded = fold(clean);
  let first = 0;
  if (pattern !== null) {
    pattern.lastIndex = 0;
    const m = pattern.exec(folded);
    if (m !== null) first = m.index;
  }
  let start = Math.max(0, first - LEAD_CHARS);
  const end = safeCut(clean, Math.min(clean.length, start + width));
  if (end - start < width) start = Math.max(0, end - width);
  start = safeCut(clean, start);
  const body = markRange(clean, folded, pattern, start, end);
  return (start > 0 ? '…' : '') + body + (end < clean.length ? '…' : '');
}
