// The site's share of stories: which days' stories a build computes, the other outlets' reports under each
// article, and which unchanged articles must be rendered again because a story of theirs gained or changed a
// report. The grouping is stories/ (a later stage than publish): the cycle hands it in as a function.
import { addDaysUtc8, dayOfUtc8 } from '../../time/utc8.ts';
import type { ArticleSummary } from '../../store/types.ts';
import { storyCoverage, type Coverage } from '../pages/coverage.ts';

/** A day's stories (UTC+8 `YYYY-MM-DD`), each oldest first: stories/createDayStories in production. */
export type SiteStories = (day: string) => Promise<ArticleSummary[][]>;

/** How far apart two reports of one story may be, in days either side (the grouper's window is 48 h). */
export const STORY_DAYS_AROUND = 2;

export interface StoryPass {
  byDay: Map<string, ArticleSummary[][]>;
  /** Other outlets' reports listed under each article of the computed days that is in a story. */
  coverage: Map<number, Coverage<ArticleSummary>>;
  /**
   * Articles (not among the changed) that list a changed article under them: a new report that enters a
   * list is in it, so those pages are rendered again; a story's other pages list the same as before.
   */
  touched: ArticleSummary[];
}

/** The days whose stories an article published on `day` can be part of. */
export function storyDaysAround(day: string): string[] {
  const days: string[] = [];
  for (let delta = -STORY_DAYS_AROUND; delta <= STORY_DAYS_AROUND; delta++) days.push(addDaysUtc8(day, delta));
  return days;
}

/**
 * Computes the stories of `days`. An article's reports are those of its story on its own day, so the site
 * shows what the reader shows. `changed` null means a full build (nothing to find: every page is rendered).
 */
export async function storyPass(stories: SiteStories, days: Iterable<string>, changed: ReadonlySet<number> | null): Promise<StoryPass> {
  const byDay = new Map<string, ArticleSummary[][]>();
  const coverage = new Map<number, Coverage<ArticleSummary>>();
  const touched = new Map<number, ArticleSummary>();
  for (const day of [...new Set(days)].sort()) {
    const dayStories = await stories(day);
    byDay.set(day, dayStories);
    for (const story of dayStories) {
      const holdsChange = changed !== null && story.some((member) => changed.has(member.id));
      const coverageOf = storyCoverage(story);
      for (const member of story) {
        if (dayOfUtc8(member.publishedMs) !== day) continue;
        const listed = coverageOf(member);
        coverage.set(member.id, listed);
        if (holdsChange && !changed!.has(member.id) && listed.reports.some((report) => changed!.has(report.id))) touched.set(member.id, member);
      }
    }
  }
  return { byDay, coverage, touched: [...touched.values()] };
}
