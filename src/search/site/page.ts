// search.html: a search box for readers with JavaScript, and for readers without it (or with it blocked)
// the ways to browse everything the box would find: by day and by outlet. The form is hidden until the
// script runs, so nobody sees a box that cannot work; <noscript> shows the links only when it will not.
import { html, renderPage, type PageContext } from '../../publish/pages/index.ts';
import { relativeLink } from '../../publish/site/index.ts';
import { searchPaths } from './types.ts';

export function renderSearchPage(context: PageContext): string {
  const { links } = context;
  const script = relativeLink(searchPaths.page, searchPaths.script);
  const body = html`<h1>搜索</h1>
<form id="search-form" role="search" action="${relativeLink(searchPaths.page, searchPaths.page)}" method="get" hidden>
<p><input id="search-q" name="q" type="search" autocomplete="off" style="width:100%;font-size:1.1em;padding:.4em" placeholder="输入两个或以上的字，如：习近平 香港 -疫情" aria-label="搜索全部文章"></p>
<p class="muted">简体、繁体都能找到（習近平 = 习近平）。多个词用空格分开，全部包含才算；词前加 - 表示排除。</p>
</form>
<p id="search-status" class="muted" aria-live="polite"></p>
<ul id="search-results" class="articles"></ul>
<p><button id="search-more" type="button" hidden>更多结果</button></p>
<noscript>
<p>搜索要用 JavaScript。不用它，也可以按日期或按媒体浏览全部文章：</p>
<ul class="articles">
${links.days === null ? '' : html`<li><a href="${links.days}">按日期浏览</a></li>\n`}${[...context.sources.values()].map(
    (source) => html`<li><a href="${links.source(source.id)}">${source.name}</a></li>\n`,
  )}</ul>
</noscript>
<script src="${script}"></script>`;
  return renderPage(context, { title: '搜索', body });
}
