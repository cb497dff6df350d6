// The page shell every HTML response shares: lang="zh", the one stylesheet, no script anywhere.
import { h, type HtmlValue, type SafeHtml } from '../safe-html.ts';

export interface PageOptions {
  title: string;
  body: HtmlValue;
  /** Today in UTC+8 (YYYY-MM-DD), for the header's link to today's articles. */
  today: string;
}

export function page({ title, body, today }: PageOptions): SafeHtml {
  return h`<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · newsvault</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
</head>
<body>
<header class="site"><a class="name" href="/">newsvault 新闻存档</a>
<nav><a href="/search">搜索</a><a href="/days/${today}">今日</a><a href="/#sources">媒体</a></nav></header>
<main>
${body}
</main>
<footer class="site">newsvault · 本地阅读器，只读 · 时间为北京时间 (UTC+8)</footer>
</body>
</html>
`;
}

/** A 4xx/5xx page: says what went wrong and, for a bad parameter, which one. */
export function errorPage(options: { status: number; heading: string; message: string; today: string }): SafeHtml {
  return page({
    title: `${options.status} ${options.heading}`,
    today: options.today,
    body: h`<h1>${options.status} ${options.heading}</h1>
<p class="notice">${options.message}</p>
<p><a href="/">返回首页</a> · <a href="/search">搜索</a></p>`,
  });
}

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57d0"/><path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" fill="#fff"/></svg>`;
