// Snippets: about 120 characters of the original text around the first match, HTML-escaped, with <mark>
// around every match inside the window. The pattern (pattern.ts) matches every spelling that folds to the
// query, so a simplified query highlights the reader's own 臺灣 and ＣＯＶＩＤ.

import { escapeHtml } from '../markup/escape.ts';

export const SNIPPET_CHARS = 120;
/** How much of the window comes before the first match. */
const LEAD_CHARS = 30;


/** Moves an index off the second half of a surrogate pair so a cut never splits a character. */
function safeCut(text: string, i: number): number {
  if (i > 0 && i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return i - 1;
  }
  return i;
}

/** Escapes text[start, end) and wraps each match of the (global) pattern in <mark>. */
function markRange(text: string, pattern: RegExp | null, start: number, end: number): string {
  if (pattern === null) return escapeHtml(text.slice(start, end));
  let out = '';
  let at = start;
  pattern.lastIndex = start;
  for (let m = pattern.exec(text); m !== null && m.index < end; m = pattern.exec(text)) {
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
  return markRange(text, pattern, 0, text.length);
}

/** About SNIPPET_CHARS characters around the first match (or the start of the text), escaped and marked. */
export function snippet(text: string, pattern: RegExp | null, width = SNIPPET_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim(); // one line
  let first = 0;
  if (pattern !== null) {
    pattern.lastIndex = 0;
    const m = pattern.exec(clean);
    if (m !== null) first = m.index;
  }
  let start = Math.max(0, first - LEAD_CHARS);
  const end = safeCut(clean, Math.min(clean.length, start + width));
  if (end - start < width) start = Math.max(0, end - width);
  start = safeCut(clean, start);
  const body = markRange(clean, pattern, start, end);
  return (start > 0 ? '…' : '') + body + (end < clean.length ? '…' : '');
}
