// What a store copy reads and writes at either end (a SQLite file, sqlite/table-end.ts, or a PostgreSQL
// database, tables.ts): tables by name and primary key, rows as arrays of plain values.

export interface Table {
  name: string;
  /** The primary key, the order rows are read in. */
  key: string[];
  /** The id column a PostgreSQL identity hands out, moved past the copied ids afterwards. */
  identity?: string;
}

export type Row = unknown[];

export interface TableEnd {
  readonly where: string;
  /** Column names of a table, sorted. */
  columns(table: Table): Promise<string[]>;
  /** Up to `limit` rows after the key `after` (null: from the start), in key order. */
  read(table: Table, columns: readonly string[], after: Row | null, limit: number): Promise<Row[]>;
  count(table: Table): Promise<number>;
  /** Starts the one transaction every write belongs to. */
  begin(): Promise<void>;
  write(table: Table, columns: readonly string[], rows: readonly Row[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** Column names as SQL identifiers, comma-separated. */
export const list = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');
