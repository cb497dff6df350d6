// `newsvault status`: per-source health from the store — last success, failures in a row, last new
// article, and the flags a run would raise. It only reads: a missing database is reported, never created,
// and a source no cycle has tried yet is "never fetched", not "ok".
import { existsSync } from 'node:fs';
import type { Config } from '../config/index.ts';
import { assessHealth, describeFlag, neverFetched } from '../cycle/health.ts';
import { isPostgresUrl } from '../config/database.ts';
import { SqliteStore } from '../store/index.ts';
import { openStore } from '../store/open-store.ts';
import type { CliIo } from './io.ts';

export interface StatusRow {
  id: string;
  name: string;
  /** False until a cycle has tried the source. */
  fetched: boolean;
  articles: number;
  lastSuccess: string;
  lastNewItem: string;
  failures: number;
  lastError: string | null;
  flags: string[];
  /** The feed the last run read (the primary or a fallback), and whether it was a fallback. */
  feed: string | null;
  onFallback: boolean;
  /** Since when the source is stale (its newest item, judged from the feed's items), or null. */
  stale: string | null;
  /** Since when its keep selectors match nothing (extraction used Readability), and on how many pages. */
  selectorsMissingSince: string | null;
  selectorMisses: number;
}

function when(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function neverFetchedRow(source: { id: string; name: string }, articles: number): StatusRow {
  return {
    id: source.id, name: source.name, fetched: false, articles, lastSuccess: '-', lastNewItem: '-', failures: 0, lastError: null, flags: [],
    feed: null, onFallback: false, stale: null, selectorsMissingSince: null, selectorMisses: 0,
  };
}

async function readRows(config: Config, nowMs: number): Promise<StatusRow[]> {
  // A SQLite file is opened read-only (status creates no database); PostgreSQL through openStore.
  const store = isPostgresUrl(config.database)
    ? (await openStore(config)).store
    : SqliteStore.open(config.database, { readonly: true });
  try {
    return await Promise.all(config.sources.map(async (source): Promise<StatusRow> => {
      const state = await store.getFetchState(source.id);
      const articles = await store.countArticles(source.id);
      if (state === null || neverFetched(state)) return neverFetchedRow(source, articles);
      const flags = await assessHealth({ store, state, sourceId: source.id, nowMs });
      const health = await store.getSourceHealth(source.id);
      const stale = flags.find((flag) => flag.kind === 'stale');
      return {
        id: source.id,
        name: source.name,
        fetched: true,
        articles,
        lastSuccess: when(state.lastSuccessMs),
        lastNewItem: when(state.lastNewItemMs),
        failures: state.consecutiveFailures,
        lastError: state.lastError,
        flags: flags.map(describeFlag),
        feed: health?.activeUrl ?? null,
        onFallback: flags.some((flag) => flag.kind === 'fallback'),
        stale: stale ? when(stale.sinceMs) : null,
        selectorsMissingSince: health?.selectorsMissingSinceMs != null ? when(health.selectorsMissingSinceMs) : null,
        selectorMisses: health?.selectorMisses ?? 0,
      };
    }));
  } finally {
    await store.close();
  }
}

export async function statusCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): Promise<number> {
  const hasDatabase = isPostgresUrl(config.database) || existsSync(config.database);
  const rows = hasDatabase ? await readRows(config, io.now().getTime()) : config.sources.map((source) => neverFetchedRow(source, 0));
  if (!hasDatabase) {
    const note = `no database yet at ${config.database}: run \`newsvault run\` first\n`;
    if (options.json) io.stderr(note);
    else io.stdout(note);
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(rows)}\n`);
  } else {
    const header = ['source', 'articles', 'last success', 'last new article', 'failures', 'flags'];
    const state = (row: StatusRow): string => (row.fetched ? row.flags.join(', ') || 'ok' : 'never fetched');
    const table = [
      header,
      ...rows.map((row) => [row.id, String(row.articles), row.lastSuccess, row.lastNewItem, String(row.failures), state(row)]),
    ];
    const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
    for (const line of table) io.stdout(`${line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
    for (const row of rows.filter((r) => r.lastError)) io.stdout(`${row.id}: last error: ${row.lastError}\n`);
    for (const row of rows.filter((r) => r.onFallback)) io.stdout(`${row.id}: reading fallback ${row.feed}\n`);
  }
  return rows.some((row) => row.flags.length > 0) ? 1 : 0;
}
