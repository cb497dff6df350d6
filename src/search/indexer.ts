// Keeping the index in step with the store: upsert, delete, status change, full rebuild.
import type { Database, Statement } from 'better-sqlite3';
import { fold } from './fold.ts';
import { indexText } from './tokenize.ts';
import type { DocStatus, SearchDocument } from './types.ts';

/**
 * A key is the published second times KEY_SLOTS plus a slot, so articles sharing a second (a feed's batch,
 * an import of minute-resolution dates from many outlets) take the free slots of that second instead of
 * spilling into later seconds, where long runs made every insert walk them. Seconds are kept in
 * [0, 2^40) so bad feed dates cannot overflow or go negative; keys stay below 2^46 (exact in a double).
 * FTS5 stores rowid deltas as varints, so every slot bit costs index size: 4096 slots made the index 79%
 * of the text at 100,000 articles instead of 46% with none; 64 keeps runs short at a fraction of that.
 */
export const KEY_SLOTS = 64;
const MAX_SECONDS = 2 ** 40 - 1;
export const MAX_KEY = (MAX_SECONDS + 1) * KEY_SLOTS - 1;

interface Statements {
  existing: Statement;
  firstFreeKey: Statement;
  insertDoc: Statement;
  updateDoc: Statement;
  deleteDoc: Statement;
  insertFts: Statement;
  deleteFts: Statement;
}

