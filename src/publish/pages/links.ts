// What a page links to, and how: the one thing the static site and the reader render differently. The site
// links files relative to the page being written (so it works from any sub-path and from file://, without
// JavaScript: publish/site/site-links.ts); the reader links its routes (serve/reader-links.ts). A link that
// is null is a page that side does not have (the site has no search, the reader no Atom feeds): the page
// leaves the link out.

/** The fields a link to an article needs: the site names files by source and number, the reader by id. */
export interface ArticleRef {
  id: number;
  sourceId: string;
  number: number;
}

export type FeedName = 'all' | 'removed' | 'changed' | 'health';

export interface LinkPolicy {
  home: string;
  style: string;
  icon: string | null;
  /** The outlets' section of the home page. */
  outlets: string;
  article(article: ArticleRef): string;
  /** An outlet's newest page. */
  source(sourceId: string): string;
  day(day: string): string;
  /** A day's stories: the events several outlets reported (stories/); absent where there is no such page. */
  stories?: (day: string) => string;
  /** The index of every day; null where there is none. */
  days: string | null;
  /** Today's page (the reader knows its clock; the static site has no "today"). */
  today: string | null;
  removed: string;
  changed: string;
  health: string | null;
  search: string | null;
  feed(name: FeedName): string | null;
  sourceFeed(sourceId: string): string | null;
}

/** An outlet as pages show it. */
export interface PageSource {
  id: string;
  name: string;
  /** BCP 47 tag of the source's text (`zh-Hans`, `zh-Hant`); null when unknown. */
  language: string | null;
}

/** What every page of one side shares; `links` is bound to the page being rendered. */
export interface PageContext {
  siteTitle: string;
  /** The line in every page's footer: what this copy of the archive is. */
  footer: string;
  sources: ReadonlyMap<string, PageSource>;
  links: LinkPolicy;
}

export function sourceOf(context: PageContext, id: string): PageSource {
  return context.sources.get(id) ?? { id, name: id, language: null };
}

/** The `lang` of an article's text: its source's script, or plain Chinese when unknown. */
export function articleLang(source: PageSource | undefined): string {
  return source?.language ?? 'zh';
}
