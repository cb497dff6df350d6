// What changed between two revisions, shaped for a page: revision/diffRevisions compares the text a
// reader sees, character by character (Chinese has no spaces between words); here its parts are cut
// into paragraphs (the line breaks visibleText keeps), so unchanged paragraphs fold into a count and
// each changed one shows its edits in place. Any function of RevisionDiffer's shape can replace it.
import { diffRevisions, type DiffPart } from '../../revision/index.ts';
import type { Revision } from '../../store/types.ts';

export type DiffSpan = { kind: 'same' | 'added' | 'removed'; text: string };

export type DiffBlock =
  | { kind: 'same'; paragraphs: number }
  | { kind: 'added' | 'removed'; text: string }
  | { kind: 'changed'; spans: DiffSpan[] };

export type RevisionDiffer = (before: Revision, after: Revision) => DiffBlock[];

const KIND: Record<DiffPart['kind'], DiffSpan['kind']> = { equal: 'same', insert: 'added', delete: 'removed' };

/** Cuts diff parts at line breaks into paragraphs, folding runs of unchanged ones. */
export function blocksFromParts(parts: readonly DiffPart[]): DiffBlock[] {
  const lines: DiffSpan[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece !== '') lines.at(-1)!.push({ kind: KIND[part.kind], text: piece });
    });
  }
  const blocks: DiffBlock[] = [];
  for (const spans of lines) {
    if (spans.every((span) => span.text.trim() === '')) continue;
    const kinds = new Set(spans.filter((span) => span.text.trim() !== '').map((span) => span.kind));
    const only = kinds.size === 1 ? [...kinds][0]! : null;
    const last = blocks.at(-1);
    if (only === 'same') {
      if (last?.kind === 'same') last.paragraphs++;
      else blocks.push({ kind: 'same', paragraphs: 1 });
    } else if (only === 'added' || only === 'removed') {
      blocks.push({ kind: only, text: spans.map((span) => span.text).join('') });
    } else {
      blocks.push({ kind: 'changed', spans });
    }
  }
  return blocks;
}

/** The default differ: the visible text of the two revisions (titles are shown apart by the page). */
export const diffRevisionText: RevisionDiffer = (before, after) =>
  blocksFromParts(diffRevisions(before.content, after.content));
