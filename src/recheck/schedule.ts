// When each archived article is next re-checked. Censorship and quiet edits happen mostly while an
// article is young, so checks are frequent at first and back off with age:
//
//   article age        re-checked every
//   < 1 day            1 hour
//   < 30 days          1 day
//   < 365 days         1 week
//   older              30 days (never stops: old articles do get taken down, but rarely)
//
// Age counts from publication, or from when we first saw the article if the feed's date is later
// (a future-dated item). A run checks at most `recheck.perRun` articles, most overdue first, so a large
// archive costs a bounded number of requests per run and old articles are reached as the queue drains.
// An article under suspicion (gone or redirected away but not yet confirmed) is re-checked sooner, after
// CONFIRM_AFTER_MS, so that a removal is confirmed in hours rather than at the next weekly check.
import type { Article } from '../store/index.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface ScheduleStep {
  /** The step applies while the article is younger than this. */
  untilAgeMs: number;
  everyMs: number;
}

/** Ordered by age. */
export const SCHEDULE: readonly ScheduleStep[] = [
  { untilAgeMs: DAY_MS, everyMs: HOUR_MS },
  { untilAgeMs: 30 * DAY_MS, everyMs: DAY_MS },
  { untilAgeMs: 365 * DAY_MS, everyMs: 7 * DAY_MS },
  { untilAgeMs: Number.POSITIVE_INFINITY, everyMs: 30 * DAY_MS },
];

/** How soon a suspected removal is checked again (see evidence.ts for why it must be hours apart). */
export const CONFIRM_AFTER_MS = 3 * HOUR_MS;

/** The moment the article's age counts from. */
export function ageOrigin(article: Pick<Article, 'publishedMs' | 'firstSeenMs'>): number {
  return Math.min(article.publishedMs, article.firstSeenMs);
}

export function intervalForAge(ageMs: number, schedule: readonly ScheduleStep[] = SCHEDULE): number {
  const step = schedule.find((entry) => ageMs < entry.untilAgeMs) ?? schedule[schedule.length - 1];
  if (!step) throw new Error('recheck: the schedule is empty');
  return step.everyMs;
}

/**
 * When to check next, counted from `fromMs` (the last check, or when the article was first seen if it
 * has never been checked).
 */
export function nextCheckAt(
  article: Pick<Article, 'publishedMs' | 'firstSeenMs'>,
  fromMs: number,
  options: { suspect?: boolean; schedule?: readonly ScheduleStep[] } = {},
): number {
  const interval = intervalForAge(Math.max(0, fromMs - ageOrigin(article)), options.schedule);
  return fromMs + (options.suspect ? Math.min(interval, CONFIRM_AFTER_MS) : interval);
}
