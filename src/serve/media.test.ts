// Archived images are served under /media/ and article pages link them there.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../store/index.ts';
import { createReaderApp } from './app.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const HASH = 'ab'.padEnd(64, '0');

test('archived images: served from the media folder, linked from the article, nothing else reachable', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-serve-media-'));
  const mediaDir = join(root, 'archive', 'media');
  mkdirSync(join(mediaDir, 'ab'), { recursive: true });
  writeFileSync(join(mediaDir, 'ab', `${HASH}.png`), PNG);
  writeFileSync(join(root, 'secret.png'), 'not for the web');
  const store = SqliteStore.open(join(root, 'db.sqlite'));
  await store.syncSources([{ id: 'dw', name: '德国之声', url: 'https://example.com/feed' }]);
  const article = await store.insertArticle({
    sourceId: 'dw', key: 'k', url: 'https://www.dw.com/zh/a-1', title: '图片', author: null, publishedMs: 1_700_000_000_000,
    content: `<p><img src="../../media/ab/${HASH}.png" alt="图"></p>`, sha256: 'x', fingerprint: 'y', seenMs: 1, seenWhere: 'page',
  });
  const app = createReaderApp({ store, mediaDir });

  const image = await app.request(`/media/ab/${HASH}.png`);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await image.arrayBuffer()), PNG);
  assert.ok(image.headers.get('content-security-policy'));

  const page = await (await app.request(`/articles/${article.id}`)).text();
  assert.match(page, new RegExp(`<img src="/media/ab/${HASH}.png"`));
  assert.doesNotMatch(page, /dw\.com\/media/);

  for (const path of ['/media/ab/..%2F..%2Fsecret.png', `/media/cd/${HASH}.png`, '/media/ab/secret.png', `/media/ab/${HASH}.svg`, '/media/../secret.png']) {
    assert.equal((await app.request(path)).status, 404, path);
  }
  assert.equal((await createReaderApp({ store }).request(`/media/ab/${HASH}.png`)).status, 404);
  await store.close();
});
