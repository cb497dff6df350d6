import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDaysUtc8, dayOfUtc8, dayRangeUtc8, dayStartUtc8, formatUtc, formatUtc8, isoUtc } from './utc8.ts';

test('UTC+8 moments and days', () => {
  // 2023-03-21 20:39:04 UTC is 04:39 the next morning in Beijing.
  assert.equal(formatUtc8(1679431144000), '2023-03-22 04:39');
  assert.equal(formatUtc(1679431144000), '2023-03-21 20:39');
  assert.equal(isoUtc(1679431144789), '2023-03-21T20:39:04Z');
  assert.equal(dayOfUtc8(1679431144000), '2023-03-22');
  assert.equal(dayOfUtc8(Date.UTC(2023, 11, 31, 15, 59)), '2023-12-31');
  assert.equal(dayOfUtc8(Date.UTC(2023, 11, 31, 16, 0)), '2024-01-01');
});

describe('UTC+8 day keys', () => {
  const cases: [string, number | null][] = [
    ['2024-03-21', Date.UTC(2024, 2, 20, 16)],
    ['2024-02-29', Date.UTC(2024, 1, 28, 16)],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['0050-01-01', null],
    ['2024-3-1', null],
    ['', null],
  ];
  for (const [day, start] of cases) {
    test(`dayStartUtc8(${JSON.stringify(day)})`, () => assert.equal(dayStartUtc8(day), start));
  }
  test('ranges and neighbours', () => {
    assert.deepEqual(dayRangeUtc8('2024-03-21'), { startMs: Date.UTC(2024, 2, 20, 16), endMs: Date.UTC(2024, 2, 21, 16) });
    assert.throws(() => dayRangeUtc8('2024-02-30'), /time: "2024-02-30" is not a day/);
    assert.equal(addDaysUtc8('2024-03-01', -1), '2024-02-29');
    assert.equal(addDaysUtc8('2024-12-31', 1), '2025-01-01');
  });
});
