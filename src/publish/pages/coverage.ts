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

/** The other outlets' reports of `story` to list under `article`: empty when it is in no story. */
export function coverageOf<A extends ListedArticle>(story: readonly A[], article: { id: number; sourceId: string; publishedMs: number }, limit = COVERAGE_LIMIT): Coverage<A> {
  const others = story.filter((member) => member.sourceId !== article.sourceId);
  const nearest = [...others].sort(
    (x, y) => Math.abs(x.publishedMs - article.publishedMs) - Math.abs(y.publishedMs - article.publishedMs) || x.publishedMs - y.publishedMs || x.id - y.id,
  );
  const chosen = new Set<A>();
  const outlets = new Set<string>();
  for (const report of nearest) {
    if (chosen.size >= limit) break;
    if (outlets.has(report.sourceId)) continue;
    outlets.add(report.sourceId);
    chosen.add(report);
  }
  for (const report of nearest) {
    if (chosen.size >= limit) break;
    chosen.add(report);
  }
  return { reports: others.filter((report) => chosen.has(report)), more: others.length - chosen.size };
}
