// Which of the other outlets' reports of a story are listed under an article. A story of a running event
// can hold hundreds of reports; listed in full under each of its articles, the pages grew with the square
// of the story (a first cycle of 15,000 similar articles spent 2,000 s rendering them and peaked at
// 3.4 GiB). So an article lists at most COVERAGE_LIMIT: the report of each other outlet nearest to it in
// time first, then the next nearest of any outlet; the day's stories page lists every report.
import type { ListedArticle } from './article-list.ts';

export const COVERAGE_LIMIT = 10;

export interface Coverage<A extends ListedArticle = ListedArticle> {
  /** Oldest first. */
  reports: A[];
  /** Reports of the story not listed. */
  more: number;
}

export const NO_COVERAGE: Coverage<never> = { reports: [], more: 0 };

type Placed = Pick<ListedArticle, 'id' | 'sourceId' | 'publishedMs'>;

/** The other outlets' reports of `story` to list under `article`: empty when it is in no story. */
export function coverageOf<A extends ListedArticle>(story: readonly A[], article: Placed, limit = COVERAGE_LIMIT): Coverage<A> {
  return storyCoverage(story, limit)(article);
}

/**
 * coverageOf for every member of one story: the story is put in time order and split by outlet once, so each
 * article's list costs a binary search per outlet and a walk outward from its place, not a sort of the story
 * (which made a story of 15,000 reports cost minutes).
 */
export function storyCoverage<A extends ListedArticle>(story: readonly A[], limit = COVERAGE_LIMIT): (article: Placed) => Coverage<A> {
  const sorted = [...story].sort((x, y) => x.publishedMs - y.publishedMs || x.id - y.id);
  const byOutlet = new Map<string, A[]>();
  for (const member of sorted) {
    const list = byOutlet.get(member.sourceId);
    if (list) list.push(member);
    else byOutlet.set(member.sourceId, [member]);
  }
  return (article) => {
    const at = article.publishedMs;
    const distance = (x: A): number => Math.abs(x.publishedMs - at);
    // Nearest in time first; equally near: the earlier, then the lower id.
    const closer = (x: A, y: A): number => distance(x) - distance(y) || x.publishedMs - y.publishedMs || x.id - y.id;
    const chosen = new Set<A>();
    // Each other outlet's nearest report, the nearest outlets first.
    const firsts: A[] = [];
    for (const [outlet, list] of byOutlet) {
      if (outlet === article.sourceId) continue;
      const k = firstAtOrAfter(list, at);
      let left = k - 1;
      // Of several reports at one time, the lowest id: the first of the run.
      while (left > 0 && list[left - 1]!.publishedMs === list[left]!.publishedMs) left--;
      const candidates = [list[left], list[k]].filter((x): x is A => x !== undefined);
      firsts.push(candidates.sort(closer)[0]!);
    }
    for (const report of firsts.sort(closer).slice(0, limit)) chosen.add(report);
    // Then the nearest remaining reports of any other outlet, walking outward from the article's place.
    const need = limit - chosen.size;
    if (need > 0) {
      const gathered: A[] = [];
      let left = firstAtOrAfter(sorted, at) - 1;
      let right = left + 1;
      const eligible = (x: A): boolean => x.sourceId !== article.sourceId && !chosen.has(x);
      // Walk by distance; stop once `need` are gathered and both sides are further than the furthest of them.
      let furthest = -1;
      while (left >= 0 || right < sorted.length) {
        const l = left >= 0 ? at - sorted[left]!.publishedMs : Infinity;
        const r = right < sorted.length ? sorted[right]!.publishedMs - at : Infinity;
        const next = Math.min(l, r);
        if (gathered.length >= need && next > furthest) break;
        const take = l <= r ? sorted[left--]! : sorted[right++]!;
        if (!eligible(take)) continue;
        gathered.push(take);
        furthest = Math.max(furthest, distance(take));
      }
      for (const report of gathered.sort(closer).slice(0, need)) chosen.add(report);
    }
    const others = story.length - (byOutlet.get(article.sourceId)?.length ?? 0);
    const reports = [...chosen].sort((x, y) => x.publishedMs - y.publishedMs || x.id - y.id);
    return { reports, more: others - chosen.size };
  };
}

/** The index of the first of `list` (in time order) published at or after `ms`; list.length if none. */
function firstAtOrAfter(list: readonly Placed[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.publishedMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
