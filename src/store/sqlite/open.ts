// Opens (creating if needed) a SQLite file with the settings every connection needs, then migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalLink } from '../../normalize/identity.ts';
import { StoreError } from '../error.ts';
import { MIGRATIONS } from './schema.ts';

export { StoreError };

export type SqliteDatabase = Database.Database;

export function openDatabase(file: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    if (file !== ':memory:' && !options.readonly) mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // The file is read lazily: this first read turns "not a database" into an open error with the file's name.
    db.pragma('schema_version', { simple: true });
  } catch (cause) {
    throw new StoreError('open', `store: cannot open ${file}: ${(cause as Error).message}`, { cause });
  }
  // WAL lets the reader (`newsvault serve`) read while a cycle writes; NORMAL sync is durable in WAL mode
  // across process crashes, which is what a killed run needs.
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  // Used by migration 3 and by the store's link lookups: one definition of "the same link".
  db.function('canonical_link', { deterministic: true }, (url: unknown) => (typeof url === 'string' ? canonicalLink(url) : null));
  if (options.readonly && (db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length) {
    // A file from an older newsvault: the store's statements need the current schema, so it is migrated
    // once (read-write) and then opened for reading.
    db.close();
    openDatabase(file).close();
    return openDatabase(file, options);
  }
  if (!options.readonly) migrate(db, file);
  return db;
}

function migrate(db: SqliteDatabase, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError(
      'migrate',
      `store: ${file} has schema version ${current}, newer than this newsvault knows (${MIGRATIONS.length}); upgrade newsvault`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version]!;
    try {
      db.transaction(() => {
        db.exec(sql);
        db.pragma(`user_version = ${version + 1}`);
      })();
    } catch (cause) {
      throw new StoreError('migrate', `store: migrating ${file} to version ${version + 1} failed: ${(cause as Error).message}`, {
        cause,
      });
    }
  }
}
