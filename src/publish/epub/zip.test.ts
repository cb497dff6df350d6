// The book's ZIP writer against fflate's zipSync, which wrote every book before: the same entries give the
// same bytes, whether an entry comes as bytes or already packed (packEntry), so no published digest changes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { packEntry, zipBook, type ZipEntry } from './zip.ts';

const encoder = new TextEncoder();
const MIMETYPE = encoder.encode('application/epub+zip');

function asBefore(entries: { path: string; bytes: Uint8Array; stored?: boolean }[], timeMs: number): Uint8Array {
  const mtime = new Date(Math.max(timeMs, Date.UTC(1980, 0, 2)));
  const files: Zippable = { mimetype: [MIMETYPE, { level: 0, mtime }] };
  for (const entry of entries) files[entry.path] = [entry.bytes, { level: entry.stored ? 0 : 9, mtime }];
  return zipSync(files);
}

const cases: { name: string; timeMs: number; entries: { path: string; bytes: Uint8Array; stored?: boolean }[] }[] = [
  { name: 'no entries but the mimetype', timeMs: Date.parse('2024-01-01T00:00:00Z'), entries: [] },
  {
    name: 'text deflated, an image stored, a time before 1980',
    timeMs: 0,
    entries: [
      { path: 'META-INF/container.xml', bytes: encoder.encode('<?xml version="1.0"?><container/>') },
      { path: 'EPUB/text/voa-1.xhtml', bytes: encoder.encode('<p>中文内容</p>'.repeat(500)) },
      { path: 'EPUB/images/a.png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), stored: true },
      { path: 'EPUB/empty.css', bytes: new Uint8Array(0) },
    ],
  },
  {
    name: 'a non-ASCII name and an odd second',
    timeMs: Date.parse('2023-03-22T13:45:59.999Z'),
    entries: [{ path: 'EPUB/text/文章.xhtml', bytes: encoder.encode('x'.repeat(70_000)) }],
  },
];

describe('zipBook', () => {
  for (const { name, timeMs, entries } of cases) {
    test(`${name}: the bytes zipSync wrote, from bytes or from packed entries`, () => {
      const expected = asBefore(entries, timeMs);
      assert.deepEqual(zipBook(entries, timeMs), expected);
      const packed: ZipEntry[] = entries.map((entry) => ({ path: entry.path, packed: packEntry(entry.bytes, entry.stored === true) }));
      assert.deepEqual(zipBook(packed, timeMs), expected);
      const files = unzipSync(expected);
      for (const entry of entries) assert.deepEqual(files[entry.path], entry.bytes);
    });
  }

  test('a duplicate entry is refused', () => {
    const bytes = encoder.encode('x');
    assert.throws(() => zipBook([{ path: 'a', bytes }, { path: 'a', bytes }], 0), /duplicate entry a/);
    assert.throws(() => zipBook([{ path: 'mimetype', bytes }], 0), /duplicate entry mimetype/);
  });
});
