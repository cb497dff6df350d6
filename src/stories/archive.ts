// Stories of the archive, a day at a time, for the site (handed to it by the cycle) and the reader. Reads
// only what both already read: the day's article summaries (Store.listSummariesPublishedBetween) and each
// article's current text (Store.getArticle), from which the lead is cut. A day's batch is that day ± the window
// (day.ts), read as whole days and kept for a few days, so building consecutive days (a full site build)
// reads each day once.
import { coverageOf, NO_COVERAGE, type Coverage } from '../publish/pages/coverage.ts';
import type { ArticleSummary, Store } from '../store/types.ts';
import { addDaysUtc8, dayOfUtc8, dayRangeUtc8 } from '../time/utc8.ts';
import { dayBatchRange, storiesOfDay } from './day.ts';
import { leadText } from './lead.ts';
import type { StoryOptions, StoryRecord } from './types.ts';

export type StoryQueries = Pick<Store, 'listSummariesPublishedBetween' | 'getArticle'>;

/** The stories with a report published on `day` (UTC+8, `YYYY-MM-DD`), each oldest first. */
export interface DayStories {
  (day: string): Promise<ArticleSummary[][]>;
  /** Forgets what was read (the reader calls it when the archive changed under it). */
  clear(): void;
}

interface SummaryRecord extends StoryRecord {
  summary: ArticleSummary;
}

const CACHED_DAYS = 12;

export function createDayStories(queries: StoryQueries, options: StoryOptions = {}): DayStories {
  const days = new Map<string, SummaryRecord[]>();
  const recordsOf = async (day: string): Promise<SummaryRecord[]> => {
    let records = days.get(day);
    if (records === undefined) {
      const { startMs, endMs } = dayRangeUtc8(day);
      records = [];
      for (const summary of await queries.listSummariesPublishedBetween(startMs, endMs)) {
        const article = await queries.getArticle(summary.id);
        if (article === null) continue;
        records.push({ id: summary.id, source: summary.sourceId, timeMs: summary.publishedMs, title: summary.title, lead: leadText(article.content), summary });
      }
      if (days.size >= CACHED_DAYS) days.delete(days.keys().next().value!);
      days.set(day, records);
    }
    return records;
  };
  const stories = (async (day: string): Promise<ArticleSummary[][]> => {
    const { startMs, endMs } = dayRangeUtc8(day);
    const [from, to] = dayBatchRange(startMs, endMs, options);
    const batch: SummaryRecord[] = [];
    for (let d = dayOfUtc8(from); d <= dayOfUtc8(to - 1); d = addDaysUtc8(d, 1)) {
      for (const record of await recordsOf(d)) if (record.timeMs >= from && record.timeMs < to) batch.push(record);
    }
    return storiesOfDay(batch, startMs, endMs, options).map((story) => story.map((record) => record.summary));
  }) as DayStories;
  stories.clear = () => days.clear();
  return stories;
}

/** The reports of other outlets in the story of `article` listed under it (publish/pages/coverage.ts chooses them). */
export function otherCoverage(stories: readonly (readonly ArticleSummary[])[], article: { id: number; sourceId: string; publishedMs: number }): Coverage<ArticleSummary> {
  const story = stories.find((members) => members.some((member) => member.id === article.id));
  return story ? coverageOf(story, article) : NO_COVERAGE;
}
