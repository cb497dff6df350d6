import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Revision } from '../store/index.ts';
import { MAX_DIFFS, PAGE_DIFF_BUDGET_MS, readerDiffer } from './diff-budget.ts';

const revision = (seq: number): Revision => ({
  id: seq,
  articleId: 1,
  seq,
  title: '标题',
  url: null,
  content: `<p>第${seq}版</p>`,
  sha256: String(seq),
  fingerprint: String(seq),
  seenMs: seq,
  seenWhere: 'feed',
  fetchedUrl: null,
  httpStatus: null,
  etag: null,
});

test('diffs stop when the page budget is spent', () => {
  let now = 0;
  const diff = readerDiffer(() => (now += PAGE_DIFF_BUDGET_MS * 1.25)); // each diff seems to take longer than the budget
  assert.ok(Array.isArray(diff(revision(2), revision(3))));
  assert.deepEqual(diff(revision(1), revision(2)), { skipped: 'budget' });
});

test(`only the first ${MAX_DIFFS} pairs of a page are diffed`, () => {
  const diff = readerDiffer(() => 0);
  for (let i = 0; i < MAX_DIFFS; i++) assert.ok(Array.isArray(diff(revision(i + 1), revision(i + 2))), `pair ${i}`);
  assert.deepEqual(diff(revision(1), revision(2)), { skipped: 'older' });
});
