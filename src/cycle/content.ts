// Decides what HTML an item is archived with, in two phases around the clean stage:
//   prepare: the feed's own content, or full text extracted from the article page (extract stage);
//   finish:  after cleaning, images kept, rewritten through a proxy, or downloaded into the archive.
import type { Source } from '../config/index.ts';
import type { FeedItem } from '../normalize/types.ts';
import type { RevisionFetch } from '../store/index.ts';

export interface PreparedContent {
  /** Raw (uncleaned) HTML to archive. */
  html: string;
  seenWhere: 'feed' | 'page';
  warnings: string[];
  /** For text from a page with per-source keep selectors: whether they matched (else Readability was used). */
  selectors?: 'matched' | 'missed';
  /** The page response the text came from; absent for the feed's own content (the feed's response is used). */
  fetched?: RevisionFetch;
}

export interface FinishedContent {
  html: string;
  warnings: string[];
}

export interface ContentPipeline {
  /**
   * Returns null for an article the store already has when the only way to see its text again would be
   * to refetch its page: page changes are found by the scheduled re-checks, not by every hourly run.
   */
  prepare(item: FeedItem, source: Source, context: { known: boolean }): Promise<PreparedContent | null>;
  /** Runs on cleaned HTML of new or changed articles only. Must not add markup, only rewrite URLs. */
  finish(html: string, item: Pick<FeedItem, 'url'>, source: Source): Promise<FinishedContent>;
  /** The article text of a page fetched by a re-check, or null when the source's text is not from pages. */
  fromPage(
    page: { body: Uint8Array; contentType: string | null; finalUrl: string; status: number; etag: string | null },
    source: Source,
  ): Promise<PreparedContent | null>;
}

/** The feed's content as sent. feedx.net-style feeds put the whole article in <description> (summary). */
export function feedHtml(item: FeedItem): string {
  const content = item.content ?? '';
  const summary = item.summary ?? '';
  return content.length >= summary.length ? content : summary;
}

export const feedOnly: ContentPipeline = {
  prepare: async (item) => ({ html: feedHtml(item), seenWhere: 'feed', warnings: [] }),
  finish: async (html) => ({ html, warnings: [] }),
  fromPage: async () => null,
};
