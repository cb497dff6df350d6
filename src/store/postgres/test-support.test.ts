// The throwaway cluster itself: it starts, answers on loopback with UTF-8 and C collation, and leaves nothing behind.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from './test-support.ts';

describe('postgres test cluster', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  test('answers on 127.0.0.1, and each database is new, UTF-8 and sorted by code point', async () => {
    assert.match(cluster.url, /^postgresql:\/\/newsvault@127\.0\.0\.1:\d+\/postgres$/);
    const first = await cluster.createDatabase();
    const second = await cluster.createDatabase();
    assert.notEqual(first, second);
    const client = new pg.Client({ connectionString: first });
    await client.connect();
    try {
      const { rows } = await client.query<{ encoding: string; words: string[] }>(
        `SELECT pg_encoding_to_char(encoding) AS encoding,
          (SELECT array_agg(w ORDER BY w) FROM unnest(ARRAY['b', 'B', '美', 'a']) AS w) AS words
         FROM pg_database WHERE datname = current_database()`,
      );
      assert.deepEqual(rows, [{ encoding: 'UTF8', words: ['B', 'a', 'b', '美'] }]);
    } finally {
      await client.end();
    }
  });

  test('stop() shuts the server down and removes its folder', async () => {
    const other = await startPostgresCluster();
    const port = Number(new URL(other.url).port);
    await other.stop();
    await other.stop(); // twice is fine
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'newsvault', database: 'postgres', connectionTimeoutMillis: 10_000 });
    await assert.rejects(client.connect(), /ECONNREFUSED/);
    assert.equal(existsSync(other.folder), false);
  });

  test('without the binaries, the error says what to install', () => {
    assert.throws(() => findPostgresBin({ NEWSVAULT_PG_BIN: '/nonexistent/bin' }, '/nonexistent/lib'), /no initdb and pg_ctl found \(looked in \/nonexistent\/bin\); install PostgreSQL: apt-get install postgresql/);
  });
});
