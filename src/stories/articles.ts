// Stories of stored articles: the adapter from the fields the site and the reader already read (id, outlet,
// publication time, title, archival HTML) to the grouper's plain records. Returns article ids.
import { groupStories } from './group.ts';
import { leadText } from './lead.ts';
import type { StoryOptions } from './types.ts';

export interface StoryArticle {
  id: number;
  sourceId: string;
  publishedMs: number;
  title: string;
  /** Archival HTML. */
  content: string;
}

/** The stories among `articles`, as lists of article ids, oldest first. */
export function groupArticles(articles: readonly StoryArticle[], options: StoryOptions = {}): number[][] {
  const records = articles.map((a) => ({ id: a.id, source: a.sourceId, timeMs: a.publishedMs, title: a.title, lead: leadText(a.content) }));
  return groupStories(records, options).map((story) => story.map((record) => record.id));
}
