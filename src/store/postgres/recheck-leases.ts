// Re-check leases in PostgreSQL (Store.claimRecheck): one row per article being re-checked in recheck_leases
// (schema version 5). A claim is one statement that first locks the article's row and checks that its next check
// time is still the one the claimer listed. Recording a check updates that row, so the lock orders a claim after
// any check being recorded, and the re-check of a row version newer than the statement's snapshot (READ COMMITTED
// re-evaluates the condition for FOR UPDATE) sees the moved time: an article re-checked elsewhere since it was
// listed is not claimed, even when that lease was released between the claimer's snapshot and its insert.
import type { Queryable } from './rows.ts';
import { rows, run } from './rows.ts';

/** The server's clock in epoch milliseconds: every machine sharing the database agrees on it. */
const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

export async function claimRecheck(db: Queryable, articleId: number, listedNextCheckMs: number | null, holder: string, ttlMs: number): Promise<boolean> {
  const claimed = await rows(
    db,
    `WITH target AS (
       SELECT id FROM articles WHERE id = $1 AND next_check_ms IS NOT DISTINCT FROM $2::bigint FOR UPDATE
     )
     INSERT INTO recheck_leases AS l (article_id, holder, expires_ms) SELECT id, $3, ${NOW_MS} + $4 FROM target
     ON CONFLICT (article_id) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
      WHERE l.expires_ms <= ${NOW_MS} OR l.holder = excluded.holder
     RETURNING article_id`,
    [articleId, listedNextCheckMs, holder, ttlMs],
    `store: claiming the re-check of article ${articleId}`,
  );
  return claimed.length === 1;
}

export async function releaseRecheck(db: Queryable, articleId: number, holder: string): Promise<void> {
  await run(db, `DELETE FROM recheck_leases WHERE article_id = $1 AND holder = $2`, [articleId, holder], `store: releasing the re-check of article ${articleId}`);
}
