// `newsvault search`, `newsvault reindex` and `newsvault serve` against a real SQLite file.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { configFromValue, type Config } from '../config/index.ts';
import { createSampleArchive, type SampleArchive } from '../serve/testdata/sample-archive.ts';
import { CONTENT_SECURITY_POLICY } from '../serve/index.ts';
import { execSqlite } from '../store/sqlite/test-support.ts';
import { captureIo as captureAt } from '../../test/support/io.ts';
import { main } from './main.ts';
import { reindexCommand } from './reindex.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';

const captureIo = (cwd: string) => captureAt(cwd, new Date('2024-03-21T02:00:00Z'));

/** The sample archive with its store closed, so each command opens the file itself. */
function withArchive(fn: (archive: SampleArchive, config: Config) => Promise<void> | void) {
  return async () => {
    const archive = await createSampleArchive();
    await archive.store.close();
    const config = configFromValue({ output: join(archive.dir, 'archive'), database: archive.file }, null, archive.dir);
    try {
      await fn(archive, config);
    } finally {
      archive.close();
    }
  };
}

describe('newsvault search', () => {
  test('prints a table; 習近平 finds 习近平', withArchive(async (archive, config) => {
    const io = captureIo(archive.dir);
    assert.equal(await searchCommand(['習近平'], config, {}, io), 0);
    const out = io.out.join('');
    assert.match(out, /^date \(UTC\+8\)\s+source\s+title\s+snippet\n/);
    assert.match(out, /2024-03-20 12:00  voa\s+习近平会见美国国务卿布林肯/);
    assert.match(out, /\n1 matches, 1 shown, /);
    assert.deepEqual(io.err, []);
  }));

  test('--json prints the search result; --source narrows; --limit caps', withArchive(async (archive, config) => {
    const io = captureIo(archive.dir);
    assert.equal(await searchCommand(['上海'], config, { json: true, source: 'RFI', limit: '1' }, io), 0);
    const result = JSON.parse(io.out.join('')) as { total: number; hits: { id: number; source: string }[]; truncated: boolean };
    assert.equal(result.total, 2);
    assert.equal(result.hits.length, 1);
    assert.equal(result.hits[0]?.source, 'rfi');
    assert.equal(result.truncated, false);
  }));

  test('bad usage exits 2 with a message', withArchive(async (archive, config) => {
    for (const [words, options, message] of [
      [['习'], {}, /single Chinese character/],
      [['习近平'], { limit: '0' }, /--limit/],
      [['习近平'], { limit: '101' }, /--limit/],
      [['习近平'], { source: 'nosuch' }, /--source/],
      [['from:2024-02-30'], {}, /not a date/],
    ] as const) {
      const io = captureIo(archive.dir);
      assert.equal(await searchCommand(words, config, options, io), 2, words.join(' '));
      assert.match(io.err.join(''), message);
    }
  }));

  test('through main: -word is an exclusion, not an unknown option', withArchive(async (archive) => {
    const io = captureIo(archive.dir);
    const file = join(archive.dir, 'newsvault.config.json');
    writeFileSync(file, JSON.stringify({ output: 'archive', database: archive.file }));
    assert.equal(await main(['--config', file, 'search', '--json', '上海', '-股市'], io), 0, io.err.join(''));
    const result = JSON.parse(io.out.join('')) as { hits: { id: number }[] };
    assert.deepEqual(result.hits.map((h) => h.id), [archive.ids.hostile]);
  }));
});

describe('newsvault reindex', () => {
  test('rebuilds a missing index from the store', withArchive(async (archive, config) => {
    execSqlite(archive.file, 'DROP TABLE search_fts; DROP TABLE search_docs; DROP TABLE search_info;');

    const before = captureIo(archive.dir);
    assert.equal(await searchCommand(['立法会'], config, {}, before), 0);
    assert.match(before.err.join(''), /run `newsvault reindex`/);
    assert.match(before.out.join(''), /\n0 matches/);

    const io = captureIo(archive.dir);
    assert.equal(await reindexCommand(config, io), 0);
    assert.match(io.out.join(''), /^reindex: indexed 5 articles in /);

    const after = captureIo(archive.dir);
    assert.equal(await searchCommand(['立法会'], config, {}, after), 0);
    assert.deepEqual(after.err, []);
    assert.match(after.out.join(''), /香港立法會選舉/);
  }));
});

describe('newsvault serve', () => {
  test('serves on loopback until told to stop, with the CSP header', withArchive(async (archive, config) => {
    const io = captureIo(archive.dir);
    let stop = (): void => {};
    const until = new Promise<void>((resolve) => (stop = resolve));
    let url = '';
    let serving: Promise<number> = Promise.resolve(-1);
    await new Promise<void>((resolve, reject) => {
      serving = serveCommand(config, { port: '0', until, onListening: (u) => ((url = u), resolve()) }, io);
      serving.then((code) => reject(new Error(`serve ended early with ${code}: ${io.err.join('')}`)), reject);
    });
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/api/search?q=${encodeURIComponent('習近平')}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      assert.equal(((await res.json()) as { total: number }).total, 1);
      const post = await fetch(`${url}/`, { method: 'POST' });
      assert.equal(post.status, 405);
      assert.match(io.out.join(''), /newsvault reader at http:\/\/127\.0\.0\.1:\d+\//);
    } finally {
      stop();
      assert.equal(await serving, 0);
    }
  }));

  test('bad --port and a missing database exit 2', withArchive(async (archive, config) => {
    for (const port of ['-1', '65536', 'http', '80a']) {
      const io = captureIo(archive.dir);
      assert.equal(await serveCommand(config, { port, until: Promise.resolve() }, io), 2, port);
      assert.match(io.err.join(''), /--port/);
    }
    const io = captureIo(archive.dir);
    const missing = { ...config, database: join(archive.dir, 'nope.sqlite') };
    assert.equal(await serveCommand(missing, { port: '0', until: Promise.resolve() }, io), 2);
    assert.match(io.err.join(''), /no database at/);
  }));

  test('a PostgreSQL server that cannot be reached is one line and exit 2 (the URL is served, not refused)', withArchive(async (archive) => {
    // A port nothing listens on: one taken from the system and let go again.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const file = join(archive.dir, 'pg.config.json');
    writeFileSync(file, JSON.stringify({ output: 'archive', database: `postgresql://nv:hunter2@127.0.0.1:${port}/newsvault` }));
    const io = captureIo(archive.dir);
    assert.equal(await main(['--config', file, 'serve', '--port', '0'], io), 2);
    const err = io.err.join('');
    assert.match(err, new RegExp(`^store: cannot connect to postgresql://nv:\\*\\*\\*@127\\.0\\.0\\.1:${port}/newsvault: .*check that the server is running`));
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.doesNotMatch(err, /hunter2|does not read a PostgreSQL/);
    assert.deepEqual(io.out, []);
  }));
});
