// The segmented site search index in Chromium: an index grown over several small cycles (a base, sealed
// segments, a recent one; a small size rule so a dozen articles make them), with an edit and a removal, served by
// a plain static server and opened from file://. The script loads each query token's shard in every segment and
// merges them: an edited article is found by its new text only, and once; a removed one is shown as removed;
// every article is found, whichever segment holds it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { siteContext } from '../src/publish/site/index.ts';
import { SIMPLIFIED_PAIRS } from '../src/search/simplified-table.ts';
import { buildSearchIndex, type BuildResult, type SegmentRule } from '../src/search/site/build.ts';
import { CLIENT_SCRIPT } from '../src/search/site/client-script.ts';
import { renderSearchPage } from '../src/search/site/page.ts';
import { formatFoldTable, parseManifest } from '../src/search/site/shard-files.ts';
import { searchPaths, type SearchManifest, type SiteSearchRecord } from '../src/search/site/types.ts';
import { launchChromium } from './support/chromium.ts';
import { serveFolder, type StaticServer } from './support/static-server.ts';

const RULE: SegmentRule = { sealAt: 3, ratio: 2 };
const SOURCES = { voa: '美国之音' };
const DAY = Date.UTC(2024, 0, 10, 4);

function record(id: number, text: string, removed = false): SiteSearchRecord {
  return { id, title: `第${id}篇报道`, source: 'voa', publishedMs: DAY + id * 60_000, text: `${text} 新闻自由 编号${String.fromCharCode(0x4e00 + id * 3)}${String.fromCharCode(0x4e00 + id * 3 + 1)}`, url: `articles/voa/${id}.html`, removed };
}

/** Writes a build's files into the site folder as publish.ts does (replaced segments deleted). */
function apply(dir: string, result: BuildResult): SearchManifest {
  assert.equal(result.kind, 'built', result.kind === 'rebuild' ? result.reason : '');
  if (result.kind !== 'built') throw new Error('unreachable');
  for (const [path, content] of result.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  for (const id of result.removedSegments) rmSync(join(dir, searchPaths.segmentDir(id)), { recursive: true, force: true });
  return result.manifest;
}

async function search(page: Page, base: string, query: string): Promise<{ titles: string[]; metas: string[] }> {
  await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /找到|没有找到|失败/.test(document.getElementById('search-status')?.textContent ?? ''));
  const titles = await page.$$eval('#search-results li a', (links) => links.map((link) => link.textContent ?? ''));
  const metas = await page.$$eval('#search-results li .muted', (spans) => spans.map((span) => span.textContent ?? ''));
  return { titles, metas };
}

describe('segmented site search in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nv-site-segments-'));
  let manifest: SearchManifest;
  let served: StaticServer;
  let browser: Browser;

  before(async () => {
    writeFileSync(join(dir, searchPaths.page), renderSearchPage(siteContext('newsvault', new Map(), searchPaths.page)));
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, searchPaths.script), CLIENT_SCRIPT);
    writeFileSync(join(dir, 'style.css'), ''); // the page links the site's style sheet; this folder is the search alone
    writeFileSync(join(dir, searchPaths.fold), formatFoldTable(SIMPLIFIED_PAIRS));
    const read = (path: string) => {
      try {
        return readFileSync(join(dir, path), 'utf8');
      } catch {
        return null;
      }
    };
    manifest = apply(dir, buildSearchIndex({ records: [1, 2, 3, 4].map((id) => record(id, id === 2 ? '旧的说法：香港' : '香港')), sources: SOURCES, previous: null, rule: RULE }));
    const cycle = (records: SiteSearchRecord[]) => {
      manifest = apply(dir, buildSearchIndex({ records, sources: SOURCES, previous: { manifest: parseManifest(read(searchPaths.manifest)!)!, read }, rule: RULE }));
    };
    cycle([record(5, '台湾'), record(6, '台湾')]);
    cycle([record(7, '台湾'), record(8, '台湾'), record(9, '台湾')]);
    cycle([record(10, '乌克兰'), record(11, '乌克兰')]);
    // The edit (article 2, in the base) and a removal (article 7, in a sealed segment), then one more new one.
    cycle([record(2, '新的说法：香港'), record(7, '台湾', true), record(12, '乌克兰')]);
    served = await serveFolder(dir, '/mirror/');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('the index has several segments, and an edit waiting to hide an older version', () => {
    assert.ok(manifest.segments.length >= 2, JSON.stringify(manifest.segments.map((s) => [s.id, s.docs, s.sealed])));
    assert.ok(manifest.segments.some((segment) => segment.drop !== ''), 'a segment hides the edited article in older ones');
  });

  for (const where of ['http', 'file'] as const) {
    test(`${where === 'http' ? 'served on 127.0.0.1' : 'from file://'}: every segment is searched, an edit found by its new text only, a removal shown`, async () => {
      const base = where === 'http' ? served.url : `${pathToFileURL(dir).href}/`;
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Chromium asks the server root for /favicon.ico on its own; nothing of the site's.
      page.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && errors.push(`${message.text()} ${message.location().url}`));

      const all = await search(page, base, '新闻自由');
      assert.deepEqual(all.titles, [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((id) => `第${id}篇报道`), 'each article once, newest first');
      assert.deepEqual((await search(page, base, '旧的说法')).titles, [], 'not found by its old text');
      assert.deepEqual((await search(page, base, '新的说法')).titles, ['第2篇报道']);
      assert.deepEqual((await search(page, base, '香港')).titles, ['第4篇报道', '第3篇报道', '第2篇报道', '第1篇报道']);
      const taiwan = await search(page, base, '臺灣'); // traditional in, simplified in the index
      assert.deepEqual(taiwan.titles, ['第9篇报道', '第8篇报道', '第7篇报道', '第6篇报道', '第5篇报道']);
      assert.match(taiwan.metas[2]!, /已删除/);
      assert.doesNotMatch(taiwan.metas[0]!, /已删除/);
      assert.deepEqual((await search(page, base, '乌克兰 -第12')).titles, ['第11篇报道', '第10篇报道'], 'an exclusion leaves the others');
      assert.deepEqual(errors, []);
      if (where === 'http') assert.deepEqual(served.notFound.filter((path) => !path.endsWith('/favicon.ico')), []);
      await context.close();
    });
  }
});
