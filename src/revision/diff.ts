// Character-level differences between two revisions, for the static site and the reader (jsdiff's
// diffChars: Myers' O(ND) algorithm). Chinese has no spaces between words, so a word diff would mark
// whole sentences; characters are the unit a reader compares.
import { diffChars } from 'diff';
import { stripRotatingFooters } from './footers.ts';
import { visibleText } from '../clean/visible-text.ts';
import { escapeHtml } from '../markup/escape.ts';

export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface DiffOptions {
  /**
   * `text` (default): what a reader sees of the article, from each revision's HTML, without rotating
   * footers (footers.ts: not part of the article). `html`: the archived markup itself, byte for byte.
   */
  on?: 'text' | 'html';
  /**
   * Give up on a character diff beyond this many edits and show the whole old text deleted and the whole
   * new text inserted: a rewritten article is better shown as a replacement than as confetti, and Myers'
   * cost grows with the number of edits.
   */
  maxEdits?: number;
}

/**
 * Measured with jsdiff 9 on a fully rewritten text (every edit is worst case): about 80–110 ms at 1 000
 * edits whatever the length (2 000–20 000 characters), 350 ms at 2 000, 5–10 s at 10 000. Ordinary edits
 * (a sentence, a number, a name) are far below 1 000 characters.
 */
export const DEFAULT_MAX_EDITS = 1_000;

/** The parts that turn revision `a` into revision `b`, in order; adjacent parts never share a kind. */
export function diffRevisions(a: string, b: string, options: DiffOptions = {}): DiffPart[] {
  const text = (html: string) => visibleText(stripRotatingFooters(html));
  const [before, after] = options.on === 'html' ? [a, b] : [text(a), text(b)];
  if (before === after) return before === '' ? [] : [{ kind: 'equal', text: before }];
  const changes = diffChars(before, after, { maxEditLength: options.maxEdits ?? DEFAULT_MAX_EDITS });
  const parts: DiffPart[] = changes
    ? changes.map((change) => ({
        kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
        text: change.value,
      }))
    : [
        { kind: 'delete', text: before },
        { kind: 'insert', text: after },
      ];
  return merge(parts.filter((part) => part.text !== ''));
}

function merge(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** How many characters were inserted and deleted. */
export function diffStats(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.kind === 'insert') inserted += [...part.text].length;
    else if (part.kind === 'delete') deleted += [...part.text].length;
  }
  return { inserted, deleted };
}


/**
 * The parts as HTML: inserted text in <ins>, deleted text in <del>, everything escaped, line breaks kept
 * as characters (show it in an element with `white-space: pre-wrap`).
 */
export function renderDiffHtml(parts: readonly DiffPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      return part.kind === 'insert' ? `<ins>${text}</ins>` : part.kind === 'delete' ? `<del>${text}</del>` : text;
    })
    .join('');
}
