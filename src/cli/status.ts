// `newsvault status`: per-source health from the store — last success, failures in a row, last new
// article, and the flags a run would raise.
import type { Config } from '../config/index.ts';
import { assessHealth } from '../cycle/health.ts';
import { SqliteStore } from '../store/index.ts';
import type { CliIo } from './io.ts';

function when(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function statusCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): number {
  const store = SqliteStore.open(config.database);
  try {
    store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
    const nowMs = io.now().getTime();
    const rows = config.sources.map((source) => {
      const state = store.getFetchState(source.id)!;
      const flags = assessHealth({ store, state, sourceId: source.id, nowMs });
      return {
        id: source.id,
        name: source.name,
        articles: store.countArticles(source.id),
        lastSuccess: when(state.lastSuccessMs),
        lastNewItem: when(state.lastNewItemMs),
        failures: state.consecutiveFailures,
        lastError: state.lastError,
        flags: flags.map((flag) => (flag.kind === 'failing' ? `failing ${flag.runs} runs` : 'stale')),
      };
    });
    if (options.json) {
      io.stdout(`${JSON.stringify(rows)}\n`);
    } else {
      const header = ['source', 'articles', 'last success', 'last new article', 'failures', 'flags'];
      const table = [
        header,
        ...rows.map((row) => [row.id, String(row.articles), row.lastSuccess, row.lastNewItem, String(row.failures), row.flags.join(', ') || 'ok']),
      ];
      const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
      for (const line of table) io.stdout(`${line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
      for (const row of rows.filter((r) => r.lastError)) io.stdout(`${row.id}: last error: ${row.lastError}\n`);
    }
    return rows.some((row) => row.flags.length > 0) ? 1 : 0;
  } finally {
    store.close();
  }
}
