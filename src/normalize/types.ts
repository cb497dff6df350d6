// The normalize stage's boundary: the one item model every later stage uses.
import type { RawEnclosure } from '../parse/types.ts';

export interface FeedItem {
  /**
   * Stable identity within a source: "guid:<id>" when the feed sends an id, else "url:<canonical url>",
   * else "hash:<sha256 of title+content>". Two fetches of the same article give the same key.
   */
  key: string;
  /** The id as sent, or null. */
  id: string | null;
  /** Absolute, serialized as the WHATWG URL parser does (what the archive's title link uses). */
  url: string | null;
  /** Plain text, HTML entities decoded, tags stripped, whitespace collapsed. */
  title: string;
  author: string | null;
  /** ISO 8601 UTC. Never absent: falls back to the time first seen. */
  published: string;
  publishedMs: number;
  /** Where `published` came from. */
  dateSource: 'feed' | 'updated' | 'first-seen' | 'clamped';
  updated: string | null;
  /** HTML as sent (not cleaned yet). */
  summary: string | null;
  /** HTML as sent (not cleaned yet). */
  content: string | null;
  enclosures: RawEnclosure[];
  categories: string[];
}

export interface NormalizedFeed {
  items: FeedItem[];
  warnings: string[];
}
