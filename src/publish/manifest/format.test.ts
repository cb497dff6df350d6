import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RevisionRecord, StatusEventRecord } from '../../store/types.ts';
import { monthOf, monthRange, nextMonth, parseManifest, renderMonth } from './format.ts';

const revision = (seenMs: number, seq: number): RevisionRecord => ({
  id: seq,
  articleId: 1,
  seq,
  title: '标题',
  url: 'https://example.com/a',
  sha256: 'a'.repeat(64),
  fingerprint: 'f'.repeat(64),
  seenMs,
  seenWhere: 'feed',
  sourceId: 'BBC',
  number: 1047462,
  fileName: '1047462_标题.md',
  key: 'guid:1',
  author: null,
  publishedMs: 1,
});

describe('manifest format', () => {
  test('months are UTC calendar months; December rolls into January', () => {
    assert.equal(monthOf(Date.UTC(2026, 11, 31, 23, 59)), '2026-12');
    assert.deepEqual(monthRange('2026-12'), [Date.UTC(2026, 11, 1), Date.UTC(2027, 0, 1)]);
    assert.equal(nextMonth('2026-12'), '2027-01');
  });

  test('a month is its header, then revisions and status events by time, revision first on a tie', () => {
    const event: StatusEventRecord = { id: 1, articleId: 1, atMs: 2000, kind: 'removed', sourceId: 'BBC', number: 1047462, fileName: '1047462_标题.md' };
    const text = renderMonth('2026-12', 'e'.repeat(64), [revision(1000, 1), revision(2000, 2)], [event]);
    const { header, lines } = parseManifest(text, 'x.jsonl');
    assert.deepEqual(header, { manifest: 1, month: '2026-12', previous: 'e'.repeat(64) });
    assert.deepEqual(lines.map((line) => (line.type === 'revision' ? `r${line.seq}` : line.kind)), ['r1', 'r2', 'removed']);
    assert.equal(lines[0]?.path, 'articles/BBC/1047462_标题.md');
    assert.ok(text.endsWith('\n'));
  });

  test('a line that is not JSON is named with its line number', () => {
    assert.throws(() => parseManifest('{"manifest":1,"month":"2026-12","previous":null}\n{oops\n', 'm.jsonl'), /^ManifestError: manifest: m\.jsonl line 2 is not JSON/);
  });
});
