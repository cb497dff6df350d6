// Atom 1.0 (RFC 4287) as text. Pure: the same feed value always gives the same bytes.
// Required by the RFC and always written: feed id, title, updated, an author (at feed level, since not
// every entry has one, §4.1.1); entry id, title, updated (§4.1.2). Dates are RFC 3339 in UTC (§3.3).
// Content is type="html": the display HTML, escaped once (§3.1.1.2).
import { escapeText } from '../../markup/escape.ts';
import { isoUtc } from '../../time/utc8.ts';

export interface AtomLink {
  href: string;
  rel: 'alternate' | 'self' | 'via' | 'related';
  type?: string;
  title?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updatedMs: number;
  publishedMs: number | null;
  links: readonly AtomLink[];
  author: string | null;
  /** Display HTML. */
  contentHtml: string;
  lang: string | null;
  categories: readonly string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string | null;
  links: readonly AtomLink[];
  author: string;
  lang: string;
  entries: readonly AtomEntry[];
}

/** The feed's updated time: its newest entry's, so an unchanged feed renders to the same bytes. */
export function feedUpdatedMs(entries: readonly AtomEntry[]): number {
  return entries.reduce((newest, entry) => Math.max(newest, entry.updatedMs), 0);
}

export function renderAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeText(feed.lang)}">`,
    `  <id>${escapeText(feed.id)}</id>`,
    `  <title>${escapeText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${isoUtc(feedUpdatedMs(feed.entries))}</updated>`,
    ...feed.links.map((link) => `  ${renderLink(link)}`),
    `  <author><name>${escapeText(feed.author)}</name></author>`,
    '  <generator uri="https://github.com/newsvault/newsvault">newsvault</generator>',
    ...feed.entries.flatMap(renderEntry),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function renderEntry(entry: AtomEntry): string[] {
  return [
    entry.lang ? `  <entry xml:lang="${escapeText(entry.lang)}">` : '  <entry>',
    `    <id>${escapeText(entry.id)}</id>`,
    `    <title type="text">${escapeText(entry.title)}</title>`,
    `    <updated>${isoUtc(entry.updatedMs)}</updated>`,
    ...(entry.publishedMs !== null ? [`    <published>${isoUtc(entry.publishedMs)}</published>`] : []),
    ...entry.links.map((link) => `    ${renderLink(link)}`),
    ...(entry.author ? [`    <author><name>${escapeText(entry.author)}</name></author>`] : []),
    ...entry.categories.map((term) => `    <category term="${escapeText(term)}"/>`),
    `    <content type="html">${escapeText(entry.contentHtml)}</content>`,
    '  </entry>',
  ];
}

function renderLink(link: AtomLink): string {
  const type = link.type ? ` type="${escapeText(link.type)}"` : '';
  const title = link.title ? ` title="${escapeText(link.title)}"` : '';
  return `<link rel="${link.rel}" href="${escapeText(link.href)}"${type}${title}/>`;
}
