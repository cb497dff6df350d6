// The reader in a real browser (headless Chromium): type a term into the search box, submit, open the first
// result and see its text; every page reachable from home loads without console errors; every response
// carries the Content-Security-Policy. Over a small archive built with the store API (simplified and
// traditional text, a revision, a removed article, hostile HTML) in a SQLite file and in a database on a
// throwaway PostgreSQL cluster, and over the demo archive that
// `newsvault demo` writes, served by `newsvault serve`. Screenshots go to test-artifacts/reader-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CliIo } from '../src/cli/io.ts';
import { demoCommand } from '../src/cli/demo.ts';
import { serveCommand } from '../src/cli/serve.ts';
import { configFromValue } from '../src/config/index.ts';
import { CONTENT_SECURITY_POLICY, startReader } from '../src/serve/index.ts';
import { createSampleArchive } from '../src/serve/testdata/sample-archive.ts';
import { openStore } from '../src/store/open-store.ts';
import { startPostgresCluster, type PostgresCluster } from '../src/store/postgres/test-support.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';

// A 1×1 transparent PNG: what the "outside world" answers for article images (there is no internet here).
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Watch {
  consoleErrors: string[];
  /** Responses from the reader itself, with their CSP header. */
  readerResponses: { url: string; status: number; csp: string | null }[];
}

/** A page that records console errors and the reader's responses; anything not from the reader gets a pixel. */
async function watchedPage(context: BrowserContext, readerUrl: string): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { consoleErrors: [], readerResponses: [] };
  await context.route(
    (url) => !url.href.startsWith(readerUrl),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL_PNG }),
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('response', async (response) => {
    if (!response.url().startsWith(readerUrl)) return;
    watch.readerResponses.push({ url: response.url(), status: response.status(), csp: await response.headerValue('content-security-policy') });
  });
  return { page, watch };
}

