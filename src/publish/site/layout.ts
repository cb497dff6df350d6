// The page shell every site page shares: language, viewport, the stylesheet and feeds by relative link,
// the header navigation. No scripts: every page reads fully without JavaScript.
import { html, type SafeHtml } from './html-escape.ts';
import { relativeLink, sitePaths } from './paths.ts';

/** The interface language; article text carries its own `lang` (the source's script). */
export const UI_LANG = 'zh-Hans';

export interface PageInput {
  /** Where the page lives, relative to the site root; every link is made relative to it. */
  path: string;
  title: string;
  siteTitle: string;
  body: SafeHtml;
  /** Atom feeds to announce in <head> (site-relative paths). */
  feeds?: readonly { title: string; path: string }[];
}

export function renderPage(page: PageInput): string {
  const link = (to: string): string => relativeLink(page.path, to);
  const feeds = [{ title: `${page.siteTitle} · 全部`, path: sitePaths.feed('all') }, ...(page.feeds ?? [])];
  const title = page.title === page.siteTitle ? page.siteTitle : `${page.title} · ${page.siteTitle}`;
  const document = html`<!doctype html>
<html lang="${UI_LANG}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="${link(sitePaths.style)}">
${feeds.map((feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${link(feed.path)}">\n`)}</head>
<body>
<header class="site">
<a class="name" href="${link(sitePaths.home)}">${page.siteTitle}</a>
<nav>
<a href="${link(sitePaths.days)}">按日期</a>
<a href="${link(sitePaths.removed)}">已删除</a>
<a href="${link(sitePaths.changed)}">有修改</a>
<a href="${link(sitePaths.health)}">来源状态</a>
<a href="${link(sitePaths.feed('all'))}">Atom</a>
</nav>
</header>
<main>
${page.body}
</main>
<footer class="site">
<p>${page.siteTitle} · 由 newsvault 存档生成 · 本站为静态网页，可整体下载离线阅读。</p>
</footer>
</body>
</html>
`;
  return document.value;
}

