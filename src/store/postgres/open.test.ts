// Opening a PostgreSQL store: the schema is created and versioned once, concurrent opens agree, and what
// cannot be reached or is too new is one StoreError that names the database without its password.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { StoreError } from '../error.ts';
import { openPostgres, redactUrl } from './open.ts';
import { MIGRATIONS } from './schema.ts';
import { startPostgresCluster, type PostgresCluster } from './test-support.ts';

describe('openPostgres', () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(() => cluster?.stop());

  test('a new database gets every migration; opening again changes nothing', async () => {
    const url = await cluster.createDatabase();
    const pool = await openPostgres(url);
    try {
      const version = await pool.query('SELECT version FROM newsvault_schema');
      assert.deepEqual(version.rows, [{ version: MIGRATIONS.length }]);
      await pool.query(`INSERT INTO sources (id, name, url, next_number) VALUES ('voa', '美国之音', 'https://feedx.net/rss/mgzy1.xml', 1048574)`);
    } finally {
      await pool.end();
    }
    const again = await openPostgres(url);
    try {
      // BIGINT comes back as a number, not pg's default string.
      assert.deepEqual((await again.query('SELECT id, next_number FROM sources')).rows, [{ id: 'voa', next_number: 1048574 }]);
      assert.deepEqual((await again.query('SELECT count(*) AS n FROM newsvault_schema')).rows, [{ n: 1 }]);
    } finally {
      await again.end();
    }
  });

  test('several processes opening a new database at once migrate it once', async () => {
    const url = await cluster.createDatabase();
    const pools = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url, { max: 1 })));
    try {
      assert.deepEqual((await pools[0]!.query('SELECT version FROM newsvault_schema')).rows, [{ version: MIGRATIONS.length }]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  test('a database from a newer newsvault is refused, naming the versions', async () => {
    const url = await cluster.createDatabase();
    await (await openPostgres(url)).end();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE newsvault_schema SET version = $1', [MIGRATIONS.length + 1]);
    await client.end();
    await assert.rejects(
      openPostgres(url),
      (error: unknown) =>
        error instanceof StoreError &&
        error.kind === 'migrate' &&
        error.message.includes(`has schema version ${MIGRATIONS.length + 1}, newer than this newsvault knows (${MIGRATIONS.length}); upgrade newsvault`),
    );
  });

  test('a read-only pool reads but cannot write; a new database is migrated before it is read', async () => {
    const url = await cluster.createDatabase();
    const reader = await openPostgres(url, { readonly: true });
    try {
      assert.deepEqual((await reader.query('SELECT version FROM newsvault_schema')).rows, [{ version: MIGRATIONS.length }]);
      await assert.rejects(
        reader.query(`INSERT INTO sources (id, name, url, next_number) VALUES ('voa', '美国之音', 'https://feedx.net/rss/mgzy1.xml', 1048574)`),
        /read-only transaction/,
      );
      // Inside an explicit transaction too, as the store and the search index run theirs.
      const client = await reader.connect();
      try {
        await client.query('BEGIN');
        await assert.rejects(client.query(`DELETE FROM sources`), /read-only transaction/);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    } finally {
      await reader.end();
    }
    // A writing pool beside it is unaffected.
    const writer = await openPostgres(url);
    try {
      await writer.query(`INSERT INTO sources (id, name, url, next_number) VALUES ('voa', '美国之音', 'https://feedx.net/rss/mgzy1.xml', 1048574)`);
    } finally {
      await writer.end();
    }
  });

  test('a read-only pool refuses a database from a newer newsvault too', async () => {
    const url = await cluster.createDatabase();
    await (await openPostgres(url)).end();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE newsvault_schema SET version = $1', [MIGRATIONS.length + 1]);
    await client.end();
    await assert.rejects(openPostgres(url, { readonly: true }), (error: unknown) => error instanceof StoreError && error.kind === 'migrate' && /newer than this newsvault knows/.test(error.message));
  });

  test('a server that is not there is a connect error naming it, without the password', async () => {
    // The port of a cluster that has just stopped: nothing listens there.
    const gone = await startPostgresCluster();
    const port = new URL(gone.url).port;
    await gone.stop();
    const url = `postgresql://nv:hunter2@127.0.0.1:${port}/newsvault`;
    await assert.rejects(openPostgres(url), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.equal(error.kind, 'connect');
      assert.match(error.message, new RegExp(`^store: cannot connect to postgresql://nv:\\*\\*\\*@127\\.0\\.0\\.1:${port}/newsvault: .*ECONNREFUSED`));
      assert.ok(!error.message.includes('hunter2'));
      return true;
    });
  });

  test('a database that does not exist is a connect error with the server\'s reason', async () => {
    const url = cluster.url.replace(/\/postgres$/, '/no_such_db');
    await assert.rejects(openPostgres(url), (error: unknown) => error instanceof StoreError && error.kind === 'connect' && /database "no_such_db" does not exist/.test(error.message));
  });

  test('redactUrl hides only the password', () => {
    assert.equal(redactUrl('postgresql://nv:pw@h:5/db?sslmode=require'), 'postgresql://nv:***@h:5/db?sslmode=require');
    assert.equal(redactUrl('postgresql://h/db'), 'postgresql://h/db');
  });
});
