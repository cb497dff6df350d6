// The reader: a read-only Hono app over the store and the search index. Server-rendered HTML that works
// without JavaScript, a JSON API under /api/, and the same security headers on every response.
//
// Read-only by construction: only GET and HEAD are routed (anything else is 405), and no handler calls a
// Store or SearchIndex method that writes. `newsvault serve` also opens the store read-only (openStore).
import { Hono, type Context } from 'hono';
import { protectMediaLinks, resolveMediaLinks } from '../publish/media-links.ts';
import {
  renderArticlePage,
  renderChanged,
  renderDay,
  renderHome,
  renderRemoved,
  renderSourcePage,
  renderStoriesDay,
  STYLESHEET,
  type DisplayCleaner,
  type PageContext,
  type Pager,
} from '../publish/pages/index.ts';
import type { ArticleSummary } from '../store/index.ts';
import { SearchError } from '../search/index.ts';
import type { SearchIndex } from '../search/types.ts';
import type { Article, Store } from '../store/index.ts';
import { createDayStories, otherCoverage, type DayStories } from '../stories/index.ts';
import { DAY_MS, dayOfUtc8 } from '../time/utc8.ts';
import { readerDiffer } from './diff-budget.ts';
import { errorPage } from './error-page.ts';
import { applySecurityHeaders } from './headers.ts';
import { ICON_SVG } from './icon.ts';
import { readMedia } from './media.ts';
import { dayParam, idParam, pageParam, ParamError } from './params.ts';
import { readerContext } from './reader-links.ts';
import { readSearchRequest, runSearch, SEARCH_PAGE_SIZE } from './search-request.ts';
import { searchForm, searchPage } from './views/search-page.ts';

export interface ReaderOptions {
  store: Store;
  /** The search index beside the store (prepared), either engine's. Without it, search answers 503. */
  search?: SearchIndex | null;
  now?: () => Date;
  /** Per-query budget handed to the search module (default 1,000 ms). */
  searchTimeLimitMs?: number;
  /** Where unexpected errors are reported (default: nowhere but the 500 page). */
  logError?: (error: unknown) => void;
  /** The archive's media folder (images: archive), served under /media/; absent means none. */
  mediaDir?: string | null;
  /** The name in every page's header (default: newsvault 新闻存档). */
  siteTitle?: string;
}

export const HOME_LATEST = 30;
export const SOURCE_PAGE_SIZE = 50;
export const DAY_PAGE_SIZE = 100;
/** Articles on the removed and changed pages, newest first. */
export const STATUS_LIST_LIMIT = 500;
const ALLOWED_METHODS = new Set(['GET', 'HEAD']);

const HEADINGS: Record<number, string> = {
  400: '参数错误',
  404: '找不到',
  405: '不允许的请求方法',
  500: '服务器错误',
  503: '暂不可用',
};

interface Problem {
  status: 400 | 404 | 405 | 500 | 503;
  kind: string;
  message: string;
  parameter?: string;
}

function problemOf(error: ParamError | SearchError): Problem {
  return error instanceof ParamError
    ? { status: 400, kind: error.kind, message: error.message, parameter: error.parameter }
    : { status: 400, kind: error.kind, message: error.message, parameter: 'q' };
}

// sanitize-html (with postcss) is the heaviest module the reader needs, and only article pages need it: it
// is loaded on the first article page, so the reader answers its first request sooner.
let displayCleaner: Promise<typeof import('../clean/display.ts')> | null = null;
const loadDisplayCleaner = (): Promise<typeof import('../clean/display.ts')> => (displayCleaner ??= import('../clean/display.ts'));

