// RSS 2.0 feeds built in the test: `count` items with distinct GUIDs, links, dates and one-line HTML bodies.
export interface GeneratedItem {
  guid: string;
  link: string;
  title: string;
  publishedMs: number;
  html: string;
}

export function generatedItems(sourceId: string, count: number, startMs = Date.UTC(2024, 0, 1)): GeneratedItem[] {
  return Array.from({ length: count }, (_, index) => ({
    guid: `${sourceId}-${index}`,
    link: `https://example.com/${sourceId}/${index}.html`,
    title: `${sourceId} 第${index}篇报道`,
    publishedMs: startMs + index * 60_000,
    html: `<p>${sourceId} 第${index}篇报道的正文。${'新闻内容，'.repeat(40)}</p><p>第二段 ${index}。</p>`,
  }));
}

export function rssFeed(title: string, items: readonly GeneratedItem[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const entries = items
    .map(
      (item) =>
        `<item><guid isPermaLink="false">${item.guid}</guid><link>${item.link}</link><title>${escape(item.title)}</title>` +
        `<pubDate>${new Date(item.publishedMs).toUTCString()}</pubDate><description>${escape(item.html)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>https://example.com/</link>\n${entries}\n</channel></rss>\n`;
}
