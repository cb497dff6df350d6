import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conditionalHeaders, validatorsFrom } from './conditional.ts';

describe('conditionalHeaders: only values that exist are sent', () => {
  const cases: Array<[string, Parameters<typeof conditionalHeaders>[0], Record<string, string>]> = [
    ['nothing', undefined, {}],
    ['nulls', { etag: null, lastModified: null }, {}],
    ['empty and blank strings', { etag: '', lastModified: '  ' }, {}],
    ['etag only', { etag: 'W/"1"' }, { 'if-none-match': 'W/"1"' }],
    ['both', { etag: '"x"', lastModified: 'Wed, 02 Jul 2025 10:00:00 GMT' }, { 'if-none-match': '"x"', 'if-modified-since': 'Wed, 02 Jul 2025 10:00:00 GMT' }],
  ];
  for (const [name, input, expected] of cases) test(name, () => assert.deepEqual(conditionalHeaders(input), expected));
});

describe('validatorsFrom', () => {
  test('200 returns what the response says, even nothing', () => {
    assert.deepEqual(validatorsFrom({}, false, { etag: '"old"' }), { etag: null, lastModified: null });
  });
  test('304 without validators keeps the ones we sent', () => {
    assert.deepEqual(validatorsFrom({}, true, { etag: '"old"', lastModified: 'Mon' }), { etag: '"old"', lastModified: 'Mon' });
  });
  test('304 with a new ETag takes it', () => {
    assert.deepEqual(validatorsFrom({ etag: '"new"' }, true, { etag: '"old"' }), { etag: '"new"', lastModified: null });
  });
});
