// The reads every cycle's publish makes seek an index rather than read the articles table (migration 7): a scan
// costs nothing at a demo's size and grows with the archive, so only the query plan can tell them apart.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sqliteHandle, SqliteStore } from './store.ts';
import { SUMMARY_SQL } from './summaries.ts';

function plan(store: SqliteStore, sql: string, ...params: number[]): string {
  const rows = sqliteHandle(store).prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

test('the build mark and the articles changed since one are read through indexes, not a scan of articles', () => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'nv-summaries-')), 'store.sqlite'));
  try {
    const max = plan(store, SUMMARY_SQL.maxStatus);
    assert.match(max, /articles_by_status_changed/, max);
    const changed = plan(store, SUMMARY_SQL.changedSince, 10, 1_000);
    assert.match(changed, /SEARCH articles USING COVERING INDEX articles_by_status_changed/, changed);
    assert.match(changed, /SEARCH revisions USING INTEGER PRIMARY KEY/, changed);
    assert.doesNotMatch(changed, /\bSCAN (a|articles)\b/, changed);
  } finally {
    store.close();
  }
});
