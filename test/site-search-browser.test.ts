// Search on the static site in Chromium: the site built by real cycles (the two seed feeds and a
// traditional-Chinese outlet), served by a plain static server on 127.0.0.1 under a sub-path and opened
// from disk. Typing 習近平 (traditional) finds the seed articles, which say 习近平; without JavaScript the
// page offers the ways to browse instead, and every page still links to it.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSiteArchive, PIXEL_PNG, type SiteArchive } from './support/site-archive.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { serveFolder, type StaticServer } from './support/static-server.ts';

/** Nothing outside the site: the seed articles' remote images get a pixel. */
async function isolate(context: BrowserContext, allowed: readonly string[]): Promise<void> {
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !allowed.some((prefix) => url.href.startsWith(prefix)),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL_PNG }),
  );
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

interface Hit {
  title: string;
  href: string;
  meta: string;
}

/** Types like a reader (one key at a time) and waits for the result list. */
async function searchFor(page: Page, query: string): Promise<Hit[]> {
  await page.locator('#search-q').pressSequentially(query);
  await page.waitForFunction(() => /找到|没有找到|失败/.test(document.getElementById('search-status')?.textContent ?? ''));
  await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '搜索中…');
  return page.$$eval('#search-results li', (items) =>
    items.map((item) => {
      const link = item.querySelector('a');
      return { title: link?.textContent ?? '', href: link?.href ?? '', meta: item.querySelector('.muted')?.textContent ?? '' };
    }),
  );
}

describe('static site search in Chromium', () => {
  let site: SiteArchive;
  let served: StaticServer;
  let browser: Browser;
  let siteDir: string;

  before(async () => {
    site = await buildSiteArchive();
    siteDir = site.archive.config.site.dir;
    served = await serveFolder(siteDir, '/mirror/newsvault/');
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await served?.close();
    await site?.close();
  });

  async function checkSearch(root: string, allowed: string[], screenshot: string | null): Promise<void> {
    const context = await browser.newContext();
    await isolate(context, allowed);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${root}index.html`);
    await page.click('header nav a:text("搜索")');
    assert.equal(page.url(), `${root}search.html`);
    // Hidden until the script has run: wait for it (isVisible alone does not wait, and raced the script).
    await page.locator('#search-q').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.isVisible('#search-q'), true, 'the search box shows when scripts run');
    const hits = await searchFor(page, '習近平');
    const voa = hits.find((hit) => hit.href === `${root}articles/voa/${site.revised.number}.html`);
    assert.ok(voa, `the VOA seed article is found: ${JSON.stringify(hits)}`);
    assert.match(voa.title, /中俄元首呼吁重启乌克兰和谈/);
    assert.match(voa.meta, /美国之音 · 2023-03-22/);
    assert.ok(hits.some((hit) => hit.title.startsWith('习近平结束访俄') && hit.href.startsWith(`${root}articles/rfi/`)), 'and the RFI one');
    if (screenshot) await page.screenshot({ path: join(ARTIFACTS, screenshot) });
    // The result is a link to the article page, which opens.
    await page.click(`#search-results a[href="articles/voa/${site.revised.number}.html"]`);
    assert.match((await page.textContent('article .content')) ?? '', /习近平/);

    // A traditional-only word and an exclusion; a single character is refused as the reader refuses it.
    await page.goto(`${root}search.html`);
    const trad = await searchFor(page, '台湾 -习近平');
    assert.ok(trad.length >= 7, `臺灣 in the traditional outlet's articles: ${trad.length}`);
    assert.ok(trad.every((hit) => hit.href.includes('/articles/bbc-trad/')));
    await page.goto(`${root}search.html?q=${encodeURIComponent('普京')}`);
    await page.waitForFunction(() => /找到/.test(document.getElementById('search-status')?.textContent ?? ''));
    await page.goto(`${root}search.html`);
    await page.locator('#search-q').pressSequentially('台');
    await page.waitForFunction(() => /一个汉字/.test(document.getElementById('search-status')?.textContent ?? ''));
    const none = await searchFor(page, '北极熊猫');
    assert.deepEqual(none, []);
    assert.deepEqual(errors, []);
    await context.close();
  }

  test('served by a plain static server on 127.0.0.1: typing 習近平 finds the articles that say 习近平', async () => {
    await checkSearch(served.url, [served.url, site.server.url], 'site-search.png');
    assert.deepEqual(served.notFound, []);
  });

  test('opened from disk (file://): the same search works', async () => {
    await checkSearch(pathToFileURL(siteDir).href + '/', [site.server.url], null);
  });

  test('without JavaScript: every page links to search.html, which offers the ways to browse', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await isolate(context, [served.url, site.server.url]);
    const page = await context.newPage();
    await page.goto(`${served.url}index.html`);
    await page.click('header nav a:text("搜索")');
    assert.equal(await page.isVisible('#search-q'), false, 'no box that cannot work');
    const links = await page.$$eval('main ul a', (elements) => elements.map((element) => [element.textContent, (element as HTMLAnchorElement).href]));
    assert.deepEqual(links, [
      ['按日期浏览', `${served.url}days/index.html`],
      ['BBC 中文（繁體）', `${served.url}sources/bbc-trad/index.html`],
      ['法广', `${served.url}sources/rfi/index.html`],
      ['美国之音', `${served.url}sources/voa/index.html`],
    ]);
    for (const [, href] of links) assert.equal((await context.request.get(href!)).status(), 200, href!);
    await page.click('main a:text("美国之音")');
    assert.ok((await page.locator('ul.articles li').count()) > 0);
    await context.close();
  });
});
