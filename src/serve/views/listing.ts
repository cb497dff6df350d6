// Lists of articles (home, outlet, day) and search hits, the search form, and page links.
import type { SearchHit } from '../../search/index.ts';
import type { Article, SourceRecord } from '../../store/index.ts';
import { h, trusted, type SafeHtml } from '../safe-html.ts';
import type { SearchRequest } from '../search-request.ts';
import { formatShort, formatUtc8 } from '../time.ts';

export type SourceNames = ReadonlyMap<string, string>;

export function sourceNames(sources: readonly SourceRecord[]): SourceNames {
  const names = new Map<string, string>();
  for (const s of sources) {
    names.set(s.id, s.name);
    if (!names.has(s.id.toLowerCase())) names.set(s.id.toLowerCase(), s.name);
  }
  return names;
}

function sourceLink(id: string, names: SourceNames): SafeHtml {
  const known = names.get(id) ?? names.get(id.toLowerCase());
  return h`<a href="/sources/${encodeURIComponent(id)}">${known ?? id}</a>`;
}

export function removedBadge(status: string, atMs: number | null): SafeHtml | null {
  if (status !== 'removed') return null;
  return atMs === null
    ? h`<span class="badge removed">已删除</span>`
    : h`<span class="badge removed" title="${formatUtc8(atMs)} 发现源站已删除">已删除 ${formatShort(atMs).slice(0, 5)}</span>`;
}

export function articleList(articles: readonly Article[], names: SourceNames, options: { showSource?: boolean } = {}): SafeHtml {
  if (articles.length === 0) return h`<p class="meta">没有文章。</p>`;
  const showSource = options.showSource ?? true;
  return h`<ol class="articles">${articles.map(
    (a) => h`<li><div class="meta"><time datetime="${new Date(a.publishedMs).toISOString()}">${formatUtc8(a.publishedMs)}</time>${
      showSource ? h` · ${sourceLink(a.sourceId, names)}` : null
    }</div><a class="title" href="/articles/${a.id}">${a.title}</a>${removedBadge(a.status, a.statusChangedMs)}</li>`,
  )}</ol>`;
}

/** Hits carry the search module's escaped, <mark>-highlighted title and snippet. */
export function hitList(hits: readonly SearchHit[], names: SourceNames): SafeHtml {
  return h`<ol class="articles results">${hits.map(
    (hit) => h`<li><div class="meta"><time datetime="${new Date(hit.published).toISOString()}">${formatUtc8(hit.published)}</time> · ${sourceLink(
      hit.source,
      names,
    )}</div><a class="title" href="/articles/${hit.id}">${trusted(hit.titleHtml)}</a>${removedBadge(hit.status, null)}<p class="snippet">${trusted(
      hit.snippet,
    )}</p></li>`,
  )}</ol>`;
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return h`<option value="${value}"${value === (selected ?? '') ? trusted(' selected') : null}>${label}</option>`;
}

/** Works without JavaScript: a GET form to /search. Empty fields are ignored by the server. */
export function searchForm(sources: readonly SourceRecord[], request: Partial<SearchRequest> = {}): SafeHtml {
  return h`<form class="search" action="/search" method="get" role="search">
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

/** Previous/next links that keep every other parameter. */
export function pageLinks(path: string, params: Record<string, string | undefined>, page: number, hasNext: boolean): SafeHtml | null {
  if (page <= 1 && !hasNext) return null;
  const href = (p: number): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
    if (p > 1) search.set('page', String(p));
    const qs = search.toString();
    return qs === '' ? path : `${path}?${qs}`;
  };
  return h`<nav class="pages">${page > 1 ? h`<a rel="prev" href="${href(page - 1)}">← 上一页</a>` : h`<span></span>`}<span class="meta">第 ${page} 页</span>${
    hasNext ? h`<a rel="next" href="${href(page + 1)}">下一页 →</a>` : h`<span></span>`
  }</nav>`;
}
