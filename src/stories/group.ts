// Stories: records of different outlets linked when they are close in time and alike (similarity.ts), and
// a story is a connected set of links spanning at most the window. Candidate pairs come from an inverted index of shingles, so records
// that share nothing are never compared; shingles in more than a fifth of the batch are left out of the index
// (they link everything and say nothing, and their weight is small anyway).
import { cosine, weigh, type Weighting } from './similarity.ts';
import type { StoryLink, StoryOptions, StoryRecord } from './types.ts';

/** Two days: the seed pair (VOA and RFI on the Xi–Putin meeting) is 17.6 hours apart; follow-ups come later. */
export const STORY_WINDOW_MS = 48 * 3_600_000;
/** Chosen on the labelled pairs in testdata/ (see stories.bench.ts and the README). */
export const STORY_THRESHOLD = 0.1;

const MAX_DF_SHARE = 0.2;
const MIN_INDEXED_DF = 8;

/** Every link between records of different outlets within the window whose similarity reaches minSimilarity. */
export function storyLinks(records: readonly StoryRecord[], windowMs: number, minSimilarity: number, weighting: Weighting = {}): StoryLink[] {
  const { vectors, df } = weigh(records, weighting);
  const maxDf = Math.max(MIN_INDEXED_DF, Math.floor(records.length * MAX_DF_SHARE));
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const s of vector.keys()) {
      if ((df.get(s) ?? 0) < 2 || (df.get(s) ?? 0) > maxDf) continue;
      let list = postings.get(s);
      if (!list) postings.set(s, (list = []));
      list.push(index);
    }
  });
  const links: StoryLink[] = [];
  for (let a = 0; a < records.length; a++) {
    const seen = new Set<number>();
    for (const s of vectors[a]!.keys()) {
      for (const b of postings.get(s) ?? []) {
        if (b <= a || seen.has(b)) continue;
        seen.add(b);
        const ra = records[a]!;
        const rb = records[b]!;
        if (ra.source === rb.source || Math.abs(ra.timeMs - rb.timeMs) > windowMs) continue;
        const similarity = cosine(vectors[a]!, vectors[b]!);
        if (similarity >= minSimilarity) links.push({ a, b, similarity });
      }
    }
  }
  return links;
}

/**
 * The stories among `records`: each a list of two or more records, oldest first, from at least two outlets.
 * Stories are ordered by their first record's time; a record is in at most one story.
 */
export function groupStories<R extends StoryRecord>(records: readonly R[], options: StoryOptions = {}): R[][] {
  const windowMs = options.windowMs ?? STORY_WINDOW_MS;
  const threshold = options.threshold ?? STORY_THRESHOLD;
  const parent = records.map((_, index) => index);
  // Each set's first and last report: a story spans at most the window, so a chain of links cannot carry a
  // running topic (a war, a summit season) across days into one story.
  const first = records.map((r) => r.timeMs);
  const last = records.map((r) => r.timeMs);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Strongest links first, so the span limit keeps the closest reports together.
  const links = storyLinks(records, windowMs, threshold, options).sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  for (const link of links) {
    const [x, y] = [find(link.a), find(link.b)];
    if (x === y) continue;
    const from = Math.min(first[x]!, first[y]!);
    const to = Math.max(last[x]!, last[y]!);
    if (to - from > windowMs) continue;
    const [root, child] = x < y ? [x, y] : [y, x];
    parent[child] = root;
    first[root] = from;
    last[root] = to;
  }
  const groups = new Map<number, R[]>();
  records.forEach((record, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(record);
    else groups.set(root, [record]);
  });
  const byTime = (x: R, y: R): number => x.timeMs - y.timeMs || String(x.id).localeCompare(String(y.id));
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.sort(byTime))
    .sort((x, y) => byTime(x[0]!, y[0]!));
}
