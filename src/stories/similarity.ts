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

/**
 * A record's weighted shingle vector, unit length, sparse: the batch's shingle numbers ascending and their
 * weights. Numbers instead of strings make a comparison a merge of two short arrays, not a hash per shingle.
 */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface Weighted {
  vectors: Vector[];
  /** Document frequency of each shingle in the batch, by shingle number. */
  df: Int32Array;
}

export interface Weighting {
  leadChars?: number;
  titleWeight?: number;
}

export function weigh(records: readonly StoryRecord[], weighting: Weighting = {}): Weighted {
  const leadChars = weighting.leadChars ?? LEAD_CHARS;
  const titleWeight = weighting.titleWeight ?? TITLE_WEIGHT;
  const numbers = new Map<string, number>();
  const numberOf = (s: string): number => {
    let id = numbers.get(s);
    if (id === undefined) numbers.set(s, (id = numbers.size));
    return id;
  };
  const raw = records.map((record) => {
    const tf = new Map<number, number>();
    for (const s of shingles(record.lead.slice(0, leadChars))) tf.set(numberOf(s), 1);
    for (const s of shingles(record.title)) tf.set(numberOf(s), titleWeight);
    return tf;
  });
  const df = new Int32Array(numbers.size);
  for (const tf of raw) for (const id of tf.keys()) df[id]!++;
  const n = records.length + PRIOR_DOCUMENTS;
  const vectors = raw.map((tf): Vector => {
    const ids = Int32Array.from(tf.keys()).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => {
      const w = tf.get(id)! * Math.log((n + 1) / (df[id]! + 1));
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { ids, weights };
  });
  return { vectors, df };
}

/** The cosine of two unit vectors: their dot product, merging the ascending shingle numbers. */
export function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
