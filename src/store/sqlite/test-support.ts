// For tests that must reach under the Store (a table dropped to simulate an old or damaged file): SQL run on a
// SQLite store file through a connection of its own, so no test needs the store's private handle.
import { openDatabase } from './open.ts';

/** Runs `sql` (one or more statements) on the store file `file`, then closes the connection. */
export function execSqlite(file: string, sql: string): void {
  const db = openDatabase(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}
