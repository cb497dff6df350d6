// What the site and the Atom feeds ask of the archive. The Store interface answers single-article and
// newest-N questions; a site also needs pages of a source, days, removed and changed articles, and the
// articles that changed since the last build. This interface names those questions so the SQLite answers
// (sqlite-queries.ts) can later move into Store itself and be answered by any implementation.
import type { Article, ArticleStatus, Revision } from '../../store/types.ts';

/** The columns a list line needs; no content. */
export interface ArticleSummary {
  id: number;
  sourceId: string;
  number: number;
  title: string;
  url: string | null;
  author: string | null;
  publishedMs: number;
  status: ArticleStatus;
  statusChangedMs: number | null;
  revisionCount: number;
  /** When the current revision was seen. */
  revisedMs: number;
}

/**
 * How far the site has been built: the newest revision it rendered (with its hash, so a rebuilt
 * database, whose ids start again, is noticed) and the newest status change.
 */
export interface BuildMark {
  revisionId: number;
  revisionSha256: string;
  statusChangedMs: number;
}

export interface DayCount {
  /** `YYYY-MM-DD` in UTC+8. */
  day: string;
  count: number;
}

export interface SiteQueries {
  /** The mark for everything in the archive now. */
  currentMark(): BuildMark;
  /** False when the mark's revision is not in this database (a rebuilt store): build everything. */
  markIsValid(mark: BuildMark): boolean;
  /** Articles with a revision newer than the mark or a status change at or after it. */
  changedSince(mark: BuildMark): ArticleSummary[];
  /** Every article in id order, `limit` at a time after `afterId`. */
  allArticles(afterId: number, limit: number): ArticleSummary[];

  countSource(sourceId: string): number;
  /** Position of an article in its source counted from the oldest (0 = oldest), in archive order. */
  rankInSource(sourceId: string, number: number): number;
  /** `limit` articles of a source starting `offset` from the oldest, oldest first. */
  sourceSlice(sourceId: string, offset: number, limit: number): ArticleSummary[];

  /** Articles published in [startMs, endMs), newest first. */
  publishedBetween(startMs: number, endMs: number): ArticleSummary[];
  days(): DayCount[];
  /** Newest first by publication time, of one source or of all. */
  latest(limit: number, sourceId?: string): ArticleSummary[];
  /** Removed at the source, most recently removed first. */
  removed(limit: number): ArticleSummary[];
  /** Articles with more than one revision, most recently revised first. */
  changed(limit: number): ArticleSummary[];

  article(id: number): Article | null;
  revisions(articleId: number): Revision[];
}
