// A small archive for the site and feed tests: three outlets over several days (the two seed feeds plus a
// generated Traditional-Chinese outlet with images, links and markup that cleaning must drop), then one
// article edited (two revisions) and one removed at the source, through the store API.
import { readFileSync } from 'node:fs';
import { SqliteStore } from '../../src/store/index.ts';
import { fingerprint, sha256 } from '../../src/revision/fingerprint.ts';
import { createTestArchive, type TestArchive } from './archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './feed-server.ts';

/** A 1×1 transparent PNG, served for every image the sample articles show. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface SiteArchive {
  server: FeedServer;
  archive: TestArchive;
  /** The seed VOA article, edited into a second revision. */
  revised: { sourceId: string; number: number; newSentence: string };
  /** A generated article marked removed. */
  removed: { sourceId: string; number: number };
  close(): Promise<void>;
}

function rssItem(server: string, index: number): string {
  const day = 18 + (index % 4);
  const hour = String(2 + index).padStart(2, '0');
  return `<item><title><![CDATA[第${index}則：臺灣與香港新聞 <測試> & 「引號」]]></title>
<link>https://www.bbc.com/zhongwen/trad/world-${index}</link>
<guid isPermaLink="false">bbc-trad-${index}</guid>
<pubDate>Mon, ${day} Mar 2023 ${hour}:15:00 GMT</pubDate>
<author>記者${index}號</author>
<description><![CDATA[<p>這是第${index}篇報道的正文，包含繁體中文與 English words。</p>
<figure><img src="${server}/img/photo-${index}.png" alt="圖片${index}"><figcaption>圖說${index}</figcaption></figure>
<p>相關閱讀：<a href="/zhongwen/trad/related-${index}">相關報道</a>。<script>alert(1)</script></p>
<p onclick="alert(2)">第二段：記者在現場觀察到的情況。</p>]]></description></item>`;
}

export async function buildSiteArchive(): Promise<SiteArchive> {
  const server = await startFeedServer();
  const fixtures = new URL('../fixtures/seed-feeds/', import.meta.url);
  server.routes.set('/voa.xml', serveBody(readFileSync(new URL('voa.xml', fixtures)), undefined, '"voa-1"'));
  server.routes.set('/rfi.xml', serveBody(readFileSync(new URL('rfi.xml', fixtures)), undefined, '"rfi-1"'));
  const items = Array.from({ length: 7 }, (_, index) => rssItem(server.url, index + 1)).join('\n');
  const trad = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>BBC 中文（繁體）</title>
<link>https://www.bbc.com/zhongwen/trad</link><description>sample</description>${items}</channel></rss>`;
  server.routes.set('/trad.xml', serveBody(trad, undefined, '"trad-1"'));
  server.routes.set('/img/', serveBody(PIXEL_PNG, 'image/png'));
  for (let index = 1; index <= 7; index++) server.routes.set(`/img/photo-${index}.png`, serveBody(PIXEL_PNG, 'image/png'));

  const archive = await createTestArchive(
    [
      { id: 'bbc-trad', name: 'BBC 中文（繁體）', url: `${server.url}/trad.xml`, language: 'zh-Hant' },
      { id: 'rfi', name: '法广', url: `${server.url}/rfi.xml`, language: 'zh-Hans' },
      { id: 'voa', name: '美国之音', url: `${server.url}/voa.xml`, language: 'zh-Hans' },
    ],
    { site: { pageSize: 3, title: '新闻存档', atomEntries: 20 }, git: { push: false } },
  );
  const first = await archive.run(new Date('2024-01-01T00:00:00Z'));
  if (first.exitCode !== 0) throw new Error(`site archive: first run failed: ${JSON.stringify(first.sources.map((s) => s.error))}`);

  const newSentence = '更新：克里姆林宫星期三发表了补充声明。';
  const store = SqliteStore.open(archive.database);
  let revised: SiteArchive['revised'];
  let removed: SiteArchive['removed'];
  try {
    const voa = (await store.listLatest('voa', 1))[0]!;
    const content = voa.content.replace('</p>', `</p><p>${newSentence}</p>`).replace('星期二', '周二');
    await store.addRevision(voa.id, {
      title: `${voa.title}（更新）`,
      url: voa.url,
      content,
      sha256: sha256(content),
      fingerprint: fingerprint(content),
      seenMs: Date.parse('2024-01-01T05:00:00Z'),
      seenWhere: 'recheck',
    });
    revised = { sourceId: 'voa', number: voa.number, newSentence };
    const gone = (await store.listLatest('bbc-trad', 7))[3]!;
    await store.setStatus(gone.id, 'removed', Date.parse('2024-01-02T03:00:00Z'));
    removed = { sourceId: 'bbc-trad', number: gone.number };
  } finally {
    await store.close();
  }
  const second = await archive.run(new Date('2024-01-02T04:00:00Z'));
  if (second.exitCode !== 0) throw new Error(`site archive: second run failed: ${second.errors.join('; ')}`);
  return { server, archive, revised, removed, close: () => server.close() };
}
