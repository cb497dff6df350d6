// The static site in a real browser: served under a sub-path on loopback and opened from disk (file://),
// every link on every page resolves, pages have no console errors, an article shows its text, its
// revision history and the removal notice. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildSiteArchive, PIXEL_PNG, type SiteArchive } from './support/site-archive.ts';
import { serveBody } from './support/feed-server.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { serveFolder, type StaticServer } from './support/static-server.ts';


interface CrawlResult {
  pages: string[];
  resources: string[];
  broken: string[];
  consoleErrors: string[];
}

/**
 * Visits every HTML page reachable from `start` inside `root` and checks every other link and image
 * inside `root` with `exists`. Links outside the site (the original articles) are not followed.
 */
async function crawl(context: BrowserContext, start: string, root: string, exists: (url: string) => Promise<boolean>): Promise<CrawlResult> {
  const result: CrawlResult = { pages: [], resources: [], broken: [], consoleErrors: [] };
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => result.consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) result.broken.push(`${response.status()} ${response.url()}`);
  });
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response && !response.ok()) result.broken.push(`${response.status()} ${url}`);
    result.pages.push(url);
    const targets = await page.$$eval('a[href], link[href], img[src]', (elements) =>
      elements.map((element) => (element instanceof HTMLImageElement ? element.src : (element as HTMLAnchorElement).href)),
    );
    for (const raw of targets) {
      const target = raw.split('#')[0]!;
      if (!target.startsWith(root) || seen.has(target)) continue;
      seen.add(target);
      if (target.endsWith('.html')) queue.push(target);
      else {
        result.resources.push(target);
        if (!(await exists(target))) result.broken.push(`missing ${target}`);
      }
    }
  }
  await page.close();
  return result;
}

/** Anything outside the site and the sample image server (the seed articles' image proxy) gets a pixel. */
async function isolate(context: BrowserContext, allowed: readonly string[]): Promise<void> {
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !allowed.some((prefix) => url.href.startsWith(prefix)),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL_PNG }),
  );
}

