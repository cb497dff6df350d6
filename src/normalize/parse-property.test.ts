// Property: whatever bytes arrive — truncated, bit-flipped or random — parseFeed returns a feed or throws
// a ParseError, never anything else; and normalizeFeed then never yields an invalid, NaN or 1970 date.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { normalizeFeed } from './index.ts';
import { parseFeed } from '../parse/index.ts';
import { ParseError, type ParsedFeed } from '../parse/types.ts';

const testdata = new URL('../parse/testdata/', import.meta.url);
const fixtures = readdirSync(testdata)
  .filter((f) => /\.(xml|rss|rdf|json)$/.test(f))
  .sort()
  .map((f) => new Uint8Array(readFileSync(new URL(f, testdata))))
  // The 1 MB feed alone would dominate the run time; its shape is covered by the smaller ones.
  .filter((bytes) => bytes.length < 400_000);
const NOW = new Date('2025-12-10T00:00:00.000Z');
const EARLIEST = Date.UTC(1995, 0, 1);

function check(input: Uint8Array | string): void {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(input);
  } catch (error) {
    assert.ok(error instanceof ParseError, `threw ${String(error)}`);
    return;
  }
  const { items } = normalizeFeed(feed, { now: NOW });
  for (const item of items) {
    assert.ok(Number.isFinite(item.publishedMs), 'finite');
    assert.ok(item.publishedMs >= EARLIEST && item.publishedMs <= NOW.getTime() + 5 * 60_000, item.published);
    assert.equal(new Date(item.publishedMs).toISOString(), item.published);
    if (item.updated !== null) assert.ok(Number.isFinite(Date.parse(item.updated)));
    assert.ok(item.key.length > 5);
  }
}

/** A fixture cut at a random point, with a few bytes flipped or dropped. */
const damaged = fc
  .record({
    index: fc.nat({ max: fixtures.length - 1 }),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    flips: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
  })
  .map(({ index, cut, flips }) => {
    const source = fixtures[index] as Uint8Array;
    const bytes = source.slice(0, Math.floor(source.length * cut));
    for (const { at, byte } of flips) if (bytes.length > 0) bytes[Math.floor(at * bytes.length) % bytes.length] = byte;
    return bytes;
  });

describe('parse never throws anything but ParseError; dates always valid', () => {
  test('damaged real feeds', () => {
    fc.assert(fc.property(damaged, (bytes) => check(bytes)), { numRuns: 150, seed: 20251210 });
  });
  test('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => check(bytes)), { numRuns: 300, seed: 7 });
  });
  test('random markup-like strings', () => {
    const token = fc.constantFrom(
      '<rss version="2.0">', '<channel>', '<item>', '</item>', '<title>', '</title>', '<pubDate>', '</pubDate>', '<![CDATA[',
      ']]>', '&amp;', '&', '&#', ';', '<', '>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '<updated>',
      '2023-03-21T20:39:04Z', 'Tue, 21 Mar 2023 20:39:04 GMT', '0', '9999-12-31', '1679431144', '\uFEFF', '<?xml version="1.0"?>',
      '<guid>', '</guid>', '<link>', '/x', 'http://a/', '{"version":"https://jsonfeed.org/version/1","items":[{"date_published":"', '"}]}',
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => check(tokens.join(''))), { numRuns: 400, seed: 42 });
  });
});
