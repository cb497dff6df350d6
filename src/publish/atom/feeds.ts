// The archive's Atom feeds: everything, one per outlet, removed articles and changed articles. Each holds
// the newest N entries with full display HTML, links to the archived page on our site (alternate) and to
// the original (via).
import type { Article, ArticleSummary, Store } from '../../store/types.ts';
import { escapeText } from '../../markup/escape.ts';
import { articleLang, type DisplayCleaner, type PageSource } from '../pages/index.ts';
import { relativeLink, sitePaths } from '../site/paths.ts';
import { formatUtc8 } from '../../time/utc8.ts';
import { atomId } from './ids.ts';
import { renderAtom, type AtomEntry, type AtomLink } from './render.ts';

export interface FeedContext {
  store: Store;
  sources: ReadonlyMap<string, PageSource>;
  siteTitle: string;
  /** Public URL of the site folder; without one, links are relative to the feed file (RFC 3986 §5). */
  baseUrl: string | null;
  entries: number;
  clean: DisplayCleaner;
}

export interface RenderedFeed {
  /** Site-relative path. */
  path: string;
  content: string;
}

type EntryKind = 'article' | 'removed' | 'changed';

export async function allFeed(context: FeedContext): Promise<RenderedFeed> {
  const path = sitePaths.feed('all');
  return feed(context, path, 'all', context.siteTitle, '全部媒体的最新文章', await context.store.listLatestSummaries(context.entries), 'article');
}

export async function sourceFeed(context: FeedContext, source: PageSource): Promise<RenderedFeed> {
  const path = sitePaths.sourceFeed(source.id);
  const articles = await context.store.listLatestSummaries(context.entries, source.id);
  return feed(context, path, `source/${source.id}`, `${source.name} · ${context.siteTitle}`, null, articles, 'article', source);
}

export async function removedFeed(context: FeedContext): Promise<RenderedFeed> {
  const path = sitePaths.feed('removed');
  const articles = await context.store.listRemovedSummaries(context.entries);
  return feed(context, path, 'removed', `已删除的文章 · ${context.siteTitle}`, '原网站已删除的文章', articles, 'removed');
}

export async function changedFeed(context: FeedContext): Promise<RenderedFeed> {
  const path = sitePaths.feed('changed');
  const articles = await context.store.listChangedSummaries(context.entries);
  return feed(context, path, 'changed', `有修改的文章 · ${context.siteTitle}`, '发布后被原网站修改的文章', articles, 'changed');
}

async function feed(
  context: FeedContext,
  path: string,
  name: string,
  title: string,
  subtitle: string | null,
  summaries: readonly ArticleSummary[],
  kind: EntryKind,
  source?: PageSource,
): Promise<RenderedFeed> {
  const archive = context.baseUrl ?? context.siteTitle;
  const href = (to: string): string => (context.baseUrl ? `${context.baseUrl.replace(/\/+$/, '')}/${to}` : relativeLink(path, to));
  const page = source ? sitePaths.sourceIndex(source.id) : kind === 'article' ? sitePaths.home : sitePaths[kind];
  const links: AtomLink[] = [
    { rel: 'self', href: href(path), type: 'application/atom+xml' },
    { rel: 'alternate', href: href(page), type: 'text/html' },
  ];
  const entries: AtomEntry[] = [];
  for (const summary of summaries) {
    const article = await context.store.getArticle(summary.id);
    if (article) entries.push(entry(context, archive, href, article, summary, kind));
  }
  const content = renderAtom({
    id: atomId(archive, `feed/${name}`),
    title,
    subtitle,
    links,
    author: source?.name ?? context.siteTitle,
    lang: source ? articleLang(source) : 'zh-Hans',
    entries,
  });
  return { path, content };
}

function entry(
  context: FeedContext,
  archive: string,
  href: (to: string) => string,
  article: Article,
  summary: ArticleSummary,
  kind: EntryKind,
): AtomEntry {
  const source = context.sources.get(article.sourceId);
  const key = `${article.sourceId}/${article.number}`;
  const removedMs = article.statusChangedMs ?? summary.revisedMs;
  // The feeds of events give each event its own id, so a feed reader shows a removal or an edit as news.
  const id =
    kind === 'removed'
      ? atomId(archive, `removed/${key}/${removedMs}`)
      : kind === 'changed'
        ? atomId(archive, `revision/${key}/${article.revisionCount}`)
        : atomId(archive, `article/${key}`);
  const notice =
    kind === 'removed' || article.status === 'removed'
      ? `<p><strong>已删除：</strong>原网站已于 ${escapeText(formatUtc8(removedMs))}（UTC+8）前删除此文。</p>`
      : kind === 'changed'
        ? `<p><strong>第 ${article.revisionCount} 版</strong>（${escapeText(formatUtc8(summary.revisedMs))}，UTC+8）。修改记录见存档页面。</p>`
        : '';
  const links: AtomLink[] = [{ rel: 'alternate', href: href(sitePaths.article(article.sourceId, article.number)), type: 'text/html' }];
  if (article.url) links.push({ rel: 'via', href: article.url });
  const updatedMs = Math.max(summary.revisedMs, article.publishedMs, kind === 'removed' ? removedMs : 0);
  const prefix = kind === 'removed' ? '[已删除] ' : kind === 'changed' ? '[修改] ' : '';
  return {
    id,
    title: `${prefix}${article.title}`,
    updatedMs,
    publishedMs: article.publishedMs,
    links,
    author: article.author,
    contentHtml: notice + context.clean(article.content, article.url),
    lang: articleLang(source),
    categories: [source?.name ?? article.sourceId],
  };
}