describe('static site in Chromium', () => {
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

  test('served under a sub-path: every link resolves and no page logs an error', async () => {
    const context = await browser.newContext();
    await isolate(context, [served.url, site.server.url]);
    const result = await crawl(context, `${served.url}index.html`, served.url, async (url) => {
      const response = await context.request.get(url);
      return response.ok();
    });
    await context.close();
    assert.deepEqual(result.broken, []);
    assert.deepEqual(served.notFound, []);
    assert.deepEqual(result.consoleErrors, []);
    const paths = result.pages.map((url) => url.slice(served.url.length));
    // Home, every outlet page (bbc-trad has 7 articles at 3 a page), days, and all 9 articles.
    for (const expected of [
      'index.html',
      'sources/bbc-trad/index.html',
      'sources/bbc-trad/page-1.html',
      'sources/bbc-trad/page-2.html',
      'sources/bbc-trad/page-3.html',
      'sources/voa/index.html',
      'days/index.html',
      'days/2023-03-22.html',
      'removed.html',
      'changed.html',
      `articles/voa/${site.revised.number}.html`,
      `articles/${site.removed.sourceId}/${site.removed.number}.html`,
    ]) {
      assert.ok(paths.includes(expected), `crawled ${expected} (crawled: ${paths.join(', ')})`);
    }
    assert.equal(paths.filter((path) => path.startsWith('articles/')).length, 9);
    assert.ok(result.resources.some((url) => url.endsWith('feeds/all.atom')));
    assert.ok(result.resources.some((url) => url.endsWith('style.css')));
  });

  test('an article page shows its text, its revision history and its diff', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await isolate(context, [served.url, site.server.url]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${served.url}articles/voa/${site.revised.number}.html`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.match((await page.textContent('h1')) ?? '', /（更新）/);
    const text = (await page.textContent('article .content')) ?? '';
    assert.ok(text.includes(site.revised.newSentence), 'current text shown');
    assert.ok(text.includes('普京'), 'article body shown');
    const history = (await page.textContent('#history')) ?? '';
    assert.match(history, /第 1 版/);
    assert.match(history, /第 2 版/);
    assert.match(history, /复查原网页/);
    assert.equal(await page.isVisible('details.revision[open] .diff'), true);
    const inserted = await page.$$eval('.diff ins', (elements) => elements.map((element) => element.textContent ?? ''));
    assert.ok(inserted.some((value) => value.includes('补充声明')), `insertions: ${inserted.join(' | ')}`);
    const deleted = await page.$$eval('.diff del', (elements) => elements.map((element) => element.textContent ?? ''));
    assert.ok(deleted.some((value) => value.includes('星期')), `deletions: ${deleted.join(' | ')}`);
    assert.equal(await page.getAttribute('.meta a[rel~="noopener"]', 'href'), 'https://www.voachinese.com/a/putin-xi-call-for-ukraine-peace-talks-as-putin-says-west-not-ready-20230321/7015247.html');
    await page.screenshot({ path: join(ARTIFACTS, 'site-article.png'), fullPage: false });
    await page.locator('#history').screenshot({ path: join(ARTIFACTS, 'site-article-history.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a removed article says so, and cleaning kept scripts and handlers out', async () => {
    const context = await browser.newContext();
    await isolate(context, [served.url, site.server.url]);
    const page = await context.newPage();
    await page.goto(`${served.url}articles/${site.removed.sourceId}/${site.removed.number}.html`);
    const notice = (await page.textContent('.notice.removed')) ?? '';
    assert.match(notice, /已删除/);
    assert.match(notice, /2024-01-02 11:00/);
    assert.equal(await page.getAttribute('article .content', 'lang'), 'zh-Hant');
    assert.equal(await page.locator('main script').count(), 0);
    assert.equal(await page.locator('[onclick]').count(), 0);
    const images = await page.$$eval('article .content img', (elements) =>
      elements.map((element) => ({ src: (element as HTMLImageElement).src, loaded: (element as HTMLImageElement).naturalWidth > 0 })),
    );
    assert.equal(images.length, 1);
    assert.ok(images[0]!.loaded, `image loaded: ${images[0]!.src}`);
    // A relative link in the source article points at the source's site, not ours.
    assert.ok(await page.locator('article .content a[href="https://www.bbc.com/zhongwen/trad/related-4"], article .content a[href^="https://www.bbc.com/zhongwen/trad/related-"]').count() > 0);
    const removedList = await page.goto(`${served.url}removed.html`);
    assert.equal(removedList?.status(), 200);
    assert.equal(await page.locator(`ul.articles a[href="articles/${site.removed.sourceId}/${site.removed.number}.html"]`).count(), 1);
    await context.close();
  });

  test('home page screenshot', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    await isolate(context, [served.url, site.server.url]);
    const page = await context.newPage();
    await page.goto(`${served.url}index.html`);
    assert.equal(await page.locator('ul.articles li').count() > 9, true);
    await page.screenshot({ path: join(ARTIFACTS, 'site-home.png'), fullPage: true });
    await context.close();
  });

  test('a cycle that adds one article rewrites only the pages that depend on it', async () => {
    const xml = (await (await fetch(`${site.server.url}/trad.xml`)).text()).replace(
      '</channel>',
      `<item><title>第8則：新增的一篇</title><link>https://www.bbc.com/zhongwen/trad/world-8</link><guid>bbc-trad-8</guid>
<pubDate>Tue, 21 Mar 2023 23:00:00 GMT</pubDate><description><![CDATA[<p>新增文章的正文。</p>]]></description></item></channel>`,
    );
    site.server.routes.set('/trad.xml', serveBody(xml, undefined, '"trad-2"'));
    const result = await site.archive.run(new Date('2024-01-03T00:00:00Z'));
    assert.equal(result.exitCode, 0);
    const output = site.archive.output;
    const all = result.filesWritten.map((file) => relative(output, file)).sort();
    // The search index (search/site/): its doc shard, the recent segment's token shards of the new article's
    // tokens, the manifest (what it was built up to is in the site's one publish state, site/.state.json, below).
    const search = all.filter((path) => path.startsWith('site/search/'));
    const tokenShards = search.filter((path) => path.startsWith('site/search/s/'));
    assert.deepEqual(search.filter((path) => !tokenShards.includes(path)), ['site/search/d/0.js', 'site/search/manifest.js']);
    assert.ok(tokenShards.length > 0 && tokenShards.length < 16, `token shards written: ${tokenShards.join(', ')}`);
    const written = all.filter((path) => !search.includes(path));
    // bbc-trad had 7 articles at 3 a page: the 8th lands on page 3 with the 7th. The source is stale (its
    // items are from 2023) and the new item is its newest: the health page says so. The new revision is
    // appended to the month's manifest (the run's month: archived in January 2024). The EPUB digests of its
    // day (all outlets, bbc-trad) and of its week are rebuilt, with their listing; no other book.
    assert.deepEqual(written, [
      '.newsvault/manifest/2024-01.jsonl',
      'articles/bbc-trad/1048567.md',
      'lists/BBC 中文（繁體）.md',
      'site/.state.json',
      'site/articles/bbc-trad/1048567.html',
      'site/days/2023-03-22.html',
      'site/days/index.html',
      'site/feeds/all.atom',
      'site/feeds/sources/bbc-trad.atom',
      'site/health.html',
      'site/index.html',
      'site/offline/.state.json',
      'site/offline/days/2023-03-22-bbc-trad.epub',
      'site/offline/days/2023-03-22.epub',
      'site/offline/index.html',
      'site/offline/weeks/2023-W12.epub',
      'site/sources/bbc-trad/index.html',
      'site/sources/bbc-trad/page-3.html',
    ]);
  });

  test('opened from disk (file://): every link resolves and pages load without errors', async () => {
    const context = await browser.newContext();
    await isolate(context, [site.server.url]);
    const root = pathToFileURL(siteDir).href + '/';
    const result = await crawl(context, `${root}index.html`, root, async (url) => existsSync(fileURLToPath(url)));
    await context.close();
    assert.deepEqual(result.broken, []);
    assert.deepEqual(result.consoleErrors, []);
    const articleFiles = readdirSync(join(siteDir, 'articles'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
    assert.equal(result.pages.filter((url) => url.includes('/articles/')).length, articleFiles.length);
    assert.ok(articleFiles.length >= 9);
    for (const url of result.pages) assert.ok(existsSync(fileURLToPath(url)), url);
  });
});
