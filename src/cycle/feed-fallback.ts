// Reading one feed of a source (the primary or a fallback): fetch → parse → normalize, each item handed to
// `onItem` as it is read (the body is streamed, cycle/feed-items.ts), and how fresh its items are. The
// fetch stage stays generic; which feed to try next is decided here, from the items' dates.
import type { Source } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import type { FeedItem } from '../normalize/types.ts';
import type { FeedState, RevisionFetch } from '../store/index.ts';
import { classifyError } from './classify-error.ts';
import { itemStages } from './item-stages.ts';
import type { FeedReport } from './source-health.ts';
import { freshness, isStale, itemDates, type Freshness } from './staleness.ts';
import type { SourceError } from './types.ts';

export interface FeedRead {
  url: string;
  index: number;
  outcome: 'ok' | 'not-modified' | 'failed';
  warnings: string[];
  error: SourceError | null;
  fresh: Freshness;
  stale: boolean;
  etag: string | null;
  lastModified: string | null;
  permanentRedirect: string | null;
}

export interface ReadFeedInput {
  source: Source;
  url: string;
  index: number;
  /** Validators of this URL only (RFC 9110 §13.1): a fallback's ETag is never sent to the primary. */
  conditional: { etag: string | null; lastModified: string | null };
  /** What the last full read of this URL found: a 304 says the items, and so their dates, are unchanged. */
  previous: Pick<FeedState, 'newestItemMs' | 'medianIntervalMs'> | null;
  fetcher: Fetcher;
  now: () => Date;
  /**
   * Each item, in document order, as soon as it is read; the next part of the feed waits for it. `fetched`
   * is the feed response the item came in (its final URL, status and ETag), kept with a revision made from it.
   */
  onItem: (item: FeedItem, fetched: RevisionFetch) => Promise<void>;
}

export async function readFeed(input: ReadFeedInput): Promise<FeedRead> {
  const read: FeedRead = {
    url: input.url,
    index: input.index,
    outcome: 'failed',
    warnings: [],
    error: null,
    fresh: { newestMs: input.previous?.newestItemMs ?? null, medianIntervalMs: input.previous?.medianIntervalMs ?? null },
    stale: false,
    etag: null,
    lastModified: null,
    permanentRedirect: null,
  };
  try {
    const response = await input.fetcher.fetchStream({ url: input.url, conditional: input.conditional, proxy: input.source.proxy });
    read.permanentRedirect = response.permanentRedirect;
    if (response.notModified) {
      read.outcome = 'not-modified';
    } else {
      const dates: number[] = [];
      const fetched: RevisionFetch = { fetchedUrl: response.finalUrl, httpStatus: response.status, etag: response.etag };
      try {
        const { readFeedItems } = await itemStages();
        const warnings = await readFeedItems(response, input.now(), (item) => {
          dates.push(...itemDates([item]));
          return input.onItem(item, fetched);
        });
        read.warnings.push(...warnings);
      } finally {
        await response.body.dispose();
      }
      read.fresh = freshness(dates);
      read.outcome = 'ok';
      read.etag = response.etag;
      read.lastModified = response.lastModified;
    }
    read.stale = isStale(read.fresh, input.now().getTime());
  } catch (error) {
    read.outcome = 'failed';
    read.error = classifyError(input.source.id, error);
  }
  return read;
}

export function feedReport(read: FeedRead): FeedReport {
  return {
    url: read.url,
    index: read.index,
    outcome: read.outcome,
    error: read.error ? `${read.error.kind}: ${read.error.message}` : null,
    fresh: read.fresh,
    stale: read.stale,
  };
}

/** The per-URL record after a read; validators are kept only from a response that was fully processed. */
export function nextFeedState(previous: FeedState | null, read: FeedRead, sourceId: string, attemptMs: number, keepValidators: boolean): FeedState {
  const base: FeedState = previous ?? {
    sourceId,
    url: read.url,
    etag: null,
    lastModified: null,
    lastAttemptMs: null,
    lastSuccessMs: null,
    consecutiveFailures: 0,
    lastError: null,
    newestItemMs: null,
    medianIntervalMs: null,
  };
  if (read.outcome === 'failed') {
    return { ...base, lastAttemptMs: attemptMs, consecutiveFailures: base.consecutiveFailures + 1, lastError: `${read.error!.kind}: ${read.error!.message}` };
  }
  return {
    ...base,
    ...(read.outcome === 'ok' && keepValidators ? { etag: read.etag, lastModified: read.lastModified } : {}),
    lastAttemptMs: attemptMs,
    lastSuccessMs: attemptMs,
    consecutiveFailures: 0,
    lastError: null,
    newestItemMs: read.fresh.newestMs,
    medianIntervalMs: read.fresh.medianIntervalMs,
  };
}
