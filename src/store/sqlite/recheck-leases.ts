// Re-check leases in SQLite (Store.claimRecheck), as PostgreSQL has them (postgres/recheck-leases.ts): one row per
// article being re-checked in recheck_leases (schema version 6). A claim reads the article's next check time and
// writes the lease in one IMMEDIATE transaction: SQLite has one writer at a time, so a check recorded by another
// process is either before the claim (the time has moved: no claim) or after it (that process holds no lease).
// Times are this machine's clock: a SQLite file is shared only by processes on one machine.
import type { SqliteDatabase } from './open.ts';

export class SqliteRecheckLeases {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      nextCheck: db.prepare(`SELECT next_check_ms AS nextCheckMs FROM articles WHERE id = ?`),
      claim: db.prepare(`INSERT INTO recheck_leases AS l (article_id, holder, expires_ms) VALUES (@articleId, @holder, @expiresMs)
        ON CONFLICT (article_id) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
         WHERE l.expires_ms <= @nowMs OR l.holder = excluded.holder`),
      release: db.prepare(`DELETE FROM recheck_leases WHERE article_id = ? AND holder = ?`),
    };
  }

  claim(articleId: number, listedNextCheckMs: number | null, holder: string, ttlMs: number): boolean {
    return this.db
      .transaction(() => {
        const row = this.statements.nextCheck.get(articleId) as { nextCheckMs: number | null } | undefined;
        if (!row || row.nextCheckMs !== listedNextCheckMs) return false;
        const nowMs = Date.now();
        return this.statements.claim.run({ articleId, holder, expiresMs: nowMs + ttlMs, nowMs }).changes === 1;
      })
      .immediate();
  }

  release(articleId: number, holder: string): void {
    this.statements.release.run(articleId, holder);
  }
}
