// Builds the static site and its Atom feeds from the archive, incrementally: only the articles that
// changed since the last build (new revision or status change) are rendered, with the pages that list
// them (their outlet page, their day), plus the small always-current pages (home, days, removed,
// changed, feeds). writeFileAtomic skips a page whose bytes did not change, so the write log holds
// exactly the files that differ. The first build, a changed setting or a rebuilt database renders all.
import { dirname, join, relative, sep } from 'node:path';
import { MEDIA_DIR, protectMediaLinks, resolveMediaLinks } from '../media-links.ts';
import type { FeedContext } from '../atom/index.ts';
import { TEMP_SUFFIX, writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
// Types only: the renderers are loaded by renderSite, so an hour with nothing new never loads them (issue 15).
import type { DisplayCleaner, PageContext, PageSource, Pager, RevisionDiffer } from '../pages/index.ts';
import { dayOfUtc8, dayRangeUtc8 } from '../../time/utc8.ts';
import { pageCount, pageOfRank, relativeLink, sitePaths } from './paths.ts';
import type { ArticleSummary, Store } from '../../store/types.ts';
import { offlinePaths, publishOffline } from './offline.ts';
import type { ListedBundle } from './offline-bundle.ts';
import { siteContext } from './site-links.ts';
import { daysOver, readPublishState, savePublishState, settingsHash } from './state.ts';
import { readChanges, type PublishChanges } from './changes.ts';
import type { SiteStories, StoryPass } from './story-pass.ts';
import { createDisplayMemo, type DisplayMemo } from './display-memo.ts';

/** The display memo's scratch file in the site folder (a temporary name: never committed). */
const DISPLAY_MEMO_FILE = `.display-memo${TEMP_SUFFIX}`;

export interface PublishSiteOptions {
  store: Store;
  /** The site folder (absolute). */
  dir: string;
  siteTitle: string;
  /** Outlets in display order; articles of an outlet not listed still get pages (named by id). */
  sources: readonly PageSource[];
  pageSize: number;
  atomEntries: number;
  /** Public URL of the site folder, for absolute links in the feeds; optional. */
  baseUrl?: string | null;
  /** Render every page, whatever the saved state says. */
  full?: boolean;
  /**
   * The cycle's change set (changes.ts), shared with the site search; the caller saves the publish state. Without
   * it the site reads its folder's state itself and saves it when done (a site built on its own).
   */
  changes?: PublishChanges;
  clean?: DisplayCleaner;
  diff?: RevisionDiffer;
  log?: WriteLog;
  /** Where archived images are (default: `media/` beside the site folder, i.e. in the output). */
  mediaDir?: string;
  /** The run's clock: with it, the EPUB digests of the days and weeks over by then (offline.ts). */
  nowMs?: number;
  /**
   * A day's stories (stories/createDayStories, handed in by the cycle). With it, each article page lists the
   * other outlets' reports of its event and every day gets a stories page; without it, neither.
   */
  stories?: SiteStories;
  /** The archive's git bundle for the offline page (offline-bundle.ts), made by the cycle; absent: the one listed. */
  bundle?: ListedBundle;
}

export interface PublishSiteResult {
  full: boolean;
  /** The settings hash the site was built with (PublishState.settings.site). */
  settings: string;
  /** Article pages rendered (written or found identical). */
  articlesRendered: number;
  /** Files whose bytes changed, absolute. */
  files: string[];
}

const HOME_ARTICLES = 60;
const HOME_DAYS = 14;
const LIST_LIMIT = 2000;
const BATCH = 500;

/** Links of an outlet's page at `path` (its page-N file or its index.html) to the pages around it. */
function outletPager(sourceId: string, page: number, pages: number, path: string): Pager {
  const to = (target: string): string => relativeLink(path, target);
  // Newer pages have higher numbers; the newest is also index.html.
  return {
    page,
    newest: to(sitePaths.sourceIndex(sourceId)),
    newer: page < pages ? to(sitePaths.sourcePage(sourceId, page + 1)) : null,
    older: page > 1 ? to(sitePaths.sourcePage(sourceId, page - 1)) : null,
    oldest: to(sitePaths.sourcePage(sourceId, 1)),
  };
}

/** The display cleaner the site uses by default, loaded on first use (parse5): an hour with nothing new never loads it. */
export async function loadDisplayClean(): Promise<DisplayCleaner> {
  const { cleanDisplay } = await import('../../clean/display.ts');
  return (html, baseUrl) => cleanDisplay(protectMediaLinks(html), { baseUrl });
}

export async function publishSite(options: PublishSiteOptions): Promise<PublishSiteResult> {
  const { store, dir, pageSize } = options;
  const log: WriteLog = options.log ?? { written: [] };
  const before = log.written.length;
  // Archived images (see publish/media-links.ts) are linked relative to each page, or absolutely when the
  // site's public URL is known.
  const mediaDir = options.mediaDir ?? join(dir, '..', MEDIA_DIR);
  const mediaPrefix = (path: string): string => {
    const fromSiteRoot = `${relative(dir, mediaDir).split(sep).join('/')}/`;
    if (options.baseUrl) return new URL(fromSiteRoot, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).href;
    return `${relative(dirname(join(dir, path)), mediaDir).split(sep).join('/')}/`;
  };
  const write = (path: string, content: string): boolean =>
    writeFileAtomic(join(dir, path), resolveMediaLinks(content, mediaPrefix(path)), log);
  // Each revision cleaned once for its page, its feeds and its EPUB chapters (display-memo.ts); closed below.
  let memo = null as DisplayMemo | null;
  const loadClean = async (): Promise<DisplayCleaner> => (memo ??= createDisplayMemo(options.clean ?? (await loadDisplayClean()), join(dir, DISPLAY_MEMO_FILE))).clean;

  const sources = new Map(options.sources.map((source) => [source.id, source]));
  const sourceOf = (id: string): PageSource => sources.get(id) ?? { id, name: id, language: null };
  const at = (path: string): PageContext => {
    const context = siteContext(options.siteTitle, sources, path);
    // Without stories the site writes no stories pages: no page links to one.
    if (!options.stories) delete context.links.stories;
    return context;
  };
  const settings = settingsHash({
    title: options.siteTitle,
    sources: options.sources,
    pageSize,
    atomEntries: options.atomEntries,
    baseUrl: options.baseUrl ?? null,
    ...(options.stories ? { stories: 1 } : {}),
  });

  const own = options.changes === undefined;
  const changes = options.changes ?? (await readChanges(store, readPublishState(dir)));
  const full = options.full === true || changes.changed === null || changes.previous?.settings['site'] !== settings;
  const changed = full ? null : changes.changed!;
  // Nothing new since the mark: no page is read or rendered; only the digests look for a day that ended.
  const quiet = changed !== null && changed.length === 0;
  const offlineFor = (at: (path: string) => PageContext) =>
    options.nowMs === undefined
      ? null
      : publishOffline({ store, dir, siteTitle: options.siteTitle, sources, loadClean, mediaDir, nowMs: options.nowMs, force: options.full === true, changed, sinceMs: changes.previous?.daysOverMs ?? null, at, write, log, ...(options.bundle ? { bundle: options.bundle } : {}) });
  let articlesRendered = 0;
  try {
    if (quiet) await offlineFor(at);
    else articlesRendered = await renderSite();
  } finally {
    memo?.close();
  }
  if (own) {
    // Last: the mark. A build killed before this point is simply redone next time.
    savePublishState(dir, { version: 2, mark: changes.mark, daysOverMs: options.nowMs === undefined ? null : daysOver(options.nowMs), manifest: null, settings: { ...changes.previous?.settings, site: settings } }, log);
  }
  return { full, settings, articlesRendered, files: log.written.slice(before) };

  async function renderSite(): Promise<number> {
  const { diffRevisionText, html, renderArticlePage, renderChanged, renderDay, renderDaysIndex, renderHome, renderRemoved, renderSourcePage, renderStoriesDay, STYLESHEET } =
    await import('../pages/index.ts');
  const { allFeed, changedFeed, removedFeed, sourceFeed } = await import('../atom/index.ts');
  const { storyDaysAround, storyPass } = await import('./story-pass.ts');
  const diff = options.diff ?? diffRevisionText;
  const clean = await loadClean();
  // 0. Stories, before the article pages that list the other outlets' reports: every day on a full build,
  // else the days whose stories a changed article can be in; articles in a story with a changed article are
  // rendered again. (An edit that takes an article out of a story leaves its old partners' pages listing it
  // until their own next change or a full build.)
  let stories: StoryPass | null = null;
  if (options.stories) {
    const days = changed === null ? (await store.countByDay()).map((entry) => entry.day) : changed.flatMap((a) => storyDaysAround(dayOfUtc8(a.publishedMs)));
    stories = await storyPass(options.stories, days, changed === null ? null : new Set(changed.map((a) => a.id)));
  }

  // 1. Article pages.
  const touchedPages = new Map<string, Set<number>>();
  const touchedDays = new Set<string>();
  let articlesRendered = 0;
  const renderArticle = async (summary: ArticleSummary): Promise<void> => {
    const article = await store.getArticle(summary.id);
    if (!article) return;
    const source = sourceOf(article.sourceId);
    const path = sitePaths.article(article.sourceId, article.number);
    const coverage = stories?.coverage.get(article.id);
    write(path, renderArticlePage(at(path), { article, revisions: await store.listRevisions(article.id), source, clean, diff, coverage }));
    articlesRendered++;
    if (!full) {
      const pages = touchedPages.get(article.sourceId) ?? new Set<number>();
      pages.add(pageOfRank(await store.rankInSource(article.sourceId, article.number), pageSize));
      touchedPages.set(article.sourceId, pages);
      touchedDays.add(dayOfUtc8(article.publishedMs));
    }
  };
  if (full) {
    for (let batch = await store.listSummariesAfter(0, BATCH); batch.length > 0; batch = await store.listSummariesAfter(batch.at(-1)!.id, BATCH)) {
      for (const summary of batch) await renderArticle(summary);
    }
  } else {
    for (const summary of changed!) await renderArticle(summary);
    for (const summary of stories?.touched ?? []) await renderArticle(summary);
  }

  // 2. Outlet pages: the pages holding changed articles, and the newest two (a new page changes the
  // "newer" link of the one before it). A full build renders every page of every outlet.
  const outletIds = new Set([...sources.keys(), ...touchedPages.keys()]);
  const outlets: { source: PageSource; count: number; pages: number }[] = [];
  for (const id of outletIds) {
    const count = await store.countArticles(id);
    outlets.push({ source: sourceOf(id), count, pages: pageCount(count, pageSize) });
  }
  for (const outlet of outlets) {
    const id = outlet.source.id;
    const wanted = full
      ? range(1, outlet.pages)
      : touchedPages.has(id)
        ? new Set([...touchedPages.get(id)!, outlet.pages, Math.max(1, outlet.pages - 1)])
        : new Set<number>();
    for (const page of [...wanted].sort((a, b) => a - b)) {
      const articles = (await store.listSourceSlice(id, (page - 1) * pageSize, pageSize)).reverse();
      const paths = [sitePaths.sourcePage(id, page), ...(page === outlet.pages ? [sitePaths.sourceIndex(id)] : [])];
      for (const path of paths) {
        const pager = outletPager(id, page, outlet.pages, path);
        write(path, renderSourcePage(at(path), { source: outlet.source, count: null, articles, pager, newest: page === outlet.pages }));
      }
    }
  }

  // 3. Day pages and the small pages that summarise the whole archive.
  const days = await store.countByDay();
  for (const day of full ? days.map((entry) => entry.day) : [...touchedDays].sort()) {
    const { startMs, endMs } = dayRangeUtc8(day);
    const articles = await store.listSummariesPublishedBetween(startMs, endMs);
    write(sitePaths.day(day), renderDay(at(sitePaths.day(day)), { day, articles, total: articles.length, neighbours: false, pager: null }));
  }
  const dayNames = new Set(days.map((entry) => entry.day));
  for (const [day, dayStories] of stories?.byDay ?? []) {
    if (!dayNames.has(day)) continue; // a day around a change with no article of its own
    write(sitePaths.stories(day), renderStoriesDay(at(sitePaths.stories(day)), { day, stories: dayStories, neighbours: false }));
  }
  write(sitePaths.days, renderDaysIndex(at(sitePaths.days), days));
  // EPUB digests (site/offline/), each rebuilt only when its day changed: they keep their own state.
  await offlineFor(at);
  const intro = options.nowMs === undefined ? undefined : html`<p><a href="${offlinePaths.index}">离线阅读：每日、每周 EPUB 电子书</a></p>`;
  const listed = outlets.filter((o) => o.count > 0 || sources.has(o.source.id));
  write(sitePaths.home, renderHome(at(sitePaths.home), { latest: await store.listLatestSummaries(HOME_ARTICLES), outlets: listed, recentDays: days.slice(0, HOME_DAYS), intro }));
  // The removed and changed lists only when a change can show there; the stylesheet only with the renderer.
  const statusSince = changes.previous?.mark.statusChangedMs ?? 0;
  const removals = changed === null || changed.some((a) => a.status === 'removed' || (a.statusChangedMs ?? 0) > statusSince);
  const edits = changed === null || changed.some((a) => a.revisionCount > 1);
  if (removals) write(sitePaths.removed, renderRemoved(at(sitePaths.removed), await store.listRemovedSummaries(LIST_LIMIT)));
  if (edits) write(sitePaths.changed, renderChanged(at(sitePaths.changed), await store.listChangedSummaries(LIST_LIMIT)));
  if (full) write(sitePaths.style, STYLESHEET);

  // 4. Feeds: everything, removed, changed, and the outlets that changed.
  const feeds: FeedContext = {
    store,
    sources,
    siteTitle: options.siteTitle,
    baseUrl: options.baseUrl ?? null,
    entries: options.atomEntries,
    clean,
  };
  write(...feedFile(await allFeed(feeds)));
  if (removals) write(...feedFile(await removedFeed(feeds)));
  if (edits) write(...feedFile(await changedFeed(feeds)));
  for (const outlet of outlets) {
    if (full || touchedPages.has(outlet.source.id)) {
      const rendered = await sourceFeed(feeds, outlet.source);
      write(rendered.path, rendered.content);
    }
  }

  return articlesRendered;
  }
}

const feedFile = (feed: { path: string; content: string }): [string, string] => [feed.path, feed.content];

function range(from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let page = from; page <= to; page++) out.add(page);
  return out;
}
