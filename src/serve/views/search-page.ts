// The reader's own pages: the search form (also on home) and the results. Everything else the reader
// shows comes from publish/pages, like the static site's.
import { html, pagerNav, raw, renderPage, statusMarks, type PageContext, type SafeHtml } from '../../publish/pages/index.ts';
import type { SearchHit, SearchResult } from '../../search/index.ts';
import type { SourceRecord } from '../../store/index.ts';
import { formatUtc8, isoUtc } from '../../time/utc8.ts';
import { articleRoute } from '../reader-links.ts';
import { SEARCH_PAGE_SIZE, type SearchRequest } from '../search-request.ts';

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${value === (selected ?? '') ? raw(' selected') : null}>${label}</option>`;
}

/** Works without JavaScript: a GET form to /search. Empty fields are ignored by the server. */
export function searchForm(sources: readonly SourceRecord[], request: Partial<SearchRequest> = {}): SafeHtml {
  return html`<form class="search" action="/search" method="get" role="search">
<div class="row"><input type="search" name="q" value="${request.q ?? ''}" placeholder="搜索全部存档，如：习近平 &quot;一带一路&quot; -广告" aria-label="搜索词" maxlength="256">
<button type="submit">搜索</button></div>
<div class="row">
<label>媒体 <select name="source">${option('', '全部', request.source)}${sources.map((s) => option(s.id, s.name, request.source))}</select></label>
<label>从 <input type="date" name="from" value="${request.from ?? ''}"></label>
<label>到 <input type="date" name="to" value="${request.to ?? ''}"></label>
<label>状态 <select name="status">${option('', '全部', request.status)}${option('live', '在线', request.status)}${option(
    'removed',
    '已删除',
    request.status,
  )}</select></label>
<label>排序 <select name="order">${option('', '最新', request.order)}${option('relevance', '相关度', request.order)}</select></label>
</div>
</form>`;
}

/** Hits carry the search module's escaped, <mark>-highlighted title and snippet. */
function hitList(context: PageContext, hits: readonly SearchHit[]): SafeHtml {
  const { links, sources } = context;
  return html`<ol class="articles results">${hits.map(
    (hit) => html`<li><div class="meta"><time datetime="${isoUtc(hit.published)}">${formatUtc8(hit.published)}</time> · <a href="${links.source(hit.source)}">${
      (sources.get(hit.source) ?? sources.get(hit.source.toLowerCase()))?.name ?? hit.source
    }</a></div><a class="title" href="${articleRoute(hit.id)}">${raw(hit.titleHtml)}</a>${statusMarks({
      status: hit.status,
      revisionCount: 1,
    })}<p class="snippet">${raw(hit.snippet)}</p></li>`,
  )}</ol>`;
}

/** Previous/next links that keep every other parameter. */
function resultPages(params: Record<string, string | undefined>, page: number, hasNext: boolean): SafeHtml | null {
  if (page <= 1 && !hasNext) return null;
  const href = (p: number): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
    if (p > 1) search.set('page', String(p));
    const qs = search.toString();
    return qs === '' ? '/search' : `/search?${qs}`;
  };
  return pagerNav({ page, newer: page > 1 ? href(page - 1) : null, older: hasNext ? href(page + 1) : null }, { newer: '← 上一页', older: '下一页 →' });
}

function totalText(result: SearchResult): string {
  return result.total === null ? `至少 ${result.totalAtLeast.toLocaleString('en-US')} 条结果` : `共 ${result.total} 条结果`;
}

export function searchPage(context: PageContext, sources: readonly SourceRecord[], request: Partial<SearchRequest>, result: SearchResult | null): string {
  if (result === null) {
    return renderPage(context, {
      title: '搜索',
      body: html`<h1>搜索</h1>${searchForm(sources, request)}
<p class="meta">语法：多个词须同时出现；"引号" 搜短语；-词 排除；source:voa、from:2024-01-01、to:2024-12-31、status:removed 可写在搜索框里。繁简体通搜。</p>`,
    });
  }
  const hasNext = result.hits.length === request.limit && (result.total === null || (request.page ?? 1) * (request.limit ?? 0) < result.total);
  const body = html`<h1>搜索：${request.q ?? ''}</h1>
${searchForm(sources, request)}
<p class="meta">${totalText(result)} · 用时 ${result.tookMs.toFixed(0)} 毫秒</p>
${result.truncated ? html`<p class="notice">查询超过时间限制，结果可能不完整。请缩小搜索范围。</p>` : null}
${result.hits.length === 0 ? html`<p>没有找到结果。</p>` : hitList(context, result.hits)}
${resultPages(
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
  return renderPage(context, { title: `搜索：${request.q}`, body });
}
