// Copies a whole store from one engine to the other (`newsvault migrate --to`): every table, every row, every
// id, in one transaction on the target, which must be empty. Then both ends are read again and compared table
// by table, by row count and by a SHA-256 over the rows in key order: the copy is lossless or it is an error.
import { createHash } from 'node:crypto';
import { StoreError } from '../error.ts';
import { notEmpty, openEnd, TABLES, type Row, type Table, type TableEnd } from './tables.ts';

/** Rows per read and per insert: memory stays bounded whatever the archive's size. */
const BATCH = 500;

export interface TableCopy {
  table: string;
  rows: number;
  /** SHA-256 of the table's rows, equal on both ends. */
  sha256: string;
}

export interface CopyOptions {
  onTable?: (copy: TableCopy) => void;
}

export async function copyStore(from: string, to: string, options: CopyOptions = {}): Promise<TableCopy[]> {
  const source = await openEnd(from);
  let target: TableEnd;
  try {
    target = await openEnd(to);
  } catch (error) {
    await source.close();
    throw error;
  }
  try {
    const columns = new Map<string, string[]>();
    for (const table of TABLES) {
      const mine = await source.columns(table);
      const theirs = await target.columns(table);
      if (mine.join() !== theirs.join()) {
        throw new StoreError(
          'migrate',
          `store: ${table.name} has other columns in ${source.where} (${mine.join(', ')}) than in ${target.where} (${theirs.join(', ')}); run the same newsvault version on both`,
        );
      }
      columns.set(table.name, mine);
      const rows = await target.count(table);
      if (rows > 0) throw notEmpty(target.where, table.name, rows);
    }

    await target.begin();
    try {
      for (const table of TABLES) {
        for await (const batch of batches(source, table, columns.get(table.name)!)) await target.write(table, columns.get(table.name)!, batch);
      }
      await target.commit();
    } catch (error) {
      await target.rollback();
      throw error;
    }

    const copies: TableCopy[] = [];
    for (const table of TABLES) {
      const cols = columns.get(table.name)!;
      const [mine, theirs] = [await digest(source, table, cols), await digest(target, table, cols)];
      if (mine.rows !== theirs.rows || mine.sha256 !== theirs.sha256) {
        throw new StoreError(
          'corrupt',
          `store: the copy of ${table.name} differs: ${mine.rows} rows (sha256 ${mine.sha256.slice(0, 12)}) in ${source.where}, ` +
            `${theirs.rows} rows (sha256 ${theirs.sha256.slice(0, 12)}) in ${target.where}`,
        );
      }
      const copy = { table: table.name, ...mine };
      copies.push(copy);
      options.onTable?.(copy);
    }
    return copies;
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

async function* batches(end: TableEnd, table: Table, columns: readonly string[]): AsyncGenerator<Row[]> {
  const keyAt = table.key.map((key) => columns.indexOf(key));
  let after: Row | null = null;
  for (;;) {
    const rows = await end.read(table, columns, after, BATCH);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = keyAt.map((i) => last[i]);
  }
}

/** Row count and SHA-256 of a table's rows (as JSON arrays, one per line) in key order. */
async function digest(end: TableEnd, table: Table, columns: readonly string[]): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of batches(end, table, columns)) {
    for (const row of batch) hash.update(`${JSON.stringify(row)}\n`);
    rows += batch.length;
  }
  return { rows, sha256: hash.digest('hex') };
}
