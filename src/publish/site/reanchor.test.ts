// The publish state after a store rebuilt from the archive, against real SQLite files: moved to the rebuilt
// store's mark only when the manifest is where the state says it was.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fingerprint, sha256 } from '../../revision/fingerprint.ts';
import { SqliteStore } from '../../store/index.ts';
import { reanchorPublishState } from './reanchor.ts';
import { readPublishState, savePublishState } from './state.ts';

async function storeWithOne(path: string): Promise<SqliteStore> {
  const store = SqliteStore.open(path);
  await store.syncSources([{ id: 'a', name: '甲台', url: 'https://example.com/a.xml' }]);
  const content = '<p>正文</p>';
  await store.insertArticle({
    sourceId: 'a', key: 'a-1', url: 'https://example.com/a/1', title: '标题', author: null, publishedMs: 1_700_000_000_000,
    content, sha256: sha256(content), fingerprint: fingerprint(content), seenMs: 1_700_000_060_000, seenWhere: 'feed',
  });
  return store;
}

test('reanchor moves a mark the rebuilt store does not know, when the manifest has not grown, and drops the search part', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-reanchor-'));
  const store = await storeWithOne(join(root, 'db.sqlite'));
  const site = join(root, 'site');
  const lost = { revisionId: 42, revisionSha256: 'f'.repeat(64), statusChangedMs: 0 };
  const manifest = { file: '2023-11.jsonl', bytes: 1234 };
  savePublishState(site, { version: 2, mark: lost, daysOverMs: 5, manifest, settings: { site: 's1', search: 'q1' } });

  assert.equal(await reanchorPublishState(store, site, { ...manifest, bytes: 1300 }), false, 'the manifest grew: build everything');
  assert.deepEqual(readPublishState(site)?.mark, lost);
  assert.equal(await reanchorPublishState(store, site, null), false);

  assert.equal(await reanchorPublishState(store, site, manifest), true);
  const state = readPublishState(site)!;
  assert.deepEqual(state.mark, await store.currentBuildMark());
  assert.notDeepEqual(state.mark, lost);
  assert.deepEqual(state.settings, { site: 's1' });
  assert.equal(state.daysOverMs, 5);
  assert.equal(await reanchorPublishState(store, site, manifest), false, 'a mark the store knows stays');
  assert.match(readFileSync(join(site, '.state.json'), 'utf8'), /"version": 2/);
  await store.close();
});
