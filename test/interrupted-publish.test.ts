// A run that stored articles but could not publish them loses nothing: the next run (even one where every
// feed answers 304) writes them, because the store, not the output folder, knows what is unpublished.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestArchive, type TestArchive } from './support/archive.ts';
import { serveBody, startFeedServer, type FeedServer } from './support/feed-server.ts';

describe('a publish that failed is finished by the next run', () => {
  let server: FeedServer;
  let archive: TestArchive;
  before(async () => {
    server = await startFeedServer();
    server.routes.set('/voa.xml', serveBody(readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url)), undefined, '"v1"'));
    archive = await createTestArchive([{ id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` }], { site: { enabled: false } });
  });
  after(() => server.close());

  test('the first run stores the article but cannot write it: exit 3 (the archive did not advance), the reason named, no commit', async () => {
    // A file where the articles/ folder must go: every write under it fails.
    writeFileSync(join(archive.output, 'articles'), 'not a folder');
    const result = await archive.run();
    assert.equal(result.exitCode, 3);
    assert.equal(result.sources[0]?.newCount, 1);
    assert.match(result.errors.join('\n'), /^publish: .*articles/m);
    assert.deepEqual(await archive.commits(), []);
  });

  test('the next run, with the feed unchanged (304), writes the article byte for byte and commits it', async () => {
    rmSync(join(archive.output, 'articles'));
    const result = await archive.run(new Date('2024-01-01T01:00:00Z'));
    assert.equal(result.exitCode, 0, result.errors.join('\n'));
    assert.equal(result.sources[0]?.outcome, 'not-modified');
    const path = join(archive.output, 'articles/voa/1048574.md');
    assert.ok(existsSync(path));
    assert.deepEqual(readFileSync(path), readFileSync(new URL('./fixtures/seeds/000_050e39a74adabfee.txt', import.meta.url)));
    assert.equal((await archive.commits()).length, 1);
  });
});
