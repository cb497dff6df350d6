// `database` names a SQLite file or a PostgreSQL server; NEWSVAULT_DATABASE_URL names the server instead.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, configFromValue, loadConfig } from './index.ts';

describe('config: database', () => {
  test('a postgresql:// URL is kept as written; a path is resolved against the config folder', () => {
    for (const url of ['postgresql://nv:secret@db.example:5432/newsvault', 'postgres://localhost/nv?sslmode=require']) {
      assert.equal(configFromValue({ database: url }, null, '/base').database, url);
    }
    assert.equal(configFromValue({ database: 'data/nv.sqlite' }, null, '/base').database, '/base/data/nv.sqlite');
  });

  test('another scheme is refused, naming the field', () => {
    assert.throws(
      () => configFromValue({ database: 'mysql://localhost/nv' }, 'newsvault.config.json', '/base'),
      (error: unknown) => error instanceof ConfigError && /database: must be a file path or a postgresql:\/\/ URL/.test(error.message),
    );
  });

  test('NEWSVAULT_DATABASE_URL overrides the file; an empty one does not; a non-PostgreSQL one is refused without echoing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nv-config-'));
    writeFileSync(join(dir, 'newsvault.config.json'), JSON.stringify({ database: 'nv.sqlite' }));
    const url = 'postgresql://nv:secret@127.0.0.1:5432/newsvault';
    assert.equal(loadConfig({ cwd: dir, env: { NEWSVAULT_DATABASE_URL: url } }).database, url);
    assert.equal(loadConfig({ cwd: dir, env: { NEWSVAULT_DATABASE_URL: '' } }).database, join(dir, 'nv.sqlite'));
    assert.equal(loadConfig({ cwd: dir }).database, join(dir, 'nv.sqlite'));
    assert.throws(
      () => loadConfig({ cwd: dir, env: { NEWSVAULT_DATABASE_URL: 'mysql://root:hunter2@db/nv' } }),
      (error: unknown) =>
        error instanceof ConfigError && /NEWSVAULT_DATABASE_URL must be a postgresql:\/\/ URL/.test(error.message) && !error.message.includes('hunter2'),
    );
  });
});
