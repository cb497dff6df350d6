// What changed between two revisions, as a reader sees it: a character-level diff of their plain text
// (markup changes that leave the text alone are not edits to a reader), insertions in <ins>, deletions in
// <del>, long unchanged stretches shortened to their ends. src/revision is to provide diffRevisions; until
// it does, this uses the diff package's diffChars directly.
//
// Bounded cost: Myers' diff is O(N·D); two unrelated revisions of a long article would make D large, so the
// diff gives up after DIFF_TIMEOUT_MS and the page says the revisions differ too much to show.
import { diffChars } from 'diff';
import { htmlToText } from '../search/index.ts';
import { h, type SafeHtml } from './safe-html.ts';

export const DIFF_TIMEOUT_MS = 250;
/** Characters of unchanged text kept on each side of a change. */
const CONTEXT = 60;

function shorten(text: string, position: 'first' | 'middle' | 'last'): string {
  const chars = [...text];
  const keepBefore = position === 'first' ? 0 : CONTEXT;
  const keepAfter = position === 'last' ? 0 : CONTEXT;
  if (chars.length <= keepBefore + keepAfter + 10) return text;
  return chars.slice(0, keepBefore).join('') + ' … ' + chars.slice(chars.length - keepAfter).join('');
}

export interface RevisionDiff {
  html: SafeHtml;
  changed: boolean;
}

/** The diff of two revisions' HTML, or null when it could not be computed within the time budget. */
export function diffRevisionText(beforeHtml: string, afterHtml: string): RevisionDiff | null {
  const before = htmlToText(beforeHtml);
  const after = htmlToText(afterHtml);
  if (before === after) return { html: h`<p class="meta">正文文字相同（仅格式或标记不同）。</p>`, changed: false };
  const changes = diffChars(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (changes === undefined) return null;
  const parts = changes.map((change, i) => {
    if (change.added) return h`<ins>${change.value}</ins>`;
    if (change.removed) return h`<del>${change.value}</del>`;
    const position = i === 0 ? 'first' : i === changes.length - 1 ? 'last' : 'middle';
    return h`${shorten(change.value, position)}`;
  });
  return { html: h`<div class="diff">${parts}</div>`, changed: true };
}
