import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ListedArticle } from './article-list.ts';
import { COVERAGE_LIMIT, coverageOf, storyCoverage, type Coverage } from './coverage.ts';

const HOUR = 3_600_000;
const report = (id: number, sourceId: string, hours: number): ListedArticle => ({
  id,
  sourceId,
  number: id,
  title: `第${id}篇`,
  publishedMs: Date.UTC(2023, 2, 21) + hours * HOUR,
  status: 'live',
  statusChangedMs: null,
  revisionCount: 1,
});

describe('coverageOf', () => {
  test('a small story lists every other outlet\'s report, oldest first, and none of the article\'s own outlet', () => {
    const story = [report(1, 'voa', 0), report(2, 'rfi', 3), report(3, 'voa', 4), report(4, 'dw', 9)];
    const coverage = coverageOf(story, story[0]!);
    assert.deepEqual(coverage.reports.map((r) => r.id), [2, 4]);
    assert.equal(coverage.more, 0);
  });

  test('a large story lists at most the limit: each other outlet\'s nearest report first, oldest first, and says how many more', () => {
    // 40 reports from 20 outlets, two each, an hour apart; the article is outlet s0's report at hour 20.
    const story = Array.from({ length: 40 }, (_, i) => report(i + 1, `s${i % 20}`, i));
    const article = story[20]!;
    const coverage = coverageOf(story, article);
    assert.equal(coverage.reports.length, COVERAGE_LIMIT);
    assert.equal(coverage.more, 38 - COVERAGE_LIMIT);
    assert.equal(new Set(coverage.reports.map((r) => r.sourceId)).size, COVERAGE_LIMIT, 'one report per outlet while outlets remain');
    assert.ok(coverage.reports.every((r) => r.sourceId !== article.sourceId));
    // The nearest in time: hours 15–25 except 20 itself, i.e. the ten outlets s15…s19 and s1…s5.
    assert.deepEqual(coverage.reports.map((r) => r.id), [16, 17, 18, 19, 20, 22, 23, 24, 25, 26]);
    const times = coverage.reports.map((r) => r.publishedMs);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  test('with fewer outlets than the limit, the rest of the list is the nearest remaining reports', () => {
    const story = Array.from({ length: 30 }, (_, i) => report(i + 1, `s${i % 3}`, i));
    const coverage = coverageOf(story, story[0]!);
    assert.equal(coverage.reports.length, COVERAGE_LIMIT);
    assert.equal(coverage.more, 20 - COVERAGE_LIMIT);
    assert.deepEqual(coverage.reports.map((r) => r.id), [2, 3, 5, 6, 8, 9, 11, 12, 14, 15]);
  });
});

/** The definition, by sorting every other report by nearness (what coverageOf did before it was indexed). */
function byDefinition(story: readonly ListedArticle[], article: ListedArticle, limit = COVERAGE_LIMIT): Coverage {
  const others = story.filter((member) => member.sourceId !== article.sourceId);
  const nearest = [...others].sort(
    (x, y) => Math.abs(x.publishedMs - article.publishedMs) - Math.abs(y.publishedMs - article.publishedMs) || x.publishedMs - y.publishedMs || x.id - y.id,
  );
  const chosen = new Set<ListedArticle>();
  const outlets = new Set<string>();
  for (const r of nearest) {
    if (chosen.size >= limit) break;
    if (outlets.has(r.sourceId)) continue;
    outlets.add(r.sourceId);
    chosen.add(r);
  }
  for (const r of nearest) {
    if (chosen.size >= limit) break;
    chosen.add(r);
  }
  const reports = others.filter((r) => chosen.has(r)).sort((x, y) => x.publishedMs - y.publishedMs || x.id - y.id);
  return { reports, more: others.length - chosen.size };
}

test('storyCoverage lists what the definition lists, for every member of random stories (ties in time included)', () => {
  let seed = 11;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let round = 0; round < 60; round++) {
    const size = 2 + random(80);
    const outlets = 1 + random(15);
    // Few distinct hours, so many reports share a time and many are equally near on both sides.
    const story = Array.from({ length: size }, (_, i) => report(1 + random(10_000) * 100 + i, `s${random(outlets)}`, random(1 + random(30))));
    const limit = 1 + random(12);
    const of = storyCoverage(story, limit);
    for (const article of story) {
      const got = of(article);
      const want = byDefinition(story, article, limit);
      assert.deepEqual(got.reports.map((r) => r.id), want.reports.map((r) => r.id), `round ${round}, article ${article.id}`);
      assert.equal(got.more, want.more);
    }
  }
});