/** Types the term into the home page's search box, submits, opens the first result; returns the article text. */
async function searchAndOpen(page: Page, readerUrl: string, term: string, shot: string): Promise<string> {
  await page.goto(`${readerUrl}/`, { waitUntil: 'load' });
  await page.fill('input[name="q"]', term);
  await Promise.all([page.waitForURL(/\/search\?/), page.press('input[name="q"]', 'Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('q'), term);
  const first = page.locator('ol.results a.title').first();
  await first.waitFor({ state: 'visible' });
  await page.screenshot({ path: join(ARTIFACTS, `reader-${shot}-search.png`), fullPage: true });
  await Promise.all([page.waitForURL(/\/articles\/\d+$/), first.click()]);
  const content = page.locator('article div.content');
  await content.waitFor({ state: 'visible' });
  await page.screenshot({ path: join(ARTIFACTS, `reader-${shot}-article.png`), fullPage: true });
  return content.innerText();
}

/** Visits every reader page linked from home (one level of listings and articles) and reports bad statuses. */
async function crawlFromHome(page: Page, readerUrl: string, limit: number): Promise<string[]> {
  await page.goto(`${readerUrl}/`, { waitUntil: 'load' });
  const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
  const targets = [...new Set(hrefs.filter((href) => href.startsWith(readerUrl)).map((href) => href.split('#')[0]!))].slice(0, limit);
  const bad: string[] = [];
  for (const target of targets) {
    const response = await page.goto(target, { waitUntil: 'load' });
    if (!response || response.status() !== 200) bad.push(`${response?.status()} ${target}`);
  }
  assert.ok(targets.length >= 5, `home links to ${targets.length} reader pages`);
  return bad;
}

function assertCspEverywhere(watch: Watch): void {
  assert.ok(watch.readerResponses.length > 0);
  for (const response of watch.readerResponses) {
    assert.equal(response.csp, CONTENT_SECURITY_POLICY, `${response.status} ${response.url}`);
  }
  // The stylesheet was fetched (style-src 'self' lets it through).
  assert.ok(watch.readerResponses.some((r) => r.url.endsWith('/static/style.css') && r.status === 200));
}

describe('reader in Chromium', () => {
  let browser: Browser;
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  let cluster: PostgresCluster | null = null;
  after(async () => {
    await cluster?.stop();
  });
  const engines: { name: string; suffix: string; database: () => Promise<string | undefined> }[] = [
    { name: 'SQLite', suffix: '', database: async () => undefined },
    { name: 'PostgreSQL', suffix: '-postgres', database: async () => (cluster ??= await startPostgresCluster()).createDatabase() },
  ];

  for (const engine of engines) test(`search by typing, open the first result, see its text (sample archive, ${engine.name})`, async () => {
    const archive = await createSampleArchive({ database: await engine.database() });
    const { store, search } = await openStore({ database: archive.file }, { readonly: true });
    const reader = await startReader({ store, search, port: 0 });
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      assert.match(reader.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const { page, watch } = await watchedPage(context, reader.url);
      // Traditional characters typed, simplified text found.
      const text = await searchAndOpen(page, reader.url, '習近平', 'sample');
      assert.match(text, /中国国家主席习近平周三在北京会见了美国国务卿布林肯，会谈持续两小时/);
      assert.equal(await page.locator('h1').first().innerText(), '习近平会见美国国务卿布林肯');
      assert.ok(await page.getByText('共 2 个版本').isVisible());
      // The stylesheet applies (loaded under the CSP): the body is the narrow reading column.
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '736px');

      // The article with hostile stored HTML renders its text and runs nothing.
      await page.goto(`${reader.url}/articles/${archive.ids.hostile}`, { waitUntil: 'load' });
      assert.match(await page.locator('article div.content').innerText(), /马克龙抵达上海开始国事访问/);
      assert.equal(await page.locator('script').count(), 0);
      assert.equal(await page.locator('[onerror], [onclick], [style]').count(), 0);

      await page.goto(`${reader.url}/articles/${archive.ids.removed}`, { waitUntil: 'load' });
      assert.ok(await page.locator('h1 .mark.removed').isVisible());
      await page.goto(`${reader.url}/removed`, { waitUntil: 'load' });
      assert.equal(await page.locator(`ul.articles a[href="/articles/${archive.ids.removed}"]`).count(), 1);
      await page.screenshot({ path: join(ARTIFACTS, `reader-sample-removed${engine.suffix}.png`), fullPage: true });

      await page.goto(`${reader.url}/`, { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, `reader-sample-home${engine.suffix}.png`), fullPage: true });
      assert.deepEqual(await crawlFromHome(page, reader.url, 40), []);
      assert.deepEqual(watch.consoleErrors, []);
      assertCspEverywhere(watch);
    } finally {
      await context.close();
      await reader.close();
      await store.close();
      archive.close();
    }
  });

  test('newsvault demo, then newsvault serve: search the demo archive in the browser', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nv-reader-demo-'));
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => {},
      stderr: (text) => void err.push(text),
      cwd: root,
      now: () => new Date(),
      isTty: false,
      env: {},
    };
    let stop = (): void => {};
    const until = new Promise<void>((resolve) => (stop = resolve));
    let serving: Promise<number> | null = null;
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      assert.equal(await demoCommand(root, io), 0, err.join(''));
      const config = configFromValue({ output: join(root, 'archive'), database: join(root, 'newsvault.sqlite') }, null, root);
      const url = await new Promise<string>((resolve, reject) => {
        serving = serveCommand(config, { port: '0', until, onListening: resolve }, io);
        serving.then((code) => reject(new Error(`serve ended early with ${code}: ${err.join('')}`)), reject);
      });
      // Every stored article is in the index (serve builds it before listening when the cycle has not).
      const sources = (await (await fetch(`${url}/api/sources`)).json()) as { sources: { count: number }[] };
      const stored = sources.sources.reduce((sum, s) => sum + s.count, 0);
      const indexed = (await (await fetch(`${url}/api/search?from=1970-01-01`)).json()) as { total: number };
      assert.ok(stored >= 2, `${stored} articles in the demo archive`);
      assert.equal(indexed.total, stored);
      const { page, watch } = await watchedPage(context, url);
      const text = await searchAndOpen(page, url, '普京', 'demo');
      assert.match(text, /普京/);
      assert.ok((await page.locator('a[rel~="noopener"]').count()) >= 1);
      assert.deepEqual(await crawlFromHome(page, url, 40), []);
      assert.deepEqual(watch.consoleErrors, []);
      assertCspEverywhere(watch);
    } finally {
      await context.close();
      stop();
      if (serving) assert.equal(await serving, 0);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
