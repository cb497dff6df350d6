// A day's stories, the way the site and the reader compute them: the batch is every article published from
// one window before the day starts to one window after it ends, so a story that crosses midnight is whole,
// and the day's stories are those with a member published that day. The batch depends only on the day, so
// the site and the reader, today and after a rebuild, draw the same stories for it.
import { groupStories, STORY_WINDOW_MS } from './group.ts';
import type { StoryOptions, StoryRecord } from './types.ts';

/** [from, to) of the records a day's stories are drawn from. */
export function dayBatchRange(dayStartMs: number, dayEndMs: number, options: StoryOptions = {}): [number, number] {
  const windowMs = options.windowMs ?? STORY_WINDOW_MS;
  return [dayStartMs - windowMs, dayEndMs + windowMs];
}

/** The stories of the batch that have a record published in [dayStartMs, dayEndMs). */
export function storiesOfDay<R extends StoryRecord>(batch: readonly R[], dayStartMs: number, dayEndMs: number, options: StoryOptions = {}): R[][] {
  return groupStories(batch, options).filter((story) => story.some((r) => r.timeMs >= dayStartMs && r.timeMs < dayEndMs));
}
