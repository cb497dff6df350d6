// What `newsvault parse FILE` prints: one JSON-ready object per document, showing exactly what the
// parser and normalizer made of it (dates in ISO UTC, titles as plain text, every warning).
import { parseFeedDiagnostics } from '../parse/index.ts';
import type { ParseErrorKind } from '../parse/types.ts';
import { normalizeFeed } from './index.ts';
import { plainText } from './title.ts';
import type { FeedItem } from './types.ts';
import { feedBase } from './urls.ts';

export interface DescribeOptions {
  contentType?: string | null;
  feedUrl?: string | null;
  now: Date;
}

export interface FeedDescription {
  format: string;
  version: string;
  encoding: string;
  title: string | null;
  link: string | null;
  language: string | null;
  items: Array<
    Pick<FeedItem, 'id' | 'key' | 'url' | 'title' | 'author' | 'published' | 'dateSource' | 'updated' | 'summary' | 'content' | 'enclosures' | 'categories'>
  >;
  warnings: string[];
}

export interface FeedDescriptionError {
  error: { kind: ParseErrorKind; message: string };
  warnings: string[];
}

export function describeFeed(input: Uint8Array | string, options: DescribeOptions): FeedDescription | FeedDescriptionError {
  const parsed = parseFeedDiagnostics(input, { contentType: options.contentType ?? null });
  if ('error' in parsed) {
    return { error: { kind: parsed.error.kind, message: parsed.error.message }, warnings: parsed.warnings };
  }
  const { feed } = parsed;
  const normalized = normalizeFeed(feed, { feedUrl: options.feedUrl ?? null, now: options.now });
  const title = feed.title === null ? null : plainText(feed.title);
  return {
    format: feed.format,
    version: feed.version,
    encoding: feed.encoding,
    title: title === '' ? null : title,
    link: feed.link === null ? null : feedBase(options.feedUrl, feed.link, null),
    language: feed.language,
    items: normalized.items.map((item) => ({
      id: item.id,
      key: item.key,
      url: item.url,
      title: item.title,
      author: item.author,
      published: item.published,
      dateSource: item.dateSource,
      updated: item.updated,
      summary: item.summary,
      content: item.content,
      enclosures: item.enclosures,
      categories: item.categories,
    })),
    warnings: [...feed.warnings, ...normalized.warnings],
  };
}
