// The listing pages: home (search box, newest articles, outlets), one outlet, one day, search results.
import type { SearchResult } from '../../search/index.ts';
import type { Article, SourceRecord } from '../../store/index.ts';
import { h, type SafeHtml } from '../safe-html.ts';
import { SEARCH_PAGE_SIZE, type SearchRequest } from '../search-request.ts';
import { addDays } from '../time.ts';
import { articleList, hitList, pageLinks, searchForm, sourceNames } from './listing.ts';

export interface SourceSummary extends SourceRecord {
  count: number;
}

export function homeBody(sources: readonly SourceSummary[], latest: readonly Article[]): SafeHtml {
  return h`<h1>新闻存档</h1>
${searchForm(sources)}
<h2>最新文章</h2>
${articleList(latest, sourceNames(sources))}
<h2 id="sources">媒体</h2>
<ul class="sources">${sources.map(
    (s) => h`<li><a href="/sources/${encodeURIComponent(s.id)}">${s.name}</a> <span class="meta">${s.count} 篇</span></li>`,
  )}</ul>`;
}

export function sourceBody(source: SourceSummary, sources: readonly SourceRecord[], articles: readonly Article[], page: number, hasNext: boolean): SafeHtml {
  return h`<h1>${source.name}</h1>
<p class="meta">${source.count} 篇文章 · 订阅源 <span>${source.url}</span></p>
${articleList(articles, sourceNames(sources), { showSource: false })}
${pageLinks(`/sources/${encodeURIComponent(source.id)}`, {}, page, hasNext)}`;
}

export function dayBody(day: string, sources: readonly SourceRecord[], articles: readonly Article[], page: number, hasNext: boolean): SafeHtml {
  return h`<h1>${day} 的文章</h1>
<p class="meta">北京时间 (UTC+8) 当日发布 · <a rel="prev" href="/days/${addDays(day, -1)}">← 前一天</a> · <a rel="next" href="/days/${addDays(
    day,
    1,
  )}">后一天 →</a></p>
${articleList(articles, sourceNames(sources))}
${pageLinks(`/days/${day}`, {}, page, hasNext)}`;
}

function totalText(result: SearchResult): string {
  return result.total === null ? `至少 ${result.totalAtLeast.toLocaleString('en-US')} 条结果` : `共 ${result.total} 条结果`;
}

export function searchBody(sources: readonly SourceRecord[], request: Partial<SearchRequest>, result: SearchResult | null): SafeHtml {
  if (result === null) {
    return h`<h1>搜索</h1>${searchForm(sources, request)}
<p class="meta">语法：多个词须同时出现；"引号" 搜短语；-词 排除；source:voa、from:2024-01-01、to:2024-12-31、status:removed 可写在搜索框里。繁简体通搜。</p>`;
  }
  const hasNext = result.hits.length === request.limit && (result.total === null || (request.page ?? 1) * (request.limit ?? 0) < result.total);
  return h`<h1>搜索：${request.q ?? ''}</h1>
${searchForm(sources, request)}
<p class="meta">${totalText(result)} · 用时 ${result.tookMs.toFixed(0)} 毫秒</p>
${result.truncated ? h`<p class="notice">查询超过时间限制，结果可能不完整。请缩小搜索范围。</p>` : null}
${result.hits.length === 0 ? h`<p>没有找到结果。</p>` : hitList(result.hits, sourceNames(sources))}
${pageLinks(
  '/search',
  {
    q: request.q,
    source: request.source,
    from: request.from,
    to: request.to,
    status: request.status,
    order: request.order,
    limit: request.limit === undefined || request.limit === SEARCH_PAGE_SIZE ? undefined : String(request.limit),
  },
  request.page ?? 1,
  hasNext,
)}`;
}
