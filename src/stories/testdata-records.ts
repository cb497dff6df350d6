// The records of testdata/ (real feeds and archive files copied byte for byte from the fixtures, see
// testdata/SOURCES.md), read the way the archive would hold them: feed items through the parser and
// normalizer, archive files through the importer's reader; the lead through leadText like stored articles.
// Ids are `<path under testdata>#<item index>` for feed items and the path for archive files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleFile } from '../archive-format/article-file.ts';
import { describeFeed } from '../normalize/describe.ts';
import { leadText } from './lead.ts';
import type { StoryRecord } from './types.ts';

export const TESTDATA = join(import.meta.dirname, 'testdata');

/** Outlet of each feed file (pao-pao.net is RFA's; named apart because RFA's own articles are elsewhere). */
const FEED_SOURCES: Record<string, string> = {
  'real-feeds/greatfire-2015-bbc.xml': 'bbc',
  'real-feeds/greatfire-2015-cdt.xml': 'cdt',
  'real-feeds/greatfire-2015-dw.xml': 'dw',
  'real-feeds/greatfire-2015-nyt.xml': 'nyt',
  'real-feeds/greatfire-2015-paopao-rfa.xml': 'paopao',
};
const SEED_SOURCES: Record<string, string> = {
  'seeds/000_050e39a74adabfee.txt': 'voa',
  'seeds/002_e9119868c7a8961d.txt': 'rfi',
};

function feedRecords(path: string, source: string): StoryRecord[] {
  const view = describeFeed(readFileSync(join(TESTDATA, path)), { contentType: null, feedUrl: null, now: new Date('2026-01-01T00:00:00Z') });
  if ('error' in view) throw new Error(`stories testdata: ${path}: ${view.error.message}`);
  return view.items.map((item, index) => ({
    id: `${path}#${index}`,
    source,
    timeMs: Date.parse(item.published),
    title: item.title,
    lead: leadText(item.content ?? item.summary ?? ''),
  }));
}

function fileRecord(path: string, source: string): StoryRecord {
  const file = parseArticleFile(readFileSync(join(TESTDATA, path), 'utf8'), path);
  if (file.publishedMs === null) throw new Error(`stories testdata: ${path} has no publication time`);
  return { id: path, source, timeMs: file.publishedMs, title: file.title, lead: leadText(file.html) };
}

export function testdataRecords(): StoryRecord[] {
  const records: StoryRecord[] = [];
  for (const [path, source] of Object.entries(FEED_SOURCES)) records.push(...feedRecords(path, source));
  for (const [path, source] of Object.entries(SEED_SOURCES)) records.push(fileRecord(path, source));
  for (const outlet of readdirSync(join(TESTDATA, 'duty-machine')).sort()) {
    for (const name of readdirSync(join(TESTDATA, 'duty-machine', outlet)).sort()) {
      records.push(fileRecord(`duty-machine/${outlet}/${name}`, outlet.toLowerCase()));
    }
  }
  return records;
}
