// What changed between two revisions, as a reader sees it: the revision module's character diff of their
// visible text (diffRevisions: markup-only changes and rotating footers are not edits to a reader),
// insertions in <ins>, deletions in <del>, long unchanged stretches shortened to their ends.
//
// Bounded cost: diffRevisions gives up beyond DEFAULT_MAX_EDITS edits (about 100 ms at worst, measured
// there) and shows the old text replaced by the new; the article page also stops diffing when its own
// budget is spent (article-page.ts).
import { diffRevisions } from '../revision/index.ts';
import { h, type SafeHtml } from './safe-html.ts';

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

/** The diff of two revisions' HTML, as escaped HTML. */
export function diffRevisionText(beforeHtml: string, afterHtml: string): RevisionDiff {
  const parts = diffRevisions(beforeHtml, afterHtml);
  if (parts.every((part) => part.kind === 'equal')) {
    return { html: h`<p class="meta">正文文字相同（仅格式或标记不同）。</p>`, changed: false };
  }
  const body = parts.map((part, i) => {
    if (part.kind === 'insert') return h`<ins>${part.text}</ins>`;
    if (part.kind === 'delete') return h`<del>${part.text}</del>`;
    const position = i === 0 ? 'first' : i === parts.length - 1 ? 'last' : 'middle';
    return h`${shorten(part.text, position)}`;
  });
  return { html: h`<div class="diff">${body}</div>`, changed: true };
}
