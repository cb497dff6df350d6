// What changed between two revisions, as a reader sees it: the text (not the markup), paragraph by
// paragraph, and inside a changed paragraph character by character (Chinese has no spaces between words,
// so a word diff would mark whole sentences). src/revision may later provide its own differ; the site
// takes any function of this shape (PublishSiteOptions.diff).
import { diffArrays, diffChars } from 'diff';
import { Parser } from 'htmlparser2';
import type { Revision } from '../../store/types.ts';

export type DiffSpan = { kind: 'same' | 'added' | 'removed'; text: string };

export type DiffBlock =
  | { kind: 'same'; paragraphs: number }
  | { kind: 'added' | 'removed'; text: string }
  | { kind: 'changed'; spans: DiffSpan[] };

export type RevisionDiffer = (before: Revision, after: Revision) => DiffBlock[];

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript']);
/** Above this many characters on either side a paragraph pair is shown as removed + added. */
const CHAR_DIFF_LIMIT = 4000;

/** The readable text of an HTML fragment, one entry per paragraph, whitespace collapsed. */
export function htmlParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let skipping = 0;
  const flush = (): void => {
    const text = current.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipping++;
        else if (BLOCK_TAGS.has(name)) flush();
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK_TAGS.has(name)) flush();
      },
      ontext(text) {
        if (skipping === 0) current += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}

export function diffTexts(before: readonly string[], after: readonly string[]): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const changes = diffArrays([...before], [...after]);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index]!;
    const next = changes[index + 1];
    if (!change.added && !change.removed) {
      blocks.push({ kind: 'same', paragraphs: change.value.length });
    } else if (change.removed && next?.added && change.value.length === next.value.length) {
      // Paragraphs edited in place: pair them up and show the edit inside each.
      change.value.forEach((old, offset) => blocks.push(changedParagraph(old, next.value[offset] ?? '')));
      index++;
    } else {
      for (const text of change.value) blocks.push({ kind: change.added ? 'added' : 'removed', text });
    }
  }
  return blocks;
}

function changedParagraph(before: string, after: string): DiffBlock {
  if (before.length > CHAR_DIFF_LIMIT || after.length > CHAR_DIFF_LIMIT) {
    return { kind: 'changed', spans: [{ kind: 'removed', text: before }, { kind: 'added', text: after }] };
  }
  const spans = diffChars(before, after).map(
    (part): DiffSpan => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }),
  );
  return { kind: 'changed', spans };
}

/** The default differ: titles are shown separately by the page, so only the text is compared. */
export const diffRevisionText: RevisionDiffer = (before, after) =>
  diffTexts(htmlParagraphs(before.content), htmlParagraphs(after.content));
