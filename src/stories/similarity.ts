// How alike two records are: the cosine of their shingle vectors, each shingle weighted by how rare it is in
// the batch (inverse document frequency) and counted more when it is in the title. Rare shared shingles (a
// name, a place) say "same event"; common ones (中国, 表示, 总统) say little. The IDF is smoothed as if the
// batch held PRIOR_DOCUMENTS more records without the shingle, so a batch of two or three records (a test, a
// new archive) weighs every shingle about the same instead of discounting everything they share.
import { shingles } from './shingles.ts';
import type { StoryRecord } from './types.ts';

/** Characters of the lead that count: the first paragraph or two, where the event is named. */
export const LEAD_CHARS = 160;
/** A title shingle weighs this many times a lead shingle: a title names the event. */
export const TITLE_WEIGHT = 2;
const PRIOR_DOCUMENTS = 100;

/** A record's weighted shingle vector, unit length. */
export type Vector = Map<string, number>;

export interface Weighted {
  vectors: Vector[];
  /** Document frequency of each shingle in the batch. */
  df: Map<string, number>;
}

export interface Weighting {
  leadChars?: number;
  titleWeight?: number;
}

export function weigh(records: readonly StoryRecord[], weighting: Weighting = {}): Weighted {
  const leadChars = weighting.leadChars ?? LEAD_CHARS;
  const titleWeight = weighting.titleWeight ?? TITLE_WEIGHT;
  const raw = records.map((record) => {
    const title = shingles(record.title);
    const lead = shingles(record.lead.slice(0, leadChars));
    const tf = new Map<string, number>();
    for (const s of lead) tf.set(s, 1);
    for (const s of title) tf.set(s, titleWeight);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of raw) for (const s of tf.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const n = records.length + PRIOR_DOCUMENTS;
  const vectors = raw.map((tf) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [s, t] of tf) {
      const w = t * Math.log((n + 1) / ((df.get(s) ?? 0) + 1));
      v.set(s, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of v) v.set(s, w / norm);
    return v;
  });
  return { vectors, df };
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [s, w] of small) {
    const other = large.get(s);
    if (other !== undefined) sum += w * other;
  }
  return sum;
}
