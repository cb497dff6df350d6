import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.ts';

const NOW = Date.parse('2025-07-01T00:00:00Z');

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  const cases: Array<[string | null | undefined, number | null]> = [
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 01 Jul 2025 00:00:30 GMT', 30_000],
    ['Tuesday, 01-Jul-25 00:01:00 GMT', 60_000], // RFC 850, obsolete but allowed
    ['Mon, 30 Jun 2025 23:00:00 GMT', 0], // in the past: retry now
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    ['', null],
    [null, null],
    [undefined, null],
  ];
  for (const [value, expected] of cases) {
    test(JSON.stringify(value), () => assert.equal(parseRetryAfter(value, NOW), expected));
  }
});

describe('backoffDelay', () => {
  const cases: Array<[number, number, number]> = [
    [0, 0, 250],
    [0, 0.999999, 500],
    [1, 0, 500],
    [2, 0.5, 1500],
    [10, 0, 15_000], // capped at 30 s, half of it guaranteed
    [10, 0.999999, 30_000],
  ];
  for (const [retry, random, expected] of cases) {
    test(`retry ${retry}, random ${random} → ${expected} ms`, () => assert.equal(backoffDelay(retry, () => random), expected));
  }
});

test('isRetryableStatus', () => {
  assert.deepEqual(
    [200, 304, 400, 404, 408, 429, 500, 502, 503, 504].filter(isRetryableStatus),
    [429, 500, 502, 503, 504],
  );
});
