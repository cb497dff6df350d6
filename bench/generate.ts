// Deterministic synthetic inputs for the benchmarks: realistic full-text Chinese feed items.
const PHRASES = [
  '俄罗斯总统普京', '中国国家主席习近平', '星期二在克里姆林宫', '签署联合声明', '呼吁以政治外交途径解决危机',
  '美国国务院发言人表示', '乌克兰总统泽连斯基', '欧洲联盟外交官说', '香港立法会', '台湾海峡局势',
  '经济增长放缓', '联合国安理会', '人权组织批评', '新闻自由受到限制', '记者被拘留', '网络审查',
  '国际刑事法院', '外交部在声明中说', '据路透社报道', '分析人士认为', '北京与莫斯科', '制裁措施',
];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function articleHtml(random: () => number, chars = 1500): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    let sentence = '';
    for (let i = 0; i < 6; i++) sentence += PHRASES[Math.floor(random() * PHRASES.length)]!;
    sentence += '。';
    paragraphs.push(`<p>${sentence}<br />${sentence}</p>`);
    length += sentence.length * 2;
  }
  return `<div><i>Tue, 21 Mar 2023 20:31:59 GMT</i></div><img src="https://example.com/img/${Math.floor(random() * 1e9)}.jpg" width="100%">${paragraphs.join('')}`;
}

export function rssFeed(options: { title: string; items: number; seed: number; baseMs?: number; chars?: number }): string {
  const random = seededRandom(options.seed);
  const base = options.baseMs ?? Date.UTC(2023, 2, 21);
  const items: string[] = [];
  for (let i = 0; i < options.items; i++) {
    const date = new Date(base - i * 60_000).toUTCString();
    items.push(
      `<item>\n<title><![CDATA[${options.title} 第${i}篇：${PHRASES[i % PHRASES.length]}]]></title>\n` +
        `<link>https://news.example.com/${options.seed}/a/${i}.html</link>\n` +
        `<guid isPermaLink="false">${options.seed}-${i}</guid>\n<pubDate>${date}</pubDate>\n` +
        `<description><![CDATA[${articleHtml(random, options.chars)}]]></description>\n</item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n<title>${options.title}</title>\n` +
    `<link>https://news.example.com/</link>\n<description>bench</description>\n${items.join('\n')}\n</channel>\n</rss>\n`
  );
}
