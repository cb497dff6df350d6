// Search on PostgreSQL: the same query language, folding and tokens as the SQLite index (src/search), so the
// same query finds the same articles in the same order on both engines (search-index.test.ts compares them).
//
// Each document's folded bigram tokens (search/tokenize.ts) are stored as a tsvector of bare lexemes
// (array_to_tsvector: no parser, no stemming, no positions) under a GIN index: like FTS5 with detail=none,
// the index knows which documents hold a token, not where. Positions would make phrases exact in the index,
// but a tsvector keeps at most 256 positions per lexeme and none past 16,383, so long articles would lose
// matches. Instead, as on SQLite, a term of two or more tokens finds the documents holding all of them, and
// each is confirmed against its text: a POSIX regular expression in PostgreSQL for a run of CJK characters
// (the GLOB of search/pattern.ts, whose character classes hold every spelling that folds alike), and the
// JavaScript pattern for anything else (Latin phrases, word boundaries), over the candidates' text.
//
// Newest first is an index order here (published, id), where SQLite orders by a key of the published second
// and an insertion slot: articles published in the same second may come in another order.
//
// Reading a row's tsvector is what costs: it is compressed and stored apart (TOAST), about 15 µs to check one,
// and PostgreSQL's planner does not count that. Left to itself it counted a common word's matches by checking
// the tsvector of row after row (370 ms at 20,000 articles), where the GIN index's bitmap needs none. So the
// count goes through the GIN index (walkInSql), and when it counted every match it also gives the page.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { textCheck } from '../../search/confirm.ts';
import { fold } from '../../search/fold.ts';
import { searchHit } from '../../search/hit.ts';
import { exact } from '../../search/match.ts';
import { anyTermRegExp, termGlob, termRegExp } from '../../search/pattern.ts';
import { parseQuery } from '../../search/query.ts';
import { Ranker } from '../../search/rank.ts';
import { SCHEMA_VERSION, type SchemaState } from '../../search/schema.ts';
import { checkOptions, CONFIRMED_COUNT_CAP, COUNT_CAP, DEFAULT_TIME_LIMIT_MS, RELEVANCE_WINDOW } from '../../search/search.ts';
import { indexText } from '../../search/tokenize.ts';
import { SearchError, type DocStatus, type ParsedQuery, type SearchDocument, type SearchHit, type SearchIndex, type SearchOptions, type SearchResult } from '../../search/types.ts';
import { rows, run, storeError, type Queryable } from './rows.ts';
import { inTransaction } from './transaction.ts';

/** Candidates read per round trip when they must be confirmed or ranked in JavaScript. */
const BATCH = 256;
const QUERY_CANCELED = '57014';
/** Settings for the rest of a transaction under which the planner reads search_docs only through its newest index. */
export const NEWEST_INDEX_ONLY = `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_indexscan', 'on', true)`;
/**
 * Held by every removed document's tsvector besides its tokens (which are letters and digits only), so the GIN
 * index answers `status:removed` with words by itself, one intersection with the few removed documents, rather
 * than every match of the words being read to look at its status. Schema migration 6 added it to older rows.
 */
const REMOVED_LEXEME = 'status:removed';

interface DocRow {
  id: number;
  source: string;
  published: number;
  status: DocStatus;
  title: string;
  text: string;
}

