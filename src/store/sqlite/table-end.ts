// A SQLite file as one end of a store copy (store/copy/tables.ts): its tables read in key order and written in one
// transaction, through a connection of its own.
import { list, type Row, type Table, type TableEnd } from '../copy/table-end.ts';
import { openDatabase, type SqliteDatabase } from './open.ts';

export class SqliteEnd implements TableEnd {
  readonly where: string;
  private readonly db: SqliteDatabase;

  constructor(file: string) {
    this.where = file;
    this.db = openDatabase(file);
  }

  async columns(table: Table): Promise<string[]> {
    return (this.db.pragma(`table_info(${table.name})`) as { name: string }[]).map((c) => c.name).sort();
  }

  async read(table: Table, columns: readonly string[], after: Row | null, limit: number): Promise<Row[]> {
    const keys = list(table.key);
    const from = after === null ? '' : `WHERE (${keys}) > (${table.key.map(() => '?').join(', ')})`;
    return this.db
      .prepare(`SELECT ${list(columns)} FROM ${table.name} ${from} ORDER BY ${keys} LIMIT ?`)
      .raw()
      .all(...(after ?? []), limit) as Row[];
  }

  async count(table: Table): Promise<number> {
    return (this.db.prepare(`SELECT COUNT(*) FROM ${table.name}`).pluck().get() as number);
  }

  async begin(): Promise<void> {
    this.db.exec('BEGIN');
    // articles.revision_id and revisions.article_id point at each other: checked at commit.
    this.db.pragma('defer_foreign_keys = ON');
  }

  async write(table: Table, columns: readonly string[], rows: readonly Row[]): Promise<void> {
    const insert = this.db.prepare(`INSERT INTO ${table.name} (${list(columns)}) VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of rows) insert.run(...row);
  }

  async commit(): Promise<void> {
    this.db.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
