// The static site: pages that work from file://, from any sub-path, without JavaScript.
export { publishSite, loadDisplayClean } from './publish.ts';
export type { PublishSiteOptions, PublishSiteResult } from './publish.ts';
export { sitePaths, relativeLink } from './paths.ts';
export { siteContext, siteLinks } from './site-links.ts';
export { renderHealthPage, type HealthSource, type HealthView } from './health-page.ts';
export { offlinePaths, publishOffline, isoWeek, type PublishOfflineOptions } from './offline.ts';
export { formatSize, type OfflineListing } from './offline-page.ts';