const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (s === undefined) {
    s = {
      existing: db.prepare('SELECT key, source, published, status, title, text FROM search_docs WHERE id = ?'),
      // The first free key at or after @k, found by SQLite in one statement: many articles share a
      // second (a feed's batch, an import), and probing key after key from JS made indexing quadratic.
      firstFreeKey: db
        .prepare(
          `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM search_docs WHERE key = @k) THEN @k ELSE
             (SELECT a.key + 1 FROM search_docs a WHERE a.key >= @k
                AND NOT EXISTS (SELECT 1 FROM search_docs b WHERE b.key = a.key + 1) ORDER BY a.key LIMIT 1) END`,
        )
        .pluck(),
      insertDoc: db.prepare(
        'INSERT INTO search_docs (id, key, source, published, status, title, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      updateDoc: db.prepare(
        'UPDATE search_docs SET key = ?, source = ?, published = ?, status = ?, title = ?, text = ? WHERE id = ?',
      ),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE id = ?'),
      insertFts: db.prepare('INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)'),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/** Starts every meta token: a private-use character, never part of a text token (see schema.ts). */
const META = '\ue000';

/** The source's meta token. Hex keeps any source id a single token. */
export function sourceToken(source: string): string {
  return META + 'src' + Buffer.from(source.toLowerCase(), 'utf8').toString('hex');
}

export function statusToken(status: DocStatus): string {
  return META + status;
}

function metaText(source: string, status: DocStatus): string {
  return `${sourceToken(source)} ${statusToken(status)}`;
}

/** The first key of the second an article was published in. */
export function keyOf(published: number): number {
  if (!Number.isFinite(published)) return 0;
  return Math.min(MAX_SECONDS, Math.max(0, Math.floor(published / 1000))) * KEY_SLOTS;
}

function freeKey(s: Statements, published: number): number {
  return Math.min(MAX_KEY, s.firstFreeKey.get({ k: keyOf(published) }) as number);
}

interface Existing {
  key: number;
  source: string;
  published: number;
  status: DocStatus;
  title: string;
  text: string;
}

function writeFts(s: Statements, key: number, doc: Pick<SearchDocument, 'source' | 'title' | 'text' | 'status'>): void {
  s.insertFts.run(key, `${indexText(fold(doc.title))} ${indexText(fold(doc.text))} ${metaText(doc.source, doc.status)}`);
}

function validate(doc: SearchDocument): void {
  if (!Number.isSafeInteger(doc.id)) throw new TypeError(`search: index: document id ${String(doc.id)} is not an integer`);
  if (doc.status !== 'live' && doc.status !== 'removed') {
    throw new TypeError(`search: index: document ${doc.id} has status ${String(doc.status)}`);
  }
}

/**
 * Adds or replaces one document. Unchanged documents cost one primary-key read, so the cycle can call this
 * for every article it stores. Returns true when the index changed.
 */
export function indexDocument(db: Database, doc: SearchDocument): boolean {
  validate(doc);
  const s = statements(db);
  return db.transaction((): boolean => {
    const old = s.existing.get(doc.id) as Existing | undefined;
    if (old === undefined) {
      const key = freeKey(s, doc.published);
      s.insertDoc.run(doc.id, key, doc.source, doc.published, doc.status, doc.title, doc.text);
      writeFts(s, key, doc);
      return true;
    }
    if (
      old.source === doc.source &&
      old.published === doc.published &&
      old.status === doc.status &&
      old.title === doc.title &&
      old.text === doc.text
    ) {
      return false;
    }
    s.deleteFts.run(old.key);
    const key = keyOf(old.published) === keyOf(doc.published) ? old.key : freeKey(s, doc.published);
    s.updateDoc.run(key, doc.source, doc.published, doc.status, doc.title, doc.text, doc.id);
    writeFts(s, key, doc);
    return true;
  })();
}

/** Adds or replaces documents in one transaction (a cycle's batch, SearchIndex.index). Returns how many changed. */
export function indexBatch(db: Database, docs: Iterable<SearchDocument>): number {
  return db.transaction((): number => {
    let changed = 0;
    for (const doc of docs) if (indexDocument(db, doc)) changed++;
    return changed;
  })();
}

/** Removes a document from the index (not the same as status 'removed', which keeps it searchable). */
export function removeDocument(db: Database, id: number): boolean {
  const s = statements(db);
  return db.transaction((): boolean => {
    const old = s.existing.get(id) as Existing | undefined;
    if (old === undefined) return false;
    s.deleteFts.run(old.key);
    s.deleteDoc.run(id);
    return true;
  })();
}

/** Marks a document live or removed (deleted at the source). Returns false when the id is not indexed. */
export function setStatus(db: Database, id: number, status: DocStatus): boolean {
  const s = statements(db);
  const old = s.existing.get(id) as Existing | undefined;
  if (old === undefined) return false;
  return indexDocument(db, { id, source: old.source, title: old.title, text: old.text, published: old.published, status });
}

export interface ReindexOptions {
  /** Documents per transaction. */
  batchSize?: number;
  onProgress?: (indexed: number) => void;
}

/**
 * Empties the index and builds it again from `docs` (for `newsvault reindex`), then merges FTS5's segments
 * into one b-tree ('optimize'), which makes it smaller and queries faster. Returns the number indexed.
 */
export async function reindexAll(
  db: Database,
  docs: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
  options: ReindexOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const s = statements(db);
  db.transaction(() => {
    db.exec("DELETE FROM search_docs; INSERT INTO search_fts (search_fts) VALUES ('delete-all');");
  })();
  let count = 0;
  let batch: SearchDocument[] = [];
  const flush = db.transaction((list: SearchDocument[]) => {
    for (const doc of list) {
      validate(doc);
      if (s.existing.get(doc.id) !== undefined) {
        indexDocument(db, doc); // a duplicate id in the input: the last one wins, as with upserts
        continue;
      }
      const key = freeKey(s, doc.published);
      s.insertDoc.run(doc.id, key, doc.source, doc.published, doc.status, doc.title, doc.text);
      writeFts(s, key, doc);
    }
  });
  for await (const doc of docs) {
    batch.push(doc);
    if (batch.length >= batchSize) {
      flush(batch);
      count += batch.length;
      batch = [];
      options.onProgress?.(count);
    }
  }
  flush(batch);
  count += batch.length;
  db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  return count;
}
