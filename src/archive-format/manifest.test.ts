import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckRecord, RevisionRecord, StatusEventRecord } from '../store/types.ts';
import { checkFinalUrl, checkLine, lineIdentity, monthOf, monthRange, nextMonth, parseManifest, renderMonth, revisionLine, statusLine } from './manifest.ts';

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
  fetchedUrl: 'https://feedx.net/rss/bbc.xml',
  httpStatus: 200,
  etag: '"v1"',
  sourceId: 'BBC',
  number: 1047462,
  fileName: '1047462_标题.md',
  key: 'guid:1',
  author: null,
  publishedMs: 1,
});

const check = (checkedMs: number, overrides: Partial<CheckRecord> = {}): CheckRecord => ({
  id: 1,
  articleId: 1,
  checkedMs,
  outcome: 'alive',
  httpStatus: 200,
  finalUrl: 'https://example.com/a',
  detail: null,
  sourceId: 'BBC',
  number: 1047462,
  fileName: '1047462_标题.md',
  articleUrl: 'https://example.com/a',
  ...overrides,
});

describe('manifest format', () => {
  test('months are UTC calendar months; December rolls into January', () => {
    assert.equal(monthOf(Date.UTC(2026, 11, 31, 23, 59)), '2026-12');
    assert.deepEqual(monthRange('2026-12'), [Date.UTC(2026, 11, 1), Date.UTC(2027, 0, 1)]);
    assert.equal(nextMonth('2026-12'), '2027-01');
  });

  test('a month is its header, then lines by time, a revision first on a tie', () => {
    const event: StatusEventRecord = { id: 1, articleId: 1, atMs: 2000, kind: 'removed', sourceId: 'BBC', number: 1047462, fileName: '1047462_标题.md' };
    const text = renderMonth('2026-12', { sha256: 'e'.repeat(64), bytes: 120 }, [
      checkLine(check(2000)),
      statusLine(event),
      revisionLine(revision(2000, 2)),
      revisionLine(revision(1000, 1)),
    ]);
    const { header, lines, partial } = parseManifest(text, 'x.jsonl');
    assert.deepEqual(header, { manifest: 2, month: '2026-12', previous: 'e'.repeat(64), previousBytes: 120 });
    assert.equal(partial, null);
    assert.deepEqual(lines.map(lineIdentity), ['r BBC/1047462 1', 'r BBC/1047462 2', 's BBC/1047462 removed 1970-01-01T00:00:02.000Z', 'c BBC/1047462 1970-01-01T00:00:02.000Z']);
    const first = lines[0]!;
    assert.ok(first.type === 'revision');
    assert.equal(first.path, 'articles/BBC/1047462_标题.md');
    assert.deepEqual([first.fetchedUrl, first.httpStatus, first.etag], ['https://feedx.net/rss/bbc.xml', 200, '"v1"']);
    assert.ok(text.endsWith('\n'));
  });

  test('a check line carries its final URL only when it is not the URL that was requested', () => {
    const plain = checkLine(check(1));
    assert.equal('finalUrl' in plain, false);
    assert.equal('detail' in plain, false);
    assert.equal(checkFinalUrl(plain, 'https://example.com/a'), 'https://example.com/a');
    const moved = checkLine(check(1, { outcome: 'redirected-away', finalUrl: 'https://example.com/', detail: 'redirected to https://example.com/' }));
    assert.equal(moved.finalUrl, 'https://example.com/');
    assert.equal(checkFinalUrl(moved, 'https://example.com/a'), 'https://example.com/');
    const failed = checkLine(check(1, { outcome: 'error', httpStatus: null, finalUrl: null, detail: 'timeout: slow' }));
    assert.equal('finalUrl' in failed, false);
    assert.equal(checkFinalUrl(failed, 'https://example.com/a'), null);
  });

  test('a version 1 file (revision lines without fetch metadata, a whole-file previous hash) still parses', () => {
    const v1 =
      '{"manifest":1,"month":"2026-11","previous":null}\n' +
      '{"type":"revision","path":"articles/voa/1048574.md","source":"voa","number":1048574,"key":"k","seq":1,"archivedAt":"2026-11-02T00:00:00.000Z","seenWhere":"feed","url":null,"title":"t","author":null,"publishedMs":1,"sha256":"s","fingerprint":"f"}\n';
    const { header, lines } = parseManifest(v1, 'v1.jsonl');
    assert.equal(header.manifest, 1);
    assert.equal(header.previousBytes, undefined);
    assert.ok(lines[0]?.type === 'revision' && lines[0].fetchedUrl === undefined);
  });

  test('a cut-off last line is set aside, not parsed; a bad line elsewhere is named with its line number', () => {
    const text = renderMonth('2026-12', null, [revisionLine(revision(1000, 1))]);
    const cut = `${text}{"type":"revision","pa`;
    const parsed = parseManifest(cut, 'm.jsonl');
    assert.equal(parsed.lines.length, 1);
    assert.deepEqual(parsed.partial, { completeBytes: Buffer.byteLength(text) });
    assert.throws(() => parseManifest('{"manifest":1,"month":"2026-12","previous":null}\n{oops\n', 'm.jsonl'), /^ManifestError: manifest: m\.jsonl line 2 is not JSON/);
    assert.throws(() => parseManifest('{"manifest":9,"month":"2026-12","previous":null}\n', 'm.jsonl'), /format version 9, newer than this newsvault reads/);
  });
});
