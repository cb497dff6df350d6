// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) onto the same RawItem shape.
// content_text and summary are plain text in JSON Feed: they are escaped so later stages can treat every
// summary/content as HTML.
import { escapeText } from 'entities';
import { ParseError, type ParsedFeed, type RawEnclosure, type RawItem } from './types.ts';
import type { Warnings } from './warnings.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function authorName(item: Json): string | null {
  // 1.1 has authors[]; 1.0 had author{}.
  const authors = Array.isArray(item['authors']) ? item['authors'] : [item['author']];
  const names = authors.filter(isObject).map((a) => str(a['name'])).filter((n): n is string => n !== null);
  return names.length === 0 ? null : names.join(', ');
}

function readItem(item: Json): RawItem {
  const contentText = str(item['content_text']);
  const summary = str(item['summary']);
  const attachments: RawEnclosure[] = (Array.isArray(item['attachments']) ? item['attachments'] : [])
    .filter(isObject)
    .flatMap((a) => {
      const url = str(a['url']);
      const size = a['size_in_bytes'];
      return url === null ? [] : [{ url, type: str(a['mime_type']), length: Number.isSafeInteger(size) ? (size as number) : null }];
    });
  const tags = (Array.isArray(item['tags']) ? item['tags'] : []).map(str).filter((t): t is string => t !== null);
  return {
    id: str(item['id']),
    idIsPermalink: false,
    link: str(item['url']) ?? str(item['external_url']),
    base: null,
    title: str(item['title']),
    titleIsHtml: false,
    author: authorName(item),
    published: str(item['date_published']),
    updated: str(item['date_modified']),
    summary: summary === null ? null : escapeText(summary),
    content: str(item['content_html']) ?? (contentText === null ? null : escapeText(contentText)),
    enclosures: attachments,
    categories: [...new Set(tags)],
  };
}

export function parseJsonFeed(text: string, encoding: string, warnings: Warnings): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new ParseError('malformed', `parse: JSON is malformed: ${(cause as Error).message}`, { cause });
  }
  const version = isObject(doc) ? str(doc['version']) : null;
  if (!isObject(doc) || version === null || !version.includes('jsonfeed.org/version/')) {
    throw new ParseError('not-a-feed', 'parse: this JSON is not a JSON Feed (no "version": "https://jsonfeed.org/version/…")');
  }
  const rawItems = doc['items'];
  if (!Array.isArray(rawItems)) warnings.add('parse: JSON Feed has no "items" array');
  const items: RawItem[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(rawItems) ? rawItems : []) {
    if (!isObject(entry)) {
      warnings.add('parse: JSON Feed item that is not an object skipped');
      continue;
    }
    const item = readItem(entry);
    const key = item.id ?? item.link;
    if (key !== null && seen.has(key)) {
      warnings.add(`parse: duplicate item ${key.slice(0, 120)} dropped`);
      continue;
    }
    if (key !== null) seen.add(key);
    items.push(item);
  }
  return {
    format: 'json',
    version,
    encoding,
    title: str(doc['title']),
    link: str(doc['home_page_url']),
    language: str(doc['language']),
    base: null,
    items,
    warnings: warnings.list(),
  };
}
