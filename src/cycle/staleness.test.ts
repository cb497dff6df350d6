import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshness, isStale, itemDates, staleAfterMs } from './staleness.ts';

const H = 3600 * 1000;
const NOW = Date.parse('2026-09-29T12:00:00Z');

test('staleness from the items: newest item older than max(24 h, 5 × median interval)', () => {
  const cases: [name: string, datesMs: number[], stale: boolean][] = [
    ['no items', [], false],
    ['one item an hour old', [NOW - H], false],
    ['one item 25 hours old (no interval: 24 h)', [NOW - 25 * H], true],
    ['hourly feed, newest 23 h old: under the 24 h floor', [NOW - 23 * H, NOW - 24 * H, NOW - 25 * H], false],
    ['hourly feed, newest 25 h old', [NOW - 25 * H, NOW - 26 * H, NOW - 27 * H], true],
    ['weekly outlet, newest 4 days old: 5 weeks allowed', [NOW - 96 * H, NOW - 264 * H, NOW - 432 * H], false],
    ['weekly outlet, newest 6 weeks old', [NOW - 1008 * H, NOW - 1176 * H, NOW - 1344 * H], true],
    ['feedx stuck since 2026-08-22, items hours apart', [Date.parse('2026-08-22T10:00:00Z'), Date.parse('2026-08-22T08:00:00Z'), Date.parse('2026-08-22T05:00:00Z')], true],
    ['items out of order: the newest counts', [NOW - 30 * H, NOW - 2 * H, NOW - 60 * H], false],
    ['a future date (clamped to now) is fresh', [NOW], false],
  ];
  for (const [name, dates, stale] of cases) assert.equal(isStale(freshness(dates), NOW), stale, name);
});

test('the median interval, the threshold and which dates count', () => {
  assert.deepEqual(freshness([NOW, NOW - H, NOW - 3 * H, NOW - 10 * H]), { newestMs: NOW, medianIntervalMs: 2 * H });
  assert.deepEqual(freshness([NOW - 5 * H, NOW, NOW - H]), { newestMs: NOW, medianIntervalMs: 2.5 * H });
  assert.deepEqual(freshness([NOW]), { newestMs: NOW, medianIntervalMs: null });
  assert.equal(staleAfterMs(null), 24 * H);
  assert.equal(staleAfterMs(H), 24 * H);
  assert.equal(staleAfterMs(10 * H), 50 * H);
  assert.deepEqual(
    itemDates([
      { publishedMs: 1, dateSource: 'feed' },
      { publishedMs: 2, dateSource: 'first-seen' },
      { publishedMs: 3, dateSource: 'updated' },
      { publishedMs: 4, dateSource: 'clamped' },
    ]),
    [1, 3, 4],
  );
});
