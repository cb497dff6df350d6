// The pages the static site writes and the reader serves: one escaping template, one stylesheet, one diff
// view, parameterised by a link policy (relative files for the site, routes for the reader).
export { html, raw, type HtmlValue, type SafeHtml } from './html.ts';
export type { ArticleRef, FeedName, LinkPolicy, PageContext, PageSource } from './links.ts';
export { articleLang, sourceOf } from './links.ts';
export { renderPage, UI_LANG, type PageInput } from './layout.ts';
export { articleList, pagerNav, statusMarks, type ListedArticle, type ListOptions, type Pager } from './article-list.ts';
export { blocksFromParts, budgetedDiffer, diffMarkup, diffRevisionText } from './diff-view.ts';
export type { DiffBlock, DiffBudget, DiffSkipped, DiffSpan, RevisionDiffer } from './diff-view.ts';
export { readableUrl, renderArticlePage, safeHttpUrl, type ArticlePageInput, type DisplayCleaner } from './article-page.ts';
export { renderChanged, renderDay, renderDaysIndex, renderHome, renderRemoved, renderSourcePage } from './list-pages.ts';
export type { DayCount, DayPageInput, HomeInput, OutletCount, SourcePageInput } from './list-pages.ts';
export { STYLESHEET } from './stylesheet.ts';
export { COVERAGE_LIMIT, coverageOf, NO_COVERAGE, type Coverage } from './coverage.ts';
export { coverageSection, renderStoriesDay, type StoriesPageInput } from './stories-page.ts';
