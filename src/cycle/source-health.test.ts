import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourceHealth } from '../store/index.ts';
import { activeFeed, nextHealth, type FeedReport, type HealthObservation } from './source-health.ts';

const H = 3600 * 1000;
const NOW = Date.parse('2026-09-29T12:00:00Z');
const PRIMARY = 'https://feedx.net/rss/bbc.xml';
const FALLBACK = 'https://feeds.bbci.co.uk/zhongwen/simp/rss.xml';

const ok = (url: string, index: number, newestMs = NOW - H): FeedReport => ({ url, index, outcome: 'ok', error: null, fresh: { newestMs, medianIntervalMs: H }, stale: false });
const stale = (url: string, index: number, newestMs: number): FeedReport => ({ url, index, outcome: 'ok', error: null, fresh: { newestMs, medianIntervalMs: H }, stale: true });
const failed = (url: string, index: number): FeedReport => ({ url, index, outcome: 'failed', error: 'http-status: HTTP 500', fresh: { newestMs: null, medianIntervalMs: null }, stale: false });

const seen = (feeds: FeedReport[], extra: Partial<HealthObservation> = {}): HealthObservation => ({
  sourceId: 'BBC',
  nowMs: NOW,
  fallbacks: [FALLBACK],
  feeds,
  consecutiveFailures: feeds.every((feed) => feed.outcome === 'failed') ? 1 : 0,
  selectorMisses: 0,
  selectorHits: 0,
  ...extra,
});
const healthy: SourceHealth = { sourceId: 'BBC', activeUrl: PRIMARY, staleSinceMs: null, failingSinceMs: null, selectorMisses: 0, selectorsMissingSinceMs: null };

test('health transitions and the events they raise', () => {
  const cases: [name: string, before: SourceHealth | null, observation: HealthObservation, after: Partial<SourceHealth>, events: [string, RegExp][]][] = [
    ['first run, primary fine: no event', null, seen([ok(PRIMARY, 0)]), { activeUrl: PRIMARY }, []],
    ['primary answers 500, fallback fresh', healthy, seen([failed(PRIMARY, 0), ok(FALLBACK, 1)]), { activeUrl: FALLBACK, staleSinceMs: null },
      [['fallback', /primary https:\/\/feedx\.net\/rss\/bbc\.xml failed \(http-status: HTTP 500\); reading fallback https:\/\/feeds\.bbci/]]],
    ['primary stale, fallback fresh', healthy, seen([stale(PRIMARY, 0, NOW - 40 * 24 * H), ok(FALLBACK, 1)]), { activeUrl: FALLBACK },
      [['fallback', /primary .* is stale \(newest item 2026-08-20T12:00:00Z\)/]]],
    ['still on the fallback: no new event', { ...healthy, activeUrl: FALLBACK }, seen([failed(PRIMARY, 0), ok(FALLBACK, 1)]), { activeUrl: FALLBACK }, []],
    ['primary back', { ...healthy, activeUrl: FALLBACK }, seen([ok(PRIMARY, 0)]), { activeUrl: PRIMARY }, [['recovered', /back on the primary feed/]]],
    ['every feed stale: stale since the newest item of any', healthy, seen([stale(PRIMARY, 0, NOW - 50 * H), stale(FALLBACK, 1, NOW - 30 * H)]),
      { activeUrl: FALLBACK, staleSinceMs: NOW - 30 * H }, [['fallback', /is stale/], ['stale', /no new item since 2026-09-28T06:00:00Z in any of its 2 feeds/]]],
    ['stale again: no new event', { ...healthy, staleSinceMs: NOW - 50 * H }, seen([stale(PRIMARY, 0, NOW - 50 * H)], { fallbacks: [] }), { staleSinceMs: NOW - 50 * H }, []],
    ['fresh again', { ...healthy, staleSinceMs: NOW - 50 * H }, seen([ok(PRIMARY, 0)]), { staleSinceMs: null }, [['recovered', /fresh items again/]]],
    ['failing only after 3 runs in a row', healthy, seen([failed(PRIMARY, 0), failed(FALLBACK, 1)], { consecutiveFailures: 2 }), { failingSinceMs: null, activeUrl: PRIMARY }, []],
    ['failing at 3', healthy, seen([failed(PRIMARY, 0), failed(FALLBACK, 1)], { consecutiveFailures: 3 }), { failingSinceMs: NOW },
      [['failing', /every feed failed 3 runs in a row/]]],
    ['answering again', { ...healthy, failingSinceMs: NOW - 5 * H }, seen([ok(PRIMARY, 0)]), { failingSinceMs: null }, [['recovered', /answering again/]]],
    ['keep selectors miss', healthy, seen([ok(PRIMARY, 0)], { selectorMisses: 2 }), { selectorMisses: 2, selectorsMissingSinceMs: NOW }, [['selectors', /matched nothing on 2 page/]]],
    ['still missing: counted, no event', { ...healthy, selectorMisses: 2, selectorsMissingSinceMs: NOW - H }, seen([ok(PRIMARY, 0)], { selectorMisses: 1 }), { selectorMisses: 3, selectorsMissingSinceMs: NOW - H }, []],
    ['selectors match again', { ...healthy, selectorMisses: 3, selectorsMissingSinceMs: NOW - H }, seen([ok(PRIMARY, 0)], { selectorHits: 1 }), { selectorMisses: 0, selectorsMissingSinceMs: null }, [['recovered', /keep selectors match again \(3 page/]]],
  ];
  for (const [name, before, observation, after, events] of cases) {
    const change = nextHealth(before, observation);
    for (const [key, value] of Object.entries(after)) assert.deepEqual(change.health[key as keyof SourceHealth], value, `${name}: ${key}`);
    assert.deepEqual(change.events.map((event) => event.kind), events.map(([kind]) => kind), name);
    events.forEach(([, pattern], index) => assert.match(change.events[index]!.detail, pattern, name));
    assert.ok(change.events.every((event) => event.atMs === NOW && event.sourceId === 'BBC'), name);
  }
});

test('the active feed: the first fresh one, else the freshest that answered, else none', () => {
  assert.equal(activeFeed([failed(PRIMARY, 0), ok(FALLBACK, 1)])?.url, FALLBACK);
  assert.equal(activeFeed([stale(PRIMARY, 0, NOW - 30 * H), stale(FALLBACK, 1, NOW - 90 * H)])?.url, PRIMARY);
  assert.equal(activeFeed([failed(PRIMARY, 0), failed(FALLBACK, 1)]), null);
});
