// Decides what HTML an item is archived with. The feed's own content is the default; the extract stage
// (full text from the article page) and image rewriting plug in here as a ContentPreparer.
import type { Source } from '../config/index.ts';
import type { FeedItem } from '../normalize/types.ts';

export interface PreparedContent {
  /** Raw (uncleaned) HTML to archive. */
  html: string;
  seenWhere: 'feed' | 'page';
  warnings: string[];
}

export type ContentPreparer = (item: FeedItem, source: Source) => Promise<PreparedContent>;

export const feedContent: ContentPreparer = async (item) => ({
  html: item.content ?? item.summary ?? '',
  seenWhere: 'feed',
  warnings: [],
});
