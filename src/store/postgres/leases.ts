// Source leases in PostgreSQL (store/lease.ts): one row per source in source_leases (schema version 4). A claim is
// one statement, so two processes claiming at once cannot both win: the row's lock orders them, and the second
// sees the first's lease.
import type pg from 'pg';
import type { SourceLeases } from '../lease.ts';
import { rows, run } from './rows.ts';

/** The server's clock in epoch milliseconds. */
const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

export class PostgresLeases implements SourceLeases {
  constructor(private readonly pool: pg.Pool) {}

  async cycleStart(): Promise<number> {
    return (await rows<{ ms: number }>(this.pool, `SELECT ${NOW_MS} AS ms`))[0]!.ms;
  }

  async claim(sourceId: string, holder: string, cycleStartMs: number, ttlMs: number): Promise<boolean> {
    const claimed = await rows(
      this.pool,
      `INSERT INTO source_leases AS l (source_id, holder, expires_ms) VALUES ($1, $2, ${NOW_MS} + $3)
       ON CONFLICT (source_id) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
        WHERE (l.expires_ms <= ${NOW_MS} OR l.holder = excluded.holder) AND (l.done_ms IS NULL OR l.done_ms < $4)
       RETURNING source_id`,
      [sourceId, holder, ttlMs, cycleStartMs],
      `store: claiming source ${sourceId}`,
    );
    return claimed.length === 1;
  }

  async release(sourceId: string, holder: string): Promise<void> {
    await run(
      this.pool,
      `UPDATE source_leases SET expires_ms = ${NOW_MS}, done_ms = ${NOW_MS} WHERE source_id = $1 AND holder = $2`,
      [sourceId, holder],
      `store: releasing source ${sourceId}`,
    );
  }
}
