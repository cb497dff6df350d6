// Stories: one event told by several outlets. A pure grouping over plain records (no store, no pages); the
// site (through the cycle) and the reader read the records and render the groups.
export { groupStories, storyLinks, STORY_THRESHOLD, STORY_WINDOW_MS } from './group.ts';
export { LEAD_CHARS } from './similarity.ts';
export { shingles } from './shingles.ts';
export type { StoryLink, StoryOptions, StoryRecord } from './types.ts';
export { groupArticles, type StoryArticle } from './articles.ts';
export { leadText } from './lead.ts';
export { dayBatchRange, storiesOfDay } from './day.ts';
export { createDayStories, otherCoverage, type DayStories, type StoryQueries } from './archive.ts';
