// A small real archive for the reader's tests: a SQLite file in a temp folder (or the PostgreSQL database
// `database` names) with Chinese articles (one in traditional characters, one with a second revision, one
// removed at the source, one whose stored HTML carries script and event handlers), in the search index beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentOf } from '../../search/document.ts';
import { fingerprint, sha256 } from '../../revision/fingerprint.ts';
import type { SearchIndex } from '../../search/types.ts';
import type { Article, NewArticle, Store } from '../../store/index.ts';
import { openStore } from '../../store/open-store.ts';

export const SOURCES = [
  { id: 'BBC', name: 'BBC', url: 'https://feedx.net/rss/bbc.xml' },
  { id: 'rfi', name: '法广', url: 'https://feedx.net/rss/rfi.xml' },
  { id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
];

const T = Date.UTC(2024, 2, 20, 4, 0); // 2024-03-20 12:00 UTC+8

function article(fields: Pick<NewArticle, 'sourceId' | 'key' | 'url' | 'title' | 'publishedMs' | 'content'>): NewArticle {
  return {
    author: null,
    sha256: sha256(fields.content),
    fingerprint: fingerprint(fields.content),
    seenMs: fields.publishedMs + 600_000,
    seenWhere: 'feed',
    ...fields,
  };
}

export const CONTENT = {
  meeting: '<p>中国国家主席习近平周三在北京会见了美国国务卿布林肯。</p><p>双方讨论了贸易与台湾问题。</p>',
  meetingRevised:
    '<p>中国国家主席习近平周三在北京会见了美国国务卿布林肯，会谈持续两小时。</p><p>双方讨论了贸易与台湾问题。</p>',
  hostile:
    '<p>马克龙抵达上海开始国事访问。</p><script>alert("x")</script><img src="/photo.jpg" onerror="alert(1)" alt="马克龙">' +
    '<a href="javascript:alert(2)">点击</a><p style="color:red" onclick="alert(3)">第二段文字。</p>',
  traditional: '<p>香港立法會選舉周日舉行，投票率創新低。</p>',
  removed: '<p>这篇关于新疆棉花的报道已被源站删除。</p>',
  lateNight: '<p>深夜发布的快讯：上海股市收盘下跌。</p>',
};

export interface SampleArchive {
  dir: string;
  /** The database: the SQLite file in `dir`, or the PostgreSQL URL given. */
  file: string;
  store: Store;
  search: SearchIndex;
  ids: { meeting: number; hostile: number; traditional: number; removed: number; lateNight: number };
  removedAtMs: number;
  close(): void;
}

export async function createSampleArchive(options: { database?: string } = {}): Promise<SampleArchive> {
  const dir = mkdtempSync(join(tmpdir(), 'nv-reader-'));
  const file = options.database ?? join(dir, 'newsvault.sqlite');
  const { store, search } = await openStore({ database: file });
  await store.syncSources(SOURCES);
  const add = async (a: NewArticle): Promise<Article> => await store.insertArticle(a);
  const meeting = await add(
    article({ sourceId: 'voa', key: 'guid:1', url: 'https://www.voachinese.com/a/meeting.html', title: '习近平会见布林肯', publishedMs: T, content: CONTENT.meeting }),
  );
  await store.addRevision(meeting.id, {
    title: '习近平会见美国国务卿布林肯',
    url: meeting.url,
    content: CONTENT.meetingRevised,
    sha256: sha256(CONTENT.meetingRevised),
    fingerprint: fingerprint(CONTENT.meetingRevised),
    seenMs: T + 3_600_000,
    seenWhere: 'feed',
  });
  const hostile = await add(
    article({ sourceId: 'rfi', key: 'guid:2', url: 'https://www.rfi.fr/cn/news/macron', title: '马克龙访华 <b>不是标签</b>', publishedMs: T - 3_600_000, content: CONTENT.hostile }),
  );
  const traditional = await add(
    article({ sourceId: 'BBC', key: 'guid:3', url: 'javascript:alert(4)', title: '香港立法會選舉', publishedMs: T - 7_200_000, content: CONTENT.traditional }),
  );
  const removed = await add(
    article({ sourceId: 'voa', key: 'guid:4', url: 'https://www.voachinese.com/a/cotton.html', title: '新疆棉花调查', publishedMs: T - 86_400_000, content: CONTENT.removed }),
  );
  const removedAtMs = T + 2 * 86_400_000;
  await store.setStatus(removed.id, 'removed', removedAtMs);
  // 2024-03-20 17:30 UTC is 2024-03-21 01:30 in UTC+8: it belongs to the next day's listing.
  const lateNight = await add(
    article({ sourceId: 'rfi', key: 'guid:5', url: 'https://www.rfi.fr/cn/late', title: '上海股市收盘', publishedMs: Date.UTC(2024, 2, 20, 17, 30), content: CONTENT.lateNight }),
  );

  await search.prepare();
  const docs = [];
  for (const id of [meeting.id, hostile.id, traditional.id, removed.id, lateNight.id]) docs.push(documentOf((await store.getArticle(id))!));
  await search.index(docs);
  return {
    dir,
    file,
    store,
    search,
    ids: { meeting: meeting.id, hostile: hostile.id, traditional: traditional.id, removed: removed.id, lateNight: lateNight.id },
    removedAtMs,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
