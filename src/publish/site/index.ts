// The static site: pages that work from file://, from any sub-path, without JavaScript.
export { publishSite, displayClean } from './publish.ts';
export type { PublishSiteOptions, PublishSiteResult } from './publish.ts';
export type { SiteQueries, ArticleSummary, BuildMark, DayCount } from './queries.ts';
export { createSqliteSiteQueries, siteQueriesFor } from './sqlite-queries.ts';
export type { SiteSource } from './list.ts';
export { sitePaths, relativeLink } from './paths.ts';
export { escapeText, html, raw, SafeHtml } from './html-escape.ts';
export { blocksFromParts, diffRevisionText } from './revision-diff.ts';
export type { DiffBlock, DiffSpan, RevisionDiffer } from './revision-diff.ts';
export type { DisplayCleaner } from './article-page.ts';
export { renderHealthPage, type HealthSource, type HealthView } from './health-page.ts';
