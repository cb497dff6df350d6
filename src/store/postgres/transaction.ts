// One transaction on one connection of the pool, for the store and the search index alike.
import type pg from 'pg';
import { run, storeError, type Queryable } from './rows.ts';

/** Runs `fn` between BEGIN and COMMIT; `what` names the caller in a connection error ("store", "search"). */
export async function inTransaction<T>(pool: pg.Pool, what: string, fn: (db: Queryable) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (cause) {
    throw storeError(cause, `${what}: connecting`);
  }
  let broken: Error | undefined;
  try {
    await run(client, 'BEGIN');
    const result = await fn(client);
    await run(client, 'COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      // The connection is gone: it must not go back to the pool; the first error is the one to report.
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
