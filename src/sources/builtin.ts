// The outlets newsvault archives when no config file names its own. One table, sorted by id.
// The feedx.net feeds carry full text (what the old archive used); RFA and China Digital Times are read
// from their own feeds. Ids and names match the old archive's folders and list files, so an imported
// archive continues in place (`articles/BBC/`, `lists/德国之声.md`).
import type { SourceConfig } from '../config/schema.ts';

export const BUILTIN_SOURCES: readonly SourceConfig[] = [
  { id: 'BBC', name: 'BBC', url: 'https://feedx.net/rss/bbc.xml', language: 'zh-Hans' },
  { id: 'cdt', name: '中国数字时代', url: 'https://chinadigitaltimes.net/chinese/feed/', language: 'zh-Hans' },
  { id: 'dw', name: '德国之声', url: 'https://feedx.net/rss/dw.xml', language: 'zh-Hans' },
  { id: 'ft', name: 'FT中文网', url: 'https://feedx.net/rss/ft.xml', language: 'zh-Hans' },
  { id: 'nyt', name: '纽约时报中文网', url: 'https://feedx.net/rss/nytimes.xml', language: 'zh-Hans' },
  { id: 'reuters', name: '路透中文网', url: 'https://feedx.net/rss/reuters.xml', language: 'zh-Hans' },
  { id: 'rfa', name: '自由亚洲电台', url: 'https://www.rfa.org/mandarin/RSS', language: 'zh-Hans', fulltext: 'auto' },
  { id: 'rfi', name: '法广', url: 'https://feedx.net/rss/rfi.xml', language: 'zh-Hans' },
  { id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml', language: 'zh-Hans' },
];