export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly pool: pg.Pool) {}

  /** Empties an index built with other tokens (another search SCHEMA_VERSION); says when a reindex is needed. */
  async prepare(): Promise<SchemaState> {
    return this.transaction(async (db) => {
      const [row] = await rows<{ value: string }>(db, `SELECT value FROM search_info WHERE name = 'version' FOR UPDATE`);
      if (row?.value === String(SCHEMA_VERSION)) return { needsReindex: false };
      await run(db, `TRUNCATE search_docs`);
      await run(db, `INSERT INTO search_info (name, value) VALUES ('version', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, [
        String(SCHEMA_VERSION),
      ]);
      return { needsReindex: true };
    });
  }

  /** Adds or replaces documents in one transaction; unchanged ones cost a digest comparison. Returns how many changed. */
  async index(docs: readonly SearchDocument[]): Promise<number> {
    if (docs.length === 0) return 0;
    return this.transaction(async (db) => {
      let changed = 0;
      for (const doc of docs) if (await upsert(db, doc)) changed++;
      return changed;
    });
  }

  async indexDocument(doc: SearchDocument): Promise<boolean> {
    return (await this.index([doc])) === 1;
  }

  /** Removes a document from the index (not the same as status 'removed', which keeps it searchable). */
  async removeDocument(id: number): Promise<boolean> {
    return ((await run(this.pool, `DELETE FROM search_docs WHERE id = $1`, [id])).rowCount ?? 0) > 0;
  }

  /** Marks a document live or removed. False when the id is not indexed. */
  async setStatus(id: number, status: DocStatus): Promise<boolean> {
    return this.transaction(async (db) => {
      const [old] = await rows<Omit<DocRow, 'id'>>(db, `SELECT source, published, status, title, text FROM search_docs WHERE id = $1 FOR UPDATE`, [id]);
      if (!old) return false;
      await upsert(db, { id, ...old, status });
      return true;
    });
  }

  async count(): Promise<number> {
    return (await rows<{ n: number }>(this.pool, `SELECT COUNT(*) AS n FROM search_docs`))[0]!.n;
  }

  /** Empties the index and builds it from `docs`, `batchSize` per transaction. Returns the number indexed. */
  async reindexAll(
    docs: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
    options: { batchSize?: number; onProgress?: (indexed: number) => void } = {},
  ): Promise<number> {
    const batchSize = options.batchSize ?? 1000;
    await run(this.pool, `TRUNCATE search_docs`);
    let count = 0;
    let batch: SearchDocument[] = [];
    for await (const doc of docs) {
      batch.push(doc);
      if (batch.length >= batchSize) {
        await this.index(batch);
        count += batch.length;
        batch = [];
        options.onProgress?.(count);
      }
    }
    await this.index(batch);
    count += batch.length;
    await run(this.pool, `ANALYZE search_docs`);
    return count;
  }

  /** Searches the index. Returns a SearchError (never throws one) for a bad query or bad options. */
  async search(query: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResult | SearchError> {
    const clock = options.clock ?? (() => performance.now());
    const started = clock();
    const bad = checkOptions(options);
    if (bad) return bad;
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    if (parsed instanceof SearchError) return parsed;
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
    const plan = planQuery(parsed);
    const ranker = options.order === 'relevance' ? new Ranker(parsed) : null;
    const inJs = plan.accepts !== null || ranker !== null;
    const cap = ranker !== null ? RELEVANCE_WINDOW : plan.confirming ? CONFIRMED_COUNT_CAP : COUNT_CAP;

    let walk: Walk;
    try {
      walk = inJs
        ? await this.walkInJs(plan, cap, { offset, limit, ranker, deadline, clock })
        : await this.walkInSql(plan, cap, { offset, limit, deadline, clock });
    } catch (error) {
      if ((error as { code?: unknown }).code !== QUERY_CANCELED) throw storeError(error, 'search: querying the index');
      walk = { page: [], matches: 0, stop: 'deadline' };
    }
    const pattern = anyTermRegExp(parsed.terms);
    const hits: SearchHit[] = walk.page.map((doc) => searchHit(doc, pattern));
    return {
      total: walk.stop === null ? walk.matches : null,
      totalAtLeast: walk.matches,
      hits,
      tookMs: clock() - started,
      truncated: walk.stop === 'deadline',
    };
  }

  /**
   * The index decides every match. First the count up to its cap, from the GIN index (countSql), which also sorts
   * what it counted: when that is every match, the page is a slice of it, read by id. Only past the cap is the
   * page a walk of the newest index (pageSql), which reads about limit × documents / matches rows, few then.
   */
  private async walkInSql(plan: Plan, cap: number, at: { offset: number; limit: number; deadline: number; clock: () => number }): Promise<Walk> {
    return this.withDeadline(at.deadline, at.clock, async (db) => {
      const { params } = plan;
      // As on SQLite, the page lies within the first `cap` matches.
      const pageSize = Math.max(0, Math.min(at.limit, cap - at.offset));
      if (plan.indexed) await run(db, `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`);
      const [counted] = await rows<{ n: number; ids: number[] | null }>(db, countSql(plan, cap, at.offset, pageSize), params);
      const n = counted!.n;
      if (n <= cap) {
        const ids = (counted!.ids ?? []).map(Number);
        return { page: ids.length === 0 ? [] : await docsById(db, ids), matches: n, stop: null };
      }
      // Past the cap, the newest index, always: with a phrase's regular expression the planner expects one row
      // and, left to itself, reads and sorts every candidate (at 1,000,000 articles `"中國政府"`: a bitmap scan of
      // its 43,974 candidates, 11.8 s, or a sequential scan, 27.8 s), where walking the newest index reads about
      // limit × candidates / matches rows (51 ms).
      await run(db, NEWEST_INDEX_ONLY);
      const page = pageSize === 0 ? [] : await rows<DocRow>(db, pageSql(plan, pageSize, at.offset), params);
      return { page, matches: cap, stop: 'cap' };
    });
  }

  /** Candidates newest first in batches, confirmed (and ranked) here, until the cap, the deadline or the end. */
  private async walkInJs(
    plan: Plan,
    cap: number,
    at: { offset: number; limit: number; ranker: Ranker | null; deadline: number; clock: () => number },
  ): Promise<Walk> {
    return this.withDeadline(at.deadline, at.clock, async (db) => {
      const page: DocRow[] = [];
      const docs = new Map<number, DocRow>();
      let matches = 0;
      let after: { published: number; id: number } | null = null;
      for (;;) {
        if (at.clock() > at.deadline) return this.finish(page, docs, matches, 'deadline', at);
        const batch: DocRow[] = await rows<DocRow>(
          db,
          batchSql(plan, after !== null),
          after === null ? plan.params : [...plan.params, after.published, after.id],
        );
        for (const doc of batch) {
          // As on SQLite: any candidate after the cap's worth of matches means "more than that".
          if (matches >= cap) return this.finish(page, docs, matches, 'cap', at);
          if (plan.accepts !== null && !plan.accepts(doc.title, doc.text)) continue;
          if (at.ranker !== null) {
            at.ranker.add(doc.id, doc.title, doc.text);
            docs.set(doc.id, doc);
          } else if (matches >= at.offset && page.length < at.limit) page.push(doc);
          matches++;
        }
        if (batch.length < BATCH) return this.finish(page, docs, matches, null, at);
        const last: DocRow = batch[batch.length - 1]!;
        after = { published: last.published, id: last.id };
      }
    });
  }

  private finish(page: DocRow[], docs: Map<number, DocRow>, matches: number, stop: Walk['stop'], at: { offset: number; limit: number; ranker: Ranker | null }): Walk {
    if (at.ranker === null) return { page, matches, stop };
    const ranked = at.ranker.ranked().slice(at.offset, at.offset + at.limit);
    return { page: ranked.map((id) => docs.get(id)!), matches, stop };
  }

  /** Runs the queries of one search under a statement timeout of what is left of its time limit. */
  private async withDeadline<T>(deadline: number, clock: () => number, fn: (db: Queryable) => Promise<T>): Promise<T> {
    return this.transaction(async (db) => {
      const left = Math.max(1, Math.ceil(deadline - clock()));
      await run(db, `SELECT set_config('statement_timeout', $1, true)`, [`${left}ms`]);
      return fn(db);
    });
  }

  private transaction<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, 'search', fn);
  }

}

/** Documents by id, in the order of `ids`. */
async function docsById(db: Queryable, ids: number[]): Promise<DocRow[]> {
  const found = await rows<DocRow>(db, `SELECT id, source, published, status, title, text FROM search_docs WHERE id = ANY($1::bigint[])`, [ids]);
  const byId = new Map(found.map((doc) => [doc.id, doc]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

interface Walk {
  page: DocRow[];
  matches: number;
  stop: 'cap' | 'deadline' | null;
}

export interface Plan {
  /** Conditions on search_docs d, ANDed; never empty. */
  where: string;
  params: unknown[];
  /** Some term has tokens the GIN index finds: counting goes through it. */
  indexed: boolean;
  /** Some terms are confirmed against the text (in SQL or here): the smaller count cap applies, as on SQLite. */
  confirming: boolean;
  /** Checks PostgreSQL cannot do; null when none. */
  accepts: ((title: string, text: string) => boolean) | null;
}

/** The page of a query the index decides alone: `pageSize` matches newest first from `offset`. */
export function pageSql(plan: Plan, pageSize: number, offset: number): string {
  return `SELECT id, source, published, status, title, text FROM search_docs d WHERE ${plan.where}
    ORDER BY published DESC, id DESC LIMIT ${pageSize} OFFSET ${offset}`;
}

/**
 * Counts the matches of a query the index decides alone, up to one past `cap`, and the ids of `pageSize` of them
 * from `offset`, newest first. The ids are the page only when the count stayed within the cap: then it counted
 * every match. Run with sequential and plain index scans off (see walkInSql): on its own the planner reads a
 * common word's matches through the newest index or the table, decompressing each row's tsvector (about 15 µs
 * each: 370 ms for 10,001 matches at 20,000 articles), where the GIN index's bitmap needs no tsvector at all.
 */
export function countSql(plan: Plan, cap: number, offset: number, pageSize: number): string {
  // The page's ids by a bounded (top-N) sort of what was counted, not a sort of all of it: wasted past the cap.
  return `WITH m AS MATERIALIZED (SELECT id, published FROM search_docs d WHERE ${plan.where} LIMIT ${cap + 1})
    SELECT (SELECT COUNT(*) FROM m) AS n,
      ARRAY(SELECT id FROM m ORDER BY published DESC, id DESC LIMIT ${pageSize} OFFSET ${offset}) AS ids`;
}

/** The next BATCH candidates newest first; `after` adds the keyset of the last one read as two more parameters. */
export function batchSql(plan: Plan, after: boolean): string {
  const n = plan.params.length;
  const keyset = after ? ` AND (d.published, d.id) < ($${n + 1}, $${n + 2})` : '';
  return `SELECT id, source, published, status, title, text FROM search_docs d WHERE ${plan.where}${keyset}
    ORDER BY published DESC, id DESC LIMIT ${BATCH}`;
}

/** A tsquery of bare lexemes: each quoted, so nothing a user typed is tsquery syntax (tokens are letters and digits anyway). */
function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The GLOB of a CJK run as a PostgreSQL regular expression: the same literal characters and [classes], unanchored. */
function globRegex(glob: string): string | null {
  const inner = glob.slice(1, -1);
  // CJK characters and their variants only; anything a regular expression would read as syntax goes to JavaScript.
  return /[\\^$.|?*+(){}]/.test(inner) ? null : inner;
}

export function planQuery(query: ParsedQuery): Plan {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // The cheap column tests first: PostgreSQL evaluates conditions of equal cost in the order written, and a row
  // that fails one of them never has its tsvector decompressed (about 15 µs) when the newest index is walked.
  // (status:removed is also a lexeme of the tsquery, below, when there are words.)
  if (query.status !== null) conditions.push(`d.status = ${param(query.status)}`);
  if (query.from !== null) conditions.push(`d.published >= ${param(query.from)}`);
  if (query.to !== null) conditions.push(`d.published < ${param(query.to)}`);
  if (query.sources.length > 0) conditions.push(`d.source_key = ANY(${param(query.sources)}::text[])`);
  if (query.excludedSources.length > 0) conditions.push(`NOT (d.source_key = ANY(${param(query.excludedSources)}::text[]))`);
  const positive = query.terms.map((term) => [...new Set(term.tokens)].map(lexeme).join(' & '));
  const negative = query.excluded.filter(exact).map((term) => `!${lexeme(term.tokens[0]!)}`);
  const removed = query.status === 'removed' && positive.length > 0 ? [lexeme(REMOVED_LEXEME)] : [];
  const tsquery = [...positive.map((p) => `(${p})`), ...removed, ...negative].join(' & ');
  if (tsquery !== '') conditions.push(`d.tokens @@ ${param(tsquery)}::tsquery`);

  const required: RegExp[] = [];
  const refused: RegExp[] = [];
  let confirming = false;
  for (const [terms, wanted] of [
    [query.terms, true],
    [query.excluded, false],
  ] as const) {
    for (const term of terms) {
      if (exact(term)) continue;
      confirming = true;
      const glob = termGlob(term);
      const regex = glob === null ? null : globRegex(glob);
      if (regex !== null) {
        const p = param(regex);
        conditions.push(wanted ? `(d.title ~ ${p} OR d.text ~ ${p})` : `NOT (d.title ~ ${p} OR d.text ~ ${p})`);
        continue;
      }
      const re = termRegExp(term);
      if (re !== null) (wanted ? required : refused).push(re);
    }
  }
  const accepts = textCheck(required, refused);
  return { where: conditions.length > 0 ? conditions.join(' AND ') : 'TRUE', params, indexed: positive.length > 0, confirming, accepts };
}

function validate(doc: SearchDocument): void {
  if (!Number.isSafeInteger(doc.id)) throw new TypeError(`search: index: document id ${String(doc.id)} is not an integer`);
  if (doc.status !== 'live' && doc.status !== 'removed') throw new TypeError(`search: index: document ${doc.id} has status ${String(doc.status)}`);
}

/** The md5 of what is indexed of a document: an unchanged one is recognised by it. */
function digestOf(doc: SearchDocument): string {
  return createHash('md5').update(JSON.stringify([doc.source, doc.published, doc.status, doc.title, doc.text])).digest('hex');
}

/** A document's lexemes: its distinct folded tokens, and the status lexeme when it is removed. */
function tokensOf(doc: SearchDocument): string[] {
  const tokens = [...new Set(`${indexText(fold(doc.title))} ${indexText(fold(doc.text))}`.split(' ').filter((t) => t !== ''))];
  if (doc.status === 'removed') tokens.push(REMOVED_LEXEME);
  return tokens;
}

/** What index() stores of `doc` besides its fields, for a benchmark that loads many rows at once (bench/search-pg.bench.ts). */
export function indexedRow(doc: SearchDocument): { sourceKey: string; tokens: string[]; digest: string } {
  validate(doc);
  return { sourceKey: doc.source.toLowerCase(), tokens: tokensOf(doc), digest: digestOf(doc) };
}

/** Inserts or replaces one document unless the same was indexed already; true when the index changed. */
async function upsert(db: Queryable, doc: SearchDocument): Promise<boolean> {
  validate(doc);
  const digest = digestOf(doc);
  const [old] = await rows<{ digest: string }>(db, `SELECT digest FROM search_docs WHERE id = $1`, [doc.id]);
  if (old?.digest === digest) return false;
  const tokens = tokensOf(doc);
  await run(
    db,
    `INSERT INTO search_docs (id, source, source_key, published, status, title, text, tokens, digest)
      VALUES ($1, $2, $3, $4, $5, $6, $7, array_to_tsvector($8::text[]), $9)
     ON CONFLICT (id) DO UPDATE SET source = excluded.source, source_key = excluded.source_key, published = excluded.published,
      status = excluded.status, title = excluded.title, text = excluded.text, tokens = excluded.tokens, digest = excluded.digest`,
    [doc.id, doc.source, doc.source.toLowerCase(), doc.published, doc.status, doc.title, doc.text, tokens, digest],
    `search: indexing document ${doc.id}`,
  );
  return true;
}