export function createReaderApp(options: ReaderOptions): Hono {
  const { store } = options;
  const index = options.search ?? null;
  const now = options.now ?? (() => new Date());
  const timeLimitMs = options.searchTimeLimitMs ?? 1_000;
  const siteTitle = options.siteTitle ?? 'newsvault 新闻存档';
  const today = (): string => dayOfUtc8(now().getTime());
  const context = async (): Promise<PageContext> => readerContext(siteTitle, await store.listSources(), today());
  // Stories of a day (stories/), remembered until the archive changes under the reader (a cycle ran).
  let stories: { mark: string; of: DayStories; days: Map<string, ArticleSummary[][]> } | null = null;
  const storiesOf = async (day: string): Promise<ArticleSummary[][]> => {
    const mark = JSON.stringify(await store.currentBuildMark());
    if (stories?.mark !== mark) stories = { mark, of: createDayStories(store), days: new Map() };
    let found = stories.days.get(day);
    if (found === undefined) stories.days.set(day, (found = await stories.of(day)));
    return found;
  };
  const app = new Hono();

  const isApi = (c: Context): boolean => c.req.path === '/api' || c.req.path.startsWith('/api/');

  const fail = (c: Context, problem: Problem): Response => {
    if (isApi(c)) {
      const { status, ...error } = problem;
      return c.json({ error }, status);
    }
    const heading = HEADINGS[problem.status] ?? '错误';
    // An error page must not depend on the store that may have failed: it lists no sources.
    const bare = readerContext(siteTitle, [], today());
    return c.html(errorPage(bare, { status: problem.status, heading, message: problem.message }), problem.status);
  };

  const sourceSummaries = async () => {
    const summaries = [];
    for (const s of await store.listSources()) summaries.push({ ...s, count: await store.countArticles(s.id) });
    return summaries;
  };

  app.use('*', async (c, next) => {
    if (!ALLOWED_METHODS.has(c.req.method)) {
      const res = fail(c, { status: 405, kind: 'method', message: `serve: ${c.req.method} is not allowed; the reader is read-only (GET, HEAD)` });
      res.headers.set('Allow', 'GET, HEAD');
      applySecurityHeaders(res.headers);
      return res;
    }
    await next();
    applySecurityHeaders(c.res.headers);
  });

  app.get('/static/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/static/icon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(ICON_SVG, 200, { 'Content-Type': 'image/svg+xml' });
  });
  app.get('/favicon.ico', (c) => c.redirect('/static/icon.svg', 301));
  app.get('/media/:shard/:file', (c) => {
    const image = options.mediaDir ? readMedia(options.mediaDir, c.req.param('shard'), c.req.param('file')) : null;
    if (!image) return fail(c, { status: 404, kind: 'not-found', message: 'serve: no such archived image' });
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(image.body, 200, { 'Content-Type': image.type });
  });

  app.get('/', async (c) => {
    const page = await context();
    const sources = await sourceSummaries();
    const outlets = sources.map((s) => ({ source: page.sources.get(s.id)!, count: s.count }));
    return c.html(renderHome(page, { latest: await store.listLatestAll(HOME_LATEST), outlets, recentDays: null, intro: searchForm(sources) }));
  });

  app.get('/search', async (c) => {
    const sources = await store.listSources();
    const request = readSearchRequest((name) => c.req.query(name), sources, SEARCH_PAGE_SIZE);
    if (request instanceof ParamError || request instanceof SearchError) return fail(c, problemOf(request));
    const page = readerContext(siteTitle, sources, today());
    if (request.parsed === null) return c.html(searchPage(page, sources, request, null));
    if (index === null) return fail(c, { status: 503, kind: 'no-index', message: 'serve: search is not available (no index)' });
    const result = await runSearch(index, { ...request, parsed: request.parsed }, timeLimitMs);
    if (result instanceof SearchError) return fail(c, problemOf(result));
    return c.html(searchPage(page, sources, request, result));
  });

  app.get('/sources/:id', async (c) => {
    const id = c.req.param('id');
    const summaries = await sourceSummaries();
    const source = summaries.find((s) => s.id === id) ?? summaries.find((s) => s.id.toLowerCase() === id.toLowerCase());
    if (source === undefined) return fail(c, { status: 404, kind: 'not-found', message: `serve: no source has the id "${id.slice(0, 40)}"` });
    const pageNumber = pageParam((name) => c.req.query(name));
    if (pageNumber instanceof ParamError) return fail(c, problemOf(pageNumber));
    const articles = await store.listLatestPage(source.id, SOURCE_PAGE_SIZE, (pageNumber - 1) * SOURCE_PAGE_SIZE);
    const page = await context();
    const pages = Math.max(1, Math.ceil(source.count / SOURCE_PAGE_SIZE));
    const pager = numberedPager(page.links.source(source.id), pageNumber, pageNumber < pages, pages);
    return c.html(
      renderSourcePage(page, { source: page.sources.get(source.id)!, count: source.count, articles, pager, newest: pageNumber === 1 }),
    );
  });

  app.get('/days/:day', async (c) => {
    const day = c.req.param('day');
    const start = dayParam('day', day);
    if (start instanceof ParamError) return fail(c, problemOf(start));
    const pageNumber = pageParam((name) => c.req.query(name));
    if (pageNumber instanceof ParamError) return fail(c, problemOf(pageNumber));
    // One extra row says whether there is a next page without counting the day.
    const rows = await store.listPublishedBetween(start, start + DAY_MS, DAY_PAGE_SIZE + 1, (pageNumber - 1) * DAY_PAGE_SIZE);
    const hasNext = rows.length > DAY_PAGE_SIZE;
    const page = await context();
    const whole = pageNumber === 1 && !hasNext;
    return c.html(
      renderDay(page, {
        day,
        articles: rows.slice(0, DAY_PAGE_SIZE),
        total: whole ? rows.length : null,
        neighbours: true,
        pager: whole ? null : numberedPager(page.links.day(day), pageNumber, hasNext, null),
      }),
    );
  });

  app.get('/stories/:day', async (c) => {
    const day = c.req.param('day');
    const start = dayParam('day', day);
    if (start instanceof ParamError) return fail(c, problemOf(start));
    return c.html(renderStoriesDay(await context(), { day, stories: await storiesOf(day), neighbours: true }));
  });

  app.get('/removed', async (c) => c.html(renderRemoved(await context(), await store.listRemovedSummaries(STATUS_LIST_LIMIT))));
  app.get('/changed', async (c) => c.html(renderChanged(await context(), await store.listChangedSummaries(STATUS_LIST_LIMIT))));

  const findArticle = async (c: Context): Promise<{ article: Article } | { problem: Problem }> => {
    const id = idParam(c.req.param('id') ?? '');
    if (id instanceof ParamError) return { problem: problemOf(id) };
    const article = await store.getArticle(id);
    return article ? { article } : { problem: { status: 404, kind: 'not-found', message: `serve: no article has the id ${id}` } };
  };
  // Archived images are linked under /media/ (see publish/media-links.ts).
  const cleaner = async (): Promise<DisplayCleaner> => {
    const { cleanDisplay } = await loadDisplayCleaner();
    return (html, baseUrl) => cleanDisplay(protectMediaLinks(html), { baseUrl });
  };
  const sourceName = async (id: string): Promise<string> => (await store.listSources()).find((s) => s.id === id)?.name ?? id;

  app.get('/articles/:id', async (c) => {
    const found = await findArticle(c);
    if ('problem' in found) return fail(c, found.problem);
    const { article } = found;
    const clean = await cleaner();
    const page = await context();
    const source = page.sources.get(article.sourceId) ?? { id: article.sourceId, name: article.sourceId, language: null };
    const revisions = await store.listRevisions(article.id);
    const coverage = otherCoverage(await storiesOf(dayOfUtc8(article.publishedMs)), article);
    const rendered = renderArticlePage(page, { article, revisions, source, clean, diff: readerDiffer(), coverage });
    return c.html(resolveMediaLinks(rendered, '/media/'));
  });

  app.get('/api/search', async (c) => {
    const request = readSearchRequest((name) => c.req.query(name), await store.listSources(), SEARCH_PAGE_SIZE);
    if (request instanceof ParamError || request instanceof SearchError) return fail(c, problemOf(request));
    if (request.parsed === null) return fail(c, { status: 400, kind: 'bad-param', parameter: 'q', message: 'serve: parameter q: nothing to search for' });
    if (index === null) return fail(c, { status: 503, kind: 'no-index', message: 'serve: search is not available (no index)' });
    const result = await runSearch(index, { ...request, parsed: request.parsed }, timeLimitMs);
    if (result instanceof SearchError) return fail(c, problemOf(result));
    return c.json({ ...result, page: request.page, limit: request.limit });
  });

  app.get('/api/articles/:id', async (c) => {
    const found = await findArticle(c);
    if ('problem' in found) return fail(c, found.problem);
    const a = found.article;
    const displayHtml = resolveMediaLinks((await cleaner())(a.content, a.url), '/media/');
    return c.json({
      id: a.id,
      source: a.sourceId,
      sourceName: await sourceName(a.sourceId),
      number: a.number,
      url: a.url,
      title: a.title,
      author: a.author,
      published: new Date(a.publishedMs).toISOString(),
      publishedMs: a.publishedMs,
      firstSeenMs: a.firstSeenMs,
      status: a.status,
      statusChangedMs: a.statusChangedMs,
      displayHtml,
      revisions: (await store.listRevisions(a.id)).map((r) => ({
        seq: r.seq,
        title: r.title,
        url: r.url,
        seenMs: r.seenMs,
        seenWhere: r.seenWhere,
        sha256: r.sha256,
        current: r.id === a.revisionId,
      })),
    });
  });

  // The stories of a day: each a list of reports, oldest first, from two or more outlets.
  app.get('/api/stories/:day', async (c) => {
    const day = c.req.param('day');
    const start = dayParam('day', day);
    if (start instanceof ParamError) return fail(c, problemOf(start));
    const names = new Map((await store.listSources()).map((source) => [source.id, source.name]));
    return c.json({
      day,
      stories: (await storiesOf(day)).map((story) => ({
        articles: story.map((a) => ({
          id: a.id,
          source: a.sourceId,
          sourceName: names.get(a.sourceId) ?? a.sourceId,
          title: a.title,
          url: a.url,
          published: new Date(a.publishedMs).toISOString(),
          publishedMs: a.publishedMs,
          status: a.status,
        })),
      })),
    });
  });

  app.get('/api/sources', async (c) => c.json({ sources: await sourceSummaries() }));

  app.notFound((c) => fail(c, { status: 404, kind: 'not-found', message: `serve: nothing at ${c.req.path.slice(0, 200)}` }));

  app.onError((error, c) => {
    options.logError?.(error);
    const res = fail(c, { status: 500, kind: 'internal', message: 'serve: the reader failed to answer this request' });
    applySecurityHeaders(res.headers);
    return res;
  });

  return app;
}

/** Pages of a list counted from the newest (`?page=N`, page 1 is the bare path). */
function numberedPager(path: string, page: number, hasOlder: boolean, pages: number | null): Pager {
  const href = (n: number): string => (n === 1 ? path : `${path}?page=${n}`);
  return {
    page,
    newest: page > 1 ? href(1) : null,
    newer: page > 1 ? href(page - 1) : null,
    older: hasOlder ? href(page + 1) : null,
    oldest: pages !== null && page < pages ? href(pages) : null,
  };
}
