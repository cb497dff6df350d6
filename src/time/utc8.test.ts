import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayOfUtc8, formatUtc8 } from './utc8.ts';

test('UTC+8 moments and days', () => {
  // 2023-03-21 20:39:04 UTC is 04:39 the next morning in Beijing.
  assert.equal(formatUtc8(1679431144000), '2023-03-22 04:39');
  assert.equal(dayOfUtc8(1679431144000), '2023-03-22');
  assert.equal(dayOfUtc8(Date.UTC(2023, 11, 31, 15, 59)), '2023-12-31');
  assert.equal(dayOfUtc8(Date.UTC(2023, 11, 31, 16, 0)), '2024-01-01');
});
