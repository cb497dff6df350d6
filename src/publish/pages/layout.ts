// The page shell every page shares: language, viewport, the stylesheet and feeds by the link policy, the
// header navigation. No scripts: every page reads fully without JavaScript.
import { html, type SafeHtml } from './html.ts';
import type { PageContext } from './links.ts';

/** The interface language; article text carries its own `lang` (the source's script). */
export const UI_LANG = 'zh-Hans';

export interface PageInput {
  title: string;
  body: SafeHtml;
  /** Atom feeds to announce in <head> besides the whole archive's; a null link is left out. */
  feeds?: readonly { title: string; href: string | null }[];
}

export function renderPage(context: PageContext, page: PageInput): string {
  const { links, siteTitle } = context;
  const feeds = [{ title: `${siteTitle} · 全部`, href: links.feed('all') }, ...(page.feeds ?? [])].filter((feed) => feed.href !== null);
  const title = page.title === siteTitle ? siteTitle : `${page.title} · ${siteTitle}`;
  const nav: [string | null, string][] = [
    [links.search, '搜索'],
    [links.today, '今日'],
    [links.days, '按日期'],
    [links.outlets, '媒体'],
    [links.removed, '已删除'],
    [links.changed, '有修改'],
    [links.health, '来源状态'],
    [links.feed('all'), 'Atom'],
  ];
  const document = html`<!doctype html>
<html lang="${UI_LANG}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="${links.style}">
${links.icon === null ? '' : html`<link rel="icon" href="${links.icon}" type="image/svg+xml">\n`}${feeds.map(
    (feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.href}">\n`,
  )}</head>
<body>
<header class="site">
<a class="name" href="${links.home}">${siteTitle}</a>
<nav>
${nav.filter(([href]) => href !== null).map(([href, label]) => html`<a href="${href}">${label}</a>\n`)}</nav>
</header>
<main>
${page.body}
</main>
<footer class="site">
<p>${siteTitle} · ${context.footer}</p>
</footer>
</body>
</html>
`;
  return String(document);
}
