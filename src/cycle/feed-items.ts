// A fetched feed body → decoder → parser → normalizer, handing each item on as soon as it is complete:
// a feed of any size is read holding one item (plus the chunk it arrived in), and the next chunk is read
// only after `onItem` has dealt with the last item.
import type { StreamedFetchResult } from '../fetch/types.ts';
import { createFeedNormalizer, type FeedNormalizer } from '../normalize/index.ts';
import type { FeedItem } from '../normalize/types.ts';
import { parseFeedChunks } from '../parse/index.ts';

/** Reads every item of the feed into `onItem`, in document order; returns the parse and normalize warnings. */
export async function readFeedItems(
  response: Pick<StreamedFetchResult, 'body' | 'contentType' | 'finalUrl'>,
  now: Date,
  onItem: (item: FeedItem) => Promise<void>,
): Promise<string[]> {
  let normalizer: FeedNormalizer | null = null;
  const parsed = await parseFeedChunks(response.body.chunks(), { contentType: response.contentType }, async (raw, header) => {
    // The feed-level link and language come before the items in RSS and Atom; the first item fixes them.
    normalizer ??= createFeedNormalizer(header, { feedUrl: response.finalUrl, now });
    const item = normalizer.item(raw);
    if (item !== null) await onItem(item);
  });
  return [...parsed.warnings, ...((normalizer as FeedNormalizer | null)?.warnings() ?? [])];
}
