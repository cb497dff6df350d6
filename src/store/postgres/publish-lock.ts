// The publish lock in PostgreSQL (store/lease.ts PublishLock): a session advisory lock held on one pooled
// connection while its holder publishes. No table and no expiry to wait out: a process that dies mid-publish
// loses its connection, and the server releases the lock with it.
import type pg from 'pg';
import type { PublishLock } from '../lease.ts';
import { StoreError } from '../error.ts';

/** Any constant every process agrees on (the migrations' lock is another). */
export const PUBLISH_LOCK = 7_246_001;

export class PostgresPublishLock implements PublishLock {
  constructor(private readonly pool: pg.Pool) {}

  async tryAcquire(): Promise<(() => Promise<void>) | null> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (cause) {
      throw new StoreError('connect', `store: taking the publish lock: ${(cause as Error).message}`, { cause });
    }
    let held: boolean;
    try {
      held = (await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [PUBLISH_LOCK])).rows[0]!.held;
    } catch (cause) {
      client.release(cause as Error);
      throw new StoreError('connect', `store: taking the publish lock: ${(cause as Error).message}`, { cause });
    }
    if (!held) {
      client.release();
      return null;
    }
    return async () => {
      try {
        await client.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
        client.release();
      } catch (cause) {
        // A connection that could not unlock is closed, which releases the lock on the server.
        client.release(cause as Error);
        throw new StoreError('connect', `store: releasing the publish lock: ${(cause as Error).message}`, { cause });
      }
    };
  }
}
