// The old archive continues in place: imported from a git repository as the old system left it, its
// files keep their names in lists and links (`1047462_世界贸易组织将迎来首位女性总干事.md`), its articles
// their first archive time from git history, search finds them at once, and a missing folder is a usage error.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { git } from '../src/git/exec.ts';
import { SqliteStore } from '../src/store/index.ts';
import { createTestArchive } from './support/archive.ts';
import { captureIo } from './support/io.ts';

const testdata = new URL('../src/import/testdata/duty-machine/', import.meta.url).pathname;
const NAMED = '1047462_世界贸易组织将迎来首位女性总干事.md';

describe('the old archive continues in place', () => {
  test('import keeps file names and archive times, indexes for search; a run links the files as they are named', async () => {
    const archive = await createTestArchive([{ id: 'BBC', name: 'BBC', url: 'http://127.0.0.1:9/unused.xml' }], {
      recheck: { perRun: 0 },
      site: { enabled: false },
      git: { commit: true, push: false },
    });
    cpSync(join(testdata, 'articles', 'BBC'), join(archive.output, 'articles', 'BBC'), { recursive: true });
    await git(archive.output, ['add', '-A']);
    const when = '2021-02-15T12:00:00Z';
    const env = { GIT_AUTHOR_NAME: 'old', GIT_AUTHOR_EMAIL: 'o@x', GIT_COMMITTER_NAME: 'old', GIT_COMMITTER_EMAIL: 'o@x', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
    await git(archive.output, ['commit', '--quiet', '-m', 'old archive'], env);
    const configFile = join(archive.root, 'newsvault.config.json');
    writeFileSync(configFile, JSON.stringify({ output: archive.output, database: archive.database, sources: [{ id: 'BBC', name: 'BBC', url: 'http://127.0.0.1:9/unused.xml' }] }));

    const missing = captureIo(archive.root);
    assert.equal(await main(['--config', configFile, 'import', join(archive.root, 'nowhere')], missing), 2);
    assert.match(missing.err.join(''), /^import: .*nowhere is not a folder/);

    const io = captureIo(archive.root);
    const code = await main(['--config', configFile, 'import', archive.output], io);
    assert.equal(code, 0, io.err.join(''));
    assert.match(io.out.join(''), /imported 3 articles .* 3 articles searchable/);

    const store = SqliteStore.open(archive.database);
    try {
      const named = await store.getArticleByNumber('BBC', 1047462);
      assert.equal(named?.fileName, NAMED);
      assert.equal(named?.firstSeenMs, Date.parse(when), 'first archived when git first committed the file');
      assert.equal((await store.getArticleByNumber('BBC', 1047443))?.fileName ?? null, null);
    } finally {
      await store.close();
    }

    const search = captureIo(archive.root);
    assert.equal(await main(['--config', configFile, 'search', '世界贸易组织'], search), 0, search.err.join(''));
    assert.match(search.out.join(''), /世界贸易组织将迎来首位女性总干事/);

    // A run (the feed is unreachable) rewrites the list with links to the files as they are named.
    const result = await archive.run(new Date('2025-03-01T00:00:00Z'));
    assert.equal(result.errors.length, 0, result.errors.join('\n'));
    const list = readFileSync(join(archive.output, 'lists', 'BBC.md'), 'utf8');
    assert.match(list, new RegExp(`\\(/articles/BBC/${encodeURIComponent(NAMED).replace(/[()]/g, '\\$&')}\\)`));
    assert.match(list, /\(\/articles\/BBC\/1047443\.md\)/);
    assert.equal(readFileSync(join(archive.output, 'articles', 'BBC', NAMED), 'utf8'), readFileSync(join(testdata, 'articles', 'BBC', NAMED), 'utf8'));
  });
});
