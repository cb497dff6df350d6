// The search tables, kept beside the store's tables in the same SQLite file (prefix search_).
//
// search_docs holds what a hit shows and what a re-index needs: source, date, status, title and plain text.
// search_fts is a contentless FTS5 table (content='') over pre-tokenized text (see tokenize.ts): it stores
// only the inverted index, never a second copy of the token string. contentless_delete=1 (SQLite 3.43+)
// lets a row be deleted or replaced.
// detail=none: the index records which documents hold a token, not where. Measured on 20,000 synthetic
// articles at archive density (bench/search.bench.ts), bytes of index per byte of UTF-8 text were
// detail=full 1.18, detail=column 0.89, detail=none 0.50; the budget is 1.0. Without positions FTS5
// cannot match phrases, so a term of two or more tokens (习近平 = 习近 + 近平) finds candidates holding all
// its tokens and each candidate is confirmed against its text (verify.ts). A two-character word, the most
// common Chinese query, is one token and needs no confirmation.
// One column holds title tokens, body tokens and the meta tokens (source, status): detail=none has no
// column filters. Meta tokens start with a private-use character, which tokenize.ts never puts in a text
// token, so no article text can pose as a filter.
// search_docs is keyed by the same key (one b-tree lookup per candidate when confirming); the store's
// article id has a unique index. The FTS rowid is the document's *key*: the published second times KEY_SLOTS plus a free slot (indexer.ts), so FTS5's
// rowid order is date order and "newest first, 20 per page" reads the first 20 entries of each posting list
// backwards instead of sorting every match; from:/to: become a rowid range.
import type { Database } from 'better-sqlite3';

export const SCHEMA_VERSION = 5;

const DDL = `
CREATE TABLE IF NOT EXISTS search_info (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_docs (
  key INTEGER PRIMARY KEY,
  id INTEGER NOT NULL UNIQUE,
  source TEXT NOT NULL,
  published INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('live', 'removed')),
  title TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  tokens,
  content = '', contentless_delete = 1, detail = none,
  tokenize = 'unicode61 remove_diacritics 0'
);
`;

export interface SchemaState {
  /** True when the index was just created, or was built by another version and emptied: run reindexAll. */
  needsReindex: boolean;
}

/** Creates the search tables if missing. Idempotent. An index built by an incompatible version is emptied. */
export function ensureSearchSchema(db: Database): SchemaState {
  return db.transaction((): SchemaState => {
    const existed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_info'").get() !== undefined;
    const version = existed
      ? (db.prepare("SELECT value FROM search_info WHERE name = 'version'").get() as { value: string } | undefined)
      : undefined;
    if (existed && version?.value !== String(SCHEMA_VERSION)) {
      db.exec('DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_docs;');
    }
    db.exec(DDL);
    db.prepare("INSERT OR REPLACE INTO search_info (name, value) VALUES ('version', ?)").run(String(SCHEMA_VERSION));
    return { needsReindex: !existed || version?.value !== String(SCHEMA_VERSION) };
  })();
}
