// A 4xx/5xx page of the reader: says what went wrong and, for a bad parameter, which one.
import { html, renderPage, type PageContext } from '../publish/pages/index.ts';

export function errorPage(context: PageContext, options: { status: number; heading: string; message: string }): string {
  const { links } = context;
  return renderPage(context, {
    title: `${options.status} ${options.heading}`,
    body: html`<h1>${options.status} ${options.heading}</h1>
<p class="notice">${options.message}</p>
<p><a href="${links.home}">返回首页</a>${links.search === null ? '' : html` · <a href="${links.search}">搜索</a>`}</p>`,
  });
}
