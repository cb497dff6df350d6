import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageCount, pageOfRank, relativeLink } from './paths.ts';

test('relativeLink climbs only as far as the common folder', () => {
  const cases: [from: string, to: string, link: string][] = [
    ['index.html', 'sources/voa/index.html', 'sources/voa/index.html'],
    ['articles/voa/1048574.html', 'sources/voa/index.html', '../../sources/voa/index.html'],
    ['articles/voa/1048574.html', 'style.css', '../../style.css'],
    ['sources/voa/page-3.html', 'sources/voa/page-4.html', 'page-4.html'],
    ['sources/voa/index.html', 'sources/rfi/index.html', '../rfi/index.html'],
    ['days/2024-01-01.html', 'days/index.html', 'index.html'],
    ['feeds/sources/voa.atom', 'articles/voa/1.html', '../../articles/voa/1.html'],
    ['feeds/all.atom', 'feeds/all.atom', 'all.atom'],
  ];
  for (const [from, to, link] of cases) assert.equal(relativeLink(from, to), link, `${from} → ${to}`);
});

test('pages count from the oldest article', () => {
  assert.deepEqual([0, 1, 49, 50, 99, 100].map((rank) => pageOfRank(rank, 50)), [1, 1, 1, 2, 2, 3]);
  assert.deepEqual([0, 1, 50, 51].map((count) => pageCount(count, 50)), [1, 1, 1, 2]);
});
