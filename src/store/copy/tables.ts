// Both ends of a store copy, table by table: a SQLite file or a PostgreSQL database, read in primary-key order
// and written in one transaction. Rows are arrays of plain values (numbers, strings, null; a boolean as 0 or 1),
// the same on both engines, so a copy can be checked by hashing what each end holds.
import type pg from 'pg';
import { isPostgresUrl } from '../../config/database.ts';
import { StoreError } from '../error.ts';
import { openPostgres, redactUrl } from '../postgres/open.ts';
import { storeError } from '../postgres/rows.ts';
import { SqliteEnd } from '../sqlite/table-end.ts';
import { list, type Row, type Table, type TableEnd } from './table-end.ts';

export type { Row, Table, TableEnd } from './table-end.ts';

/** Every table of the store, parents before children. The search index is not copied: `reindex` rebuilds it. */
export const TABLES: readonly Table[] = [
  { name: 'sources', key: ['id'] },
  { name: 'articles', key: ['id'], identity: 'id' },
  { name: 'revisions', key: ['id'], identity: 'id' },
  { name: 'article_links', key: ['source_id', 'link'] },
  { name: 'checks', key: ['id'], identity: 'id' },
  { name: 'status_events', key: ['id'], identity: 'id' },
  { name: 'feed_states', key: ['source_id', 'url'] },
  { name: 'source_health', key: ['source_id'] },
  { name: 'health_events', key: ['id'], identity: 'id' },
  { name: 'published_files', key: ['path'] },
  { name: 'runs', key: ['id'], identity: 'id' },
  { name: 'run_sources', key: ['run_id', 'source_id'] },
];

export async function openEnd(database: string): Promise<TableEnd> {
  return isPostgresUrl(database) ? PostgresEnd.open(database) : new SqliteEnd(database);
}

class PostgresEnd implements TableEnd {
  private booleans = new Map<string, Set<string>>();
  private writer: pg.PoolClient | null = null;

  private constructor(
    readonly where: string,
    private readonly pool: pg.Pool,
  ) {}

  static async open(url: string): Promise<PostgresEnd> {
    return new PostgresEnd(redactUrl(url), await openPostgres(url));
  }

  async columns(table: Table): Promise<string[]> {
    const { rows } = await this.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      [table.name],
    );
    this.booleans.set(table.name, new Set(rows.filter((r) => r.data_type === 'boolean').map((r) => r.column_name)));
    return rows.map((r) => r.column_name).sort();
  }

  async read(table: Table, columns: readonly string[], after: Row | null, limit: number): Promise<Row[]> {
    const booleans = this.booleans.get(table.name) ?? new Set();
    // SQLite has no booleans: 0 and 1 on both ends.
    const select = columns.map((c) => (booleans.has(c) ? `"${c}"::int AS "${c}"` : `"${c}"`)).join(', ');
    const keys = list(table.key);
    const from = after === null ? '' : `WHERE (${keys}) > (${table.key.map((_, i) => `$${i + 1}`).join(', ')})`;
    const params = [...(after ?? []), limit];
    try {
      const result = await this.pool.query<Row>({ text: `SELECT ${select} FROM ${table.name} ${from} ORDER BY ${keys} LIMIT $${params.length}`, values: params, rowMode: 'array' });
      return result.rows;
    } catch (cause) {
      throw storeError(cause, `store: reading ${this.where}`);
    }
  }

  async count(table: Table): Promise<number> {
    return (await this.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table.name}`)).rows[0]!.n;
  }

  async begin(): Promise<void> {
    this.writer = await this.pool.connect();
    await this.writer.query('BEGIN');
    await this.writer.query('SET CONSTRAINTS ALL DEFERRED');
  }

  async write(table: Table, columns: readonly string[], rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    try {
      await this.writer!.query(`INSERT INTO ${table.name} (${list(columns)}) VALUES ${values}`, rows.flat());
    } catch (cause) {
      throw storeError(cause, `store: copying ${table.name} into ${this.where}`);
    }
  }

  async commit(): Promise<void> {
    const writer = this.writer!;
    // New rows after the copy get ids above the copied ones.
    for (const table of TABLES) {
      if (table.identity === undefined) continue;
      await writer.query(
        `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.identity}'), COALESCE(MAX("${table.identity}"), 0) + 1, false) FROM ${table.name}`,
      );
    }
    await writer.query('COMMIT');
    writer.release();
    this.writer = null;
  }

  async rollback(): Promise<void> {
    if (this.writer === null) return;
    await this.writer.query('ROLLBACK');
    this.writer.release();
    this.writer = null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<T>> {
    try {
      return await this.pool.query<T>(sql, params);
    } catch (cause) {
      throw storeError(cause, `store: reading ${this.where}`);
    }
  }
}

export function notEmpty(where: string, table: string, rows: number): StoreError {
  return new StoreError('constraint', `store: ${where} is not empty (${table} has ${rows} rows); copy into a new, empty database`);
}
