// Stories: records of different outlets linked when they are close in time and alike (similarity.ts), and
// a story is a connected set of links spanning at most the window. Candidates come from an inverted index of
// shingles, so records that share nothing are never compared. The work is bounded whatever the batch holds: a
// shingle in more than a fifth of the batch, or in more than MAX_INDEXED_DF records, is left out of the index
// (it links everything and says nothing, and its weight is small anyway), and each record is compared with at
// most MAX_CANDIDATES others, those its indexed shingles make nearest. A story is connected through its members'
// nearest neighbours, so the bound loses no story of a real day; without it, a day of thousands of reports on
// one running topic made millions of links (the bench's 15,000 look-alike articles: minutes and gigabytes).
import { cosine, weigh, type Weighting } from './similarity.ts';
import type { StoryLink, StoryOptions, StoryRecord } from './types.ts';

/** Two days: the seed pair (VOA and RFI on the Xi–Putin meeting) is 17.6 hours apart; follow-ups come later. */
export const STORY_WINDOW_MS = 48 * 3_600_000;
/** Chosen on the labelled pairs in testdata/ (see stories.bench.ts and the README). */
export const STORY_THRESHOLD = 0.1;

const MAX_DF_SHARE = 0.2;
const MIN_INDEXED_DF = 8;
/** A name or a place of one event is in far fewer reports than this within a few days. */
const MAX_INDEXED_DF = 500;
/** Each record's nearest others that are measured; a story of more reports is still joined through theirs. */
export const MAX_CANDIDATES = 24;

interface Posting {
  records: number[];
  weights: number[];
}

/**
 * Links between records of different outlets within the window whose similarity reaches minSimilarity: for
 * each record, those among its MAX_CANDIDATES nearest candidates (by the weight of the indexed shingles they
 * share). Each pair at most once, as { a < b }.
 */
export function storyLinks(
  records: readonly StoryRecord[],
  windowMs: number,
  minSimilarity: number,
  weighting: Weighting & { maxCandidates?: number } = {},
): StoryLink[] {
  const { vectors, df } = weigh(records, weighting);
  const n = records.length;
  const maxDf = Math.max(MIN_INDEXED_DF, Math.min(MAX_INDEXED_DF, Math.floor(n * MAX_DF_SHARE)));
  const postings = new Map<number, Posting>();
  for (let index = 0; index < n; index++) {
    const { ids, weights } = vectors[index]!;
    for (let i = 0; i < ids.length; i++) {
      const count = df[ids[i]!]!;
      if (count < 2 || count > maxDf) continue;
      let posting = postings.get(ids[i]!);
      if (!posting) postings.set(ids[i]!, (posting = { records: [], weights: [] }));
      posting.records.push(index);
      posting.weights.push(weights[i]!);
    }
  }
  // Sources as numbers and times in a typed array: the inner loops below compare them for every candidate.
  const sourceNumbers = new Map<string, number>();
  const source = Int32Array.from(records, (r) => {
    let id = sourceNumbers.get(r.source);
    if (id === undefined) sourceNumbers.set(r.source, (id = sourceNumbers.size));
    return id;
  });
  const time = Float64Array.from(records, (r) => r.timeMs);
  // The part of the cosine the indexed shingles make, accumulated per candidate: a lower bound that ranks them.
  const partial = new Float64Array(n);
  const touched: number[] = [];
  const best = new Nearest(partial, weighting.maxCandidates ?? MAX_CANDIDATES);
  const links = new Map<number, StoryLink>();
  for (let a = 0; a < n; a++) {
    touched.length = 0;
    const vector = vectors[a]!;
    for (let i = 0; i < vector.ids.length; i++) {
      const posting = postings.get(vector.ids[i]!);
      if (!posting) continue;
      const w = vector.weights[i]!;
      const { records: ids, weights } = posting;
      for (let j = 0; j < ids.length; j++) {
        const b = ids[j]!;
        if (partial[b] === 0) touched.push(b);
        partial[b]! += w * weights[j]!;
      }
    }
    best.clear();
    for (const b of touched) {
      if (source[b] !== source[a] && Math.abs(time[b]! - time[a]!) <= windowMs) best.offer(b);
    }
    for (const b of touched) partial[b] = 0;
    for (const b of best.members()) {
      const [x, y] = a < b ? [a, b] : [b, a];
      const key = x * n + y;
      if (links.has(key)) continue;
      const similarity = cosine(vectors[x]!, vectors[y]!);
      if (similarity >= minSimilarity) links.set(key, { a: x, b: y, similarity });
    }
  }
  return [...links.values()];
}

/**
 * The `k` candidates with the highest score so far (ties: the lower index): a min-heap whose root is the
 * weakest kept, so most candidates cost one comparison with it.
 */
class Nearest {
  private readonly heap: number[] = [];
  constructor(
    private readonly score: Float64Array,
    private readonly k: number,
  ) {}

  clear(): void {
    this.heap.length = 0;
  }

  members(): readonly number[] {
    return this.heap;
  }

  offer(candidate: number): void {
    const { heap } = this;
    if (heap.length < this.k) {
      heap.push(candidate);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.better(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (this.better(candidate, heap[0]!)) {
      heap[0] = candidate;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let weakest = i;
        if (l < heap.length && this.better(heap[weakest]!, heap[l]!)) weakest = l;
        if (r < heap.length && this.better(heap[weakest]!, heap[r]!)) weakest = r;
        if (weakest === i) break;
        [heap[i], heap[weakest]] = [heap[weakest]!, heap[i]!];
        i = weakest;
      }
    }
  }

  private better(x: number, y: number): boolean {
    const sx = this.score[x]!;
    const sy = this.score[y]!;
    return sx > sy || (sx === sy && x < y);
  }
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
