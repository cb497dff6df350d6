// Measuring extraction against a hand-made expected text: precision and recall over reading units.
//
// Units are what a reader counts: each CJK character is one, each other run of letters/digits (lower-cased)
// is one word; punctuation and whitespace are ignored, so indentation and full-/half-width quotes do not
// matter. Both texts become bags (multisets) of units; the overlap is the multiset intersection.
//   precision = overlap / units extracted  (how much of what we kept is article)
//   recall    = overlap / units expected   (how much of the article we kept)
// A bag ignores order, which is fine for this question: boilerplate adds units the expected text lacks,
// a lost paragraph removes units it has.

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const UNIT = new RegExp(`[${CJK_CLASS}]|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])+`, 'gu');

export function unitBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(UNIT)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

function size(bag: Map<string, number>): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

export interface Quality {
  precision: number;
  recall: number;
  /** Harmonic mean of precision and recall. */
  f1: number;
  expectedUnits: number;
  extractedUnits: number;
  /** Units both texts have (the multiset intersection). */
  overlapUnits: number;
}

const harmonic = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function measure(expected: string, extracted: string): Quality {
  const e = unitBag(expected);
  const x = unitBag(extracted);
  let overlap = 0;
  for (const [unit, n] of e) overlap += Math.min(n, x.get(unit) ?? 0);
  const expectedUnits = size(e);
  const extractedUnits = size(x);
  const precision = extractedUnits === 0 ? 0 : overlap / extractedUnits;
  const recall = expectedUnits === 0 ? 1 : overlap / expectedUnits;
  return { precision, recall, f1: harmonic(precision, recall), expectedUnits, extractedUnits, overlapUnits: overlap };
}

export interface Summary {
  pages: number;
  /** Mean over pages of each page's figure (how the article-extraction-benchmark reports). */
  mean: { precision: number; recall: number; f1: number };
  /** All pages' units pooled: long pages weigh more. */
  pooled: { precision: number; recall: number; f1: number };
}

/** Overall figures for a set of pages. */
export function summarize(pages: readonly Quality[]): Summary {
  const n = pages.length;
  const avg = (pick: (q: Quality) => number): number => (n === 0 ? 0 : pages.reduce((sum, q) => sum + pick(q), 0) / n);
  const overlap = pages.reduce((sum, q) => sum + q.overlapUnits, 0);
  const extracted = pages.reduce((sum, q) => sum + q.extractedUnits, 0);
  const expected = pages.reduce((sum, q) => sum + q.expectedUnits, 0);
  const precision = extracted === 0 ? 0 : overlap / extracted;
  const recall = expected === 0 ? 1 : overlap / expected;
  return {
    pages: n,
    mean: { precision: avg((q) => q.precision), recall: avg((q) => q.recall), f1: avg((q) => q.f1) },
    pooled: { precision, recall, f1: harmonic(precision, recall) },
  };
}

/** For "contains this paragraph" checks: NFKC, no whitespace at all. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
