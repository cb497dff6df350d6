// The re-check schedule with a fake clock: frequent while young, backing off with age, and a cap per run.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createFetcher } from '../fetch/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import { SqliteStore } from '../store/index.ts';
import { runRechecks } from './run-rechecks.ts';
import { CONFIRM_AFTER_MS, DAY_MS, HOUR_MS, intervalForAge, nextCheckAt } from './schedule.ts';

const T0 = Date.UTC(2024, 0, 1);

describe('schedule', () => {
  const intervals: [string, number, number][] = [
    ['just published', 0, HOUR_MS],
    ['23 hours old', 23 * HOUR_MS, HOUR_MS],
    ['one day old', DAY_MS, DAY_MS],
    ['29 days old', 29 * DAY_MS, DAY_MS],
    ['30 days old', 30 * DAY_MS, 7 * DAY_MS],
    ['364 days old', 364 * DAY_MS, 7 * DAY_MS],
    ['a year old', 365 * DAY_MS, 30 * DAY_MS],
    ['ten years old', 3650 * DAY_MS, 30 * DAY_MS],
  ];
  for (const [name, age, expected] of intervals) {
    test(`${name}: every ${expected / HOUR_MS} h`, () => assert.equal(intervalForAge(age), expected));
  }

  test('following the schedule from publication for two years: hourly, daily, weekly, monthly', () => {
    const article = { publishedMs: T0, firstSeenMs: T0 };
    const checks: number[] = [];
    for (let at = nextCheckAt(article, T0); at < T0 + 730 * DAY_MS; at = nextCheckAt(article, at)) checks.push(at);
    const within = (from: number, to: number) => checks.filter((at) => at >= T0 + from && at < T0 + to).length;
    assert.equal(within(0, DAY_MS), 23); // hours 1..23
    assert.equal(within(DAY_MS, 30 * DAY_MS), 29); // days 1..29
    assert.equal(within(30 * DAY_MS, 365 * DAY_MS), 48); // weeks
    assert.equal(within(365 * DAY_MS, 730 * DAY_MS), 13); // months: day 366, 396, …, 726
    assert.equal(checks.length, 23 + 29 + 48 + 13);
  });

  test('age counts from first sight when the feed date is in the future', () => {
    assert.equal(nextCheckAt({ publishedMs: T0 + 400 * DAY_MS, firstSeenMs: T0 }, T0), T0 + HOUR_MS);
    // An old article seen for the first time today is checked monthly.
    assert.equal(nextCheckAt({ publishedMs: T0 - 400 * DAY_MS, firstSeenMs: T0 }, T0), T0 + 30 * DAY_MS);
  });

  test('a suspect is re-checked within hours, whatever its age', () => {
    const old = { publishedMs: T0 - 400 * DAY_MS, firstSeenMs: T0 - 400 * DAY_MS };
    assert.equal(nextCheckAt(old, T0, { suspect: true }), T0 + CONFIRM_AFTER_MS);
    const young = { publishedMs: T0, firstSeenMs: T0 };
    assert.equal(nextCheckAt(young, T0, { suspect: true }), T0 + HOUR_MS);
  });
});

describe('runRechecks with a fake clock and a cap', () => {
  let server: Server;
  let base: string;
  let fetcher: Fetcher;
  const hits: string[] = [];
  before(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      const n = /\/(\d+)\.html$/.exec(request.url ?? '')?.[1];
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<title>文章${n}号的标题</title><p>文章${n}号的标题</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fetcher = createFetcher({ retries: 0, timeoutMs: 2000, sleep: async () => {} });
  });
  after(async () => {
    await fetcher.close();
    await new Promise((resolve) => server.close(resolve));
  });

  test('young articles hourly, old ones rarely, never more than the cap, most overdue first', async () => {
    const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'nv-recheck-')), 'store.sqlite'));
    try {
      await store.syncSources([{ id: 's', name: 'S', url: `${base}/feed.xml` }]);
      // Articles 1–3 published at T0 (young); 4–5 published a year and a half earlier, first seen at T0.
      const ids: Record<number, number> = {};
      for (const n of [1, 2, 3, 4, 5]) {
        ids[n] = (await store.insertArticle({
          sourceId: 's',
          key: `k${n}`,
          url: `${base}/a/${n}.html`,
          title: `文章${n}号的标题`,
          author: null,
          publishedMs: n <= 3 ? T0 : T0 - 540 * DAY_MS,
          content: `<p>文章${n}号的标题</p>`,
          sha256: 'x',
          fingerprint: 'y',
          seenMs: T0,
          seenWhere: 'feed',
        })).id;
      }
      let clock = T0;
      const run = (limit: number, all = false) => runRechecks({ store, fetcher, now: () => new Date(clock), limit, all, concurrency: 1 });
      const paths = () => hits.splice(0).map((path) => Number(/(\d+)\.html/.exec(path)?.[1]));

      // At T0 nothing is due yet: the first check is one interval after first sight.
      assert.equal((await run(10)).checked, 0);
      assert.deepEqual(paths(), []);

      // One hour later the three young articles are due; the cap of 2 takes the first two, one stays due.
      clock = T0 + HOUR_MS;
      const first = await run(2);
      assert.equal(first.checked, 2);
      assert.equal(first.stillDue, 1);
      assert.equal(first.outcomes.alive, 2);
      assert.deepEqual(paths(), [1, 2]);
      assert.equal(await store.getArticle(ids[1]!) && (await store.listChecks(ids[1]!)).length, 1);

      // Ten minutes later the one left over is still due (most overdue first), the checked ones are not.
      clock = T0 + HOUR_MS + 10 * 60_000;
      assert.equal((await run(2)).checked, 1);
      assert.deepEqual(paths(), [3]);

      // Through the first day: each young article once an hour; the old ones not at all.
      const perArticle = new Map<number, number>();
      for (let hour = 2; hour <= 24; hour++) {
        clock = T0 + hour * HOUR_MS + 15 * 60_000;
        await run(10);
        for (const n of paths()) perArticle.set(n, (perArticle.get(n) ?? 0) + 1);
      }
      assert.deepEqual([...perArticle.entries()].sort(), [[1, 23], [2, 23], [3, 23]]);

      // The next day: daily now. Checking every hour of day 2 finds each young article due once.
      perArticle.clear();
      for (let hour = 25; hour <= 48; hour++) {
        clock = T0 + hour * HOUR_MS + 15 * 60_000;
        await run(10);
        for (const n of paths()) perArticle.set(n, (perArticle.get(n) ?? 0) + 1);
      }
      assert.deepEqual([...perArticle.entries()].sort(), [[1, 1], [2, 1], [3, 1]]);

      // 30 days after first sight the old articles get their first (monthly) check.
      clock = T0 + 30 * DAY_MS + HOUR_MS;
      await run(10);
      assert.deepEqual(paths().sort(), [1, 2, 3, 4, 5]);
      assert.equal((await store.listDueChecks(clock, 10)).length, 0);

      // --all ignores the schedule but still respects the cap it is given.
      const all = await run(3, true);
      assert.equal(all.checked, 3);
      assert.equal(all.stillDue, 2);
      // Soonest scheduled first: the young articles (weekly now) before the old ones (monthly).
      assert.deepEqual(paths(), [1, 2, 3]);
      assert.equal((await store.listChecks(ids[4]!)).length, 1);
      assert.equal((await store.listChecks(ids[1]!)).length, 1 + 1 + 23 + 1 + 1 + 1 - 1);
    } finally {
      await store.close();
    }
  });
});
