// The outlets newsvault archives when no config file names its own. One table, sorted by id.
//
// Ids and names of the original nine match the old archive's folders and list files, so an imported archive
// continues in place (`articles/BBC/`, `lists/德国之声.md`); an id is never reused or renamed. Where an
// outlet has a third-party full-text mirror (feedx.net) that is still fresh, it stays the primary and the
// outlet's own feed is the fallback: feedx's feeds go stale one by one while still answering 200, so a run
// judges staleness from the items and moves to the fallback by itself (cycle/feed-fallback.ts).
// `status` records what was known of each feed at `checked` (the evidence gathered in late 2026); the
// software must notice by itself when it stops being true. README's source table is this table.
import type { SourceConfig } from './schema.ts';

export type OutletStatus =
  /** Same-day items at the last check. */
  | 'current'
  /** Answered at the last check, or current at an earlier one; freshness since unknown. */
  | 'probably current'
  /** The outlet publishes nothing new (kept so it resumes by itself). */
  | 'dormant'
  /** Dead feed: not fetched, kept so the archived history keeps its id and name. */
  | 'retired';

export interface BuiltinOutlet {
  source: SourceConfig;
  status: OutletStatus;
  /** What the status rests on, for README and `sources list`. */
  note: string;
}

export const BUILTIN_OUTLETS: readonly BuiltinOutlet[] = [
  {
    source: {
      id: 'BBC',
      name: 'BBC',
      url: 'https://feedx.net/rss/bbc.xml',
      fallbacks: ['https://feeds.bbci.co.uk/zhongwen/simp/rss.xml'],
      language: 'zh-Hans',
    },
    status: 'current',
    note: 'feedx full text, same-day items 2026-09-29; official feed carries summaries',
  },
  {
    source: { id: 'cdt', name: '中国数字时代', url: 'https://chinadigitaltimes.net/chinese/feed/', language: 'zh-Hans' },
    status: 'current',
    note: 'own feed, full text in content:encoded',
  },
  {
    source: {
      id: 'cna',
      name: '中央社',
      url: 'https://feeds.feedburner.com/rsscna/intworld',
      language: 'zh-Hant',
      fulltext: 'auto',
    },
    status: 'current',
    note: 'summaries (full text from pages); 39 minutes fresh 2026-08-29',
  },
  {
    source: {
      id: 'dw',
      name: '德国之声',
      url: 'https://feedx.net/rss/dw.xml',
      fallbacks: ['https://rss.dw.com/rdf/rss-chi-all'],
      language: 'zh-Hans',
    },
    status: 'probably current',
    note: 'feedx current to 2025-02 at least; official RDF teasers worked 2026-08-29',
  },
  {
    source: { id: 'ft', name: 'FT中文网', url: 'https://www.ftchinese.com/rss/feed', language: 'zh-Hans', fulltext: 'page' },
    status: 'probably current',
    note: 'official feed, summaries, full text from pages (many paywalled); feedx copy stale since 2021-12',
  },
  {
    source: { id: 'initium', name: '端传媒', url: 'https://theinitium.com/rss', language: 'zh-Hant', fulltext: 'auto' },
    status: 'probably current',
    note: 'summaries, paywalled long-form; low volume; worked 2026-08-29',
  },
  {
    source: { id: 'kyodo', name: '共同网', url: 'https://china.kyodonews.net/rss/news.xml', language: 'zh-Hans', fulltext: 'auto' },
    status: 'probably current',
    note: 'summaries (full text from pages)',
  },
  {
    source: { id: 'mingpao', name: '明报', url: 'https://news.mingpao.com/rss/ins/s00001.xml', language: 'zh-Hant', fulltext: 'auto' },
    status: 'probably current',
    note: 'instant news, summaries (full text from pages); sections s00002…s00007 exist',
  },
  {
    source: { id: 'nikkei', name: '日经中文网', url: 'https://cn.nikkei.com/rss.html', language: 'zh-Hans', fulltext: 'auto' },
    status: 'probably current',
    note: 'summaries (full text from pages)',
  },
  {
    source: {
      id: 'nyt',
      name: '纽约时报中文网',
      url: 'https://feedx.net/rss/nytimes.xml',
      fallbacks: ['https://cn.nytimes.com/rss/'],
      language: 'zh-Hans',
    },
    status: 'probably current',
    note: 'feedx current to 2025-02 at least; official feed (summaries) worked 2026-08-29',
  },
  {
    source: { id: 'reuters', name: '路透中文网', url: 'https://feedx.net/rss/reuters.xml', enabled: false, language: 'zh-Hans' },
    status: 'retired',
    note: 'cn.reuters.com redirects to www.reuters.com since April 2022; last item 2022-04-11; no Chinese feed exists',
  },
  {
    source: {
      id: 'rfa',
      name: '自由亚洲电台',
      url: 'https://www.rfa.org/arc/outboundfeeds/mandarin/rss/',
      fallbacks: ['https://www.rfa.org/mandarin/rss2.xml'],
      language: 'zh-Hans',
      fulltext: 'auto',
    },
    status: 'probably current',
    note: 'rebuilt on Arc XP, full text in content:encoded, worked 2026-08-29; news halted 2025-10-31, small restart 2026-02',
  },
  {
    source: {
      id: 'rfi',
      name: '法广',
      url: 'https://feedx.net/rss/rfi.xml',
      fallbacks: ['https://www.rfi.fr/cn/rss'],
      language: 'zh-Hans',
    },
    status: 'current',
    note: 'feedx copy to 2024; official feed 6 minutes fresh 2026-08-29 (summaries)',
  },
  {
    source: {
      id: 'voa',
      name: '美国之音',
      url: 'https://feedx.net/rss/mgzy1.xml',
      fallbacks: ['https://www.voachinese.com/api/zm_yql-vomx-tpeybti'],
      language: 'zh-Hans',
    },
    status: 'dormant',
    note: 'VOA frozen since 2025-03-15; a court ordered a restart 2026-03-17, no Chinese output since',
  },
];

/** The built-in sources as a config's `sources` list would name them. */
export const BUILTIN_SOURCES: readonly SourceConfig[] = BUILTIN_OUTLETS.map((outlet) => outlet.source);

/**
 * Opt-in examples, not archived by default: add them to your config's `sources` if you want them.
 * Large volume and partisan (both are close to the Falun Gong movement): label them so wherever they appear.
 */
export const PARTISAN_EXAMPLES: readonly SourceConfig[] = [
  { id: 'epochtimes', name: '大纪元（党派媒体）', url: 'https://www.epochtimes.com/gb/feed', language: 'zh-Hans' },
  { id: 'ntdtv', name: '新唐人（党派媒体）', url: 'https://www.ntdtv.com/gb/feed', language: 'zh-Hans' },
];
