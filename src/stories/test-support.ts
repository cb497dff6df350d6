// Stored articles for the stories tests: the seed pair, an unrelated article moved to their day, and a third
// outlet's report of the same meeting in traditional script; and how to put them into a real store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleFile } from '../archive-format/article-file.ts';
import { fingerprint, sha256 } from '../revision/fingerprint.ts';
import type { Store } from '../store/index.ts';
import { TESTDATA } from './testdata-records.ts';

export interface StoredFixture {
  sourceId: string;
  title: string;
  url: string | null;
  publishedMs: number;
  content: string;
}

export function fixture(path: string, sourceId: string, publishedMs?: number): StoredFixture {
  const file = parseArticleFile(readFileSync(join(TESTDATA, path), 'utf8'), path);
  return { sourceId, title: file.title, url: file.url, publishedMs: publishedMs ?? file.publishedMs!, content: file.html };
}

export const VOA = fixture('seeds/000_050e39a74adabfee.txt', 'voa');
export const RFI = fixture('seeds/002_e9119868c7a8961d.txt', 'rfi');
/** DW on protests in Germany (February 2025), moved to the seed pair's day: same days, another event. */
export const UNRELATED = fixture('duty-machine/dw/1022766.md', 'dw', VOA.publishedMs + 3_600_000);
/** A third outlet, in traditional script, on the same meeting. */
export const THIRD: StoredFixture = {
  sourceId: 'hk',
  title: '習近平結束訪俄 中俄元首呼籲重啟烏克蘭和談',
  url: 'https://example.com/hk/1',
  publishedMs: VOA.publishedMs + 5 * 3_600_000,
  content: '<p>中國國家主席習近平結束對俄羅斯的國事訪問。普京和習近平簽署兩國「深化新時代全面戰略協作夥伴關係」的聯合聲明，並呼籲通過政治外交途徑解決烏克蘭危機。</p>',
};

export const SOURCES = [
  { id: 'voa', name: '美国之音', url: 'https://example.com/voa.xml' },
  { id: 'rfi', name: '法广', url: 'https://example.com/rfi.xml' },
  { id: 'dw', name: '德国之声', url: 'https://example.com/dw.xml' },
  { id: 'hk', name: '港台', url: 'https://example.com/hk.xml' },
];

export function storeFixture(store: Store, article: StoredFixture, key: string) {
  return store.insertArticle({
    ...article,
    key,
    author: null,
    sha256: sha256(article.content),
    fingerprint: fingerprint(article.content),
    seenMs: article.publishedMs + 60_000,
    seenWhere: 'feed',
  });
}

