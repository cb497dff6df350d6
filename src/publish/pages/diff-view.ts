// What changed between two revisions, shaped for a page: revision/diffRevisions compares the text a reader
// sees, character by character (Chinese has no spaces between words; markup-only changes and rotating
// footers are not edits to a reader); here its parts are cut into paragraphs (the line breaks visibleText
// keeps), so unchanged paragraphs fold into a count and each changed one shows its edits in place.
//
// Bounded cost: diffRevisions gives up beyond DEFAULT_MAX_EDITS edits (about 100 ms at worst, measured
// there) and shows the old text replaced by the new. The reader also bounds a page (budgetedDiffer): the
// static site does not, because its pages must be the same bytes whatever the machine's speed.
import { diffRevisions, type DiffPart } from '../../revision/index.ts';
import type { Revision } from '../../store/types.ts';
import { html, type SafeHtml } from './html.ts';

export type DiffSpan = { kind: 'same' | 'added' | 'removed'; text: string };

export type DiffBlock =
  | { kind: 'same'; paragraphs: number }
  | { kind: 'added' | 'removed'; text: string }
  | { kind: 'changed'; spans: DiffSpan[] };

/** A diff not computed: an older pair beyond the page's limit, or the page's time budget spent. */
export type DiffSkipped = { skipped: 'older' | 'budget' };

export type RevisionDiffer = (before: Revision, after: Revision) => DiffBlock[] | DiffSkipped;

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
export const diffRevisionText: RevisionDiffer = (before, after) => blocksFromParts(diffRevisions(before.content, after.content));

export interface DiffBudget {
  /** Pairs diffed on one page (the newest first); older pairs say so instead. */
  maxDiffs: number;
  /** Once this much time has gone since the first diff, the rest say so instead. */
  budgetMs: number;
  /** Monotonic milliseconds (performance.now). */
  clock: () => number;
}

/** A differ for one page render that stops after `maxDiffs` pairs or `budgetMs`. */
export function budgetedDiffer(diff: RevisionDiffer, budget: DiffBudget): RevisionDiffer {
  let done = 0;
  let deadline: number | null = null;
  return (before, after) => {
    if (done >= budget.maxDiffs) return { skipped: 'older' };
    const now = budget.clock();
    deadline ??= now + budget.budgetMs;
    if (now > deadline) return { skipped: 'budget' };
    done++;
    return diff(before, after);
  };
}

const SKIPPED: Record<DiffSkipped['skipped'], string> = {
  older: '较早的版本：此处不显示差异。',
  budget: '超出本页的时间预算，未显示差异。',
};

/** The blocks as markup: insertions in <ins>, deletions in <del>, unchanged paragraphs as a count. */
export function diffMarkup(outcome: DiffBlock[] | DiffSkipped): SafeHtml {
  if (!Array.isArray(outcome)) return html`<p class="same">${SKIPPED[outcome.skipped]}</p>\n`;
  if (outcome.length === 0 || outcome.every((block) => block.kind === 'same')) {
    return html`<p class="same">正文文字未变（只有格式或标记不同）。</p>\n`;
  }
  return html`${outcome.map((block) => {
    switch (block.kind) {
      case 'same':
        return html`<p class="same">（${block.paragraphs} 段未变）</p>\n`;
      case 'added':
        return html`<p><ins>${block.text}</ins></p>\n`;
      case 'removed':
        return html`<p><del>${block.text}</del></p>\n`;
      case 'changed':
        return html`<p>${block.spans.map((span) =>
          span.kind === 'added' ? html`<ins>${span.text}</ins>` : span.kind === 'removed' ? html`<del>${span.text}</del>` : span.text,
        )}</p>\n`;
    }
  })}`;
}
