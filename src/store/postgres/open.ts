// Connects to a PostgreSQL database named by a postgresql:// URL, then migrates it (schema.ts).
// Several processes may open one database at once (several `newsvault run` on several machines): the
// migrations run under an advisory lock, so exactly one of them applies each version.
import pg from 'pg';
import { StoreError } from '../error.ts';
import { MIGRATIONS } from './schema.ts';

/** pg's type id of BIGINT; COUNT(*) is one too. */
const INT8_OID = 20;
/** Any constant both sides agree on: the key of the advisory lock the migrations run under. */
const MIGRATION_LOCK = 7_316_032_114;
/** How long to wait for the server to answer a connection before giving up: an unreachable host is an error, not a hang. */
const CONNECT_TIMEOUT_MS = 10_000;

/** The URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL the WHATWG parser accepts (pg's own parser is laxer): say so rather than echo a password.
    return 'the configured PostgreSQL URL';
  }
}

/** Times and ids are BIGINT; every one the store keeps (milliseconds, row ids) is far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Connections in the pool. */
  max?: number;
  /**
   * Every transaction read-only (`default_transaction_read_only`), so no statement can change the database: a
   * reader (`newsvault serve`). A database behind the current schema is migrated first by a connection of its own.
   */
  readonly?: boolean;
}

/** The server-side setting a read-only pool's connections start with. */
const READ_ONLY = '-c default_transaction_read_only=on';

/** A connected, migrated pool. The caller ends it (`pool.end()`). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<pg.Pool> {
  const where = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types,
    ...(options.readonly ? { options: READ_ONLY } : {}),
  });
  // A pooled connection that breaks while idle (the server restarted) is dropped by the pool and a new one is made
  // on the next query, which reports any lasting problem; without a listener the event would end the process.
  pool.on('error', () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (cause) {
    await pool.end();
    throw new StoreError('connect', `store: cannot connect to ${where}: ${describe(cause)}`, { cause });
  }
  let behind = false;
  try {
    if (options.readonly) behind = (await schemaVersion(client, where)) < MIGRATIONS.length;
    else await migrate(client, where);
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  if (behind) {
    // As a read-only SQLite file from an older newsvault: migrated once by a writing connection, then read.
    await pool.end();
    await (await openPostgres(url, { max: 1 })).end();
    return openPostgres(url, options);
  }
  return pool;
}

/** The schema version a read-only connection finds (0: no newsvault tables yet); newer than this newsvault is an error. */
async function schemaVersion(client: pg.PoolClient, where: string): Promise<number> {
  let current: number;
  try {
    const { rows: tables } = await client.query<{ found: boolean }>(`SELECT to_regclass('newsvault_schema') IS NOT NULL AS found`);
    const { rows } = tables[0]?.found ? await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM newsvault_schema') : { rows: [] };
    current = rows[0]?.version ?? 0;
  } catch (cause) {
    throw new StoreError('migrate', `store: reading the schema version of ${where} failed: ${describe(cause)}`, { cause });
  }
  if (current > MIGRATIONS.length) {
    throw new StoreError('migrate', `store: ${where} has schema version ${current}, newer than this newsvault knows (${MIGRATIONS.length}); upgrade newsvault`);
  }
  return current;
}

async function migrate(client: pg.PoolClient, where: string): Promise<void> {
  let version = 0;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS newsvault_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM newsvault_schema');
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new StoreError(
        'migrate',
        `store: ${where} has schema version ${current}, newer than this newsvault knows (${MIGRATIONS.length}); upgrade newsvault`,
      );
    }
    for (version = current + 1; version <= MIGRATIONS.length; version++) await client.query(MIGRATIONS[version - 1]!);
    if (rows.length === 0) await client.query('INSERT INTO newsvault_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    else await client.query('UPDATE newsvault_schema SET version = $1', [MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (cause) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      // The connection itself failed: the error below says why; the rollback's own failure adds nothing.
      void rollback;
    });
    if (cause instanceof StoreError) throw cause;
    const step = version > 0 ? `migrating ${where} to version ${version}` : `reading the schema version of ${where}`;
    throw new StoreError('migrate', `store: ${step} failed: ${describe(cause)}`, { cause });
  }
}

/** One line from a driver or socket error; Node's AggregateError (IPv4 and IPv6 both refused) has no message of its own. */
export function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describe).join('; ');
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
