// Stories on the static site, end to end over a real SQLite file: the seed pair's pages list each other,
// an unrelated article lists nothing, the day gets a stories page, and a new report of the same event
// re-renders its partners' pages on the next incremental build.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { publishSite } from '../publish/site/index.ts';
import { SqliteStore } from '../store/index.ts';
import { createDayStories } from './archive.ts';
import { SOURCES, storeFixture as store, THIRD, UNRELATED, VOA, RFI } from './test-support.ts';

test('site: article pages list the other outlets’ reports, each day has a stories page, and a new report re-renders its story', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-stories-site-'));
  const dir = join(root, 'site');
  const db = SqliteStore.open(join(root, 'db.sqlite'));
  await db.syncSources(SOURCES);
  const voa = await store(db, VOA, 'voa-1');
  const rfi = await store(db, RFI, 'rfi-1');
  const dw = await store(db, UNRELATED, 'dw-1');
  const build = async () =>
    (await publishSite({
      store: db,
      stories: createDayStories(db),
      dir,
      siteTitle: '测试存档',
      sources: SOURCES.map(({ id, name }) => ({ id, name, language: 'zh-Hans' })),
      pageSize: 50,
      atomEntries: 10,
    })).files.map((file) => file.slice(dir.length + 1)).sort();
  const page = (path: string) => readFileSync(join(dir, path), 'utf8');
  const coverageOf = (html: string) => /<section class="coverage"[\s\S]*?<\/section>/.exec(html)?.[0] ?? null;

  const first = await build();
  assert.ok(first.includes('stories/2023-03-22.html'), first.join(' '));
  const voaCoverage = coverageOf(page(`articles/voa/${voa.number}.html`));
  assert.ok(voaCoverage, 'the VOA page has no coverage section');
  assert.match(voaCoverage, /其他媒体的报道/);
  assert.ok(voaCoverage.includes(`href="../rfi/${rfi.number}.html"`), voaCoverage);
  assert.ok(voaCoverage.includes('法广'));
  assert.ok(voaCoverage.includes('href="../../stories/2023-03-22.html"'), voaCoverage);
  assert.ok(coverageOf(page(`articles/rfi/${rfi.number}.html`))!.includes(`href="../voa/${voa.number}.html"`));
  assert.equal(coverageOf(page(`articles/dw/${dw.number}.html`)), null);
  const storiesPage = page('stories/2023-03-22.html');
  assert.equal(storiesPage.match(/<section class="story"/g)?.length, 1);
  assert.ok(storiesPage.includes(`href="../articles/voa/${voa.number}.html"`) && storiesPage.includes(`href="../articles/rfi/${rfi.number}.html"`));
  assert.ok(!storiesPage.includes(`articles/dw/`));
  assert.ok(page('days/2023-03-22.html').includes('href="../stories/2023-03-22.html"'));

  assert.deepEqual(await build(), [], 'an unchanged archive rewrites nothing');

  const hk = await store(db, THIRD, 'hk-1');
  const second = await build();
  for (const path of [`articles/hk/${hk.number}.html`, `articles/voa/${voa.number}.html`, `articles/rfi/${rfi.number}.html`, 'stories/2023-03-22.html']) {
    assert.ok(second.includes(path), `${path} not rewritten: ${second.join(' ')}`);
  }
  assert.ok(!second.includes(`articles/dw/${dw.number}.html`));
  assert.ok(coverageOf(page(`articles/voa/${voa.number}.html`))!.includes(`href="../hk/${hk.number}.html"`));
  assert.equal(page('stories/2023-03-22.html').match(/<section class="story"/g)?.length, 1);
});
