// `newsvault search QUERY [--json] [--source ID] [--limit N]`: the reader's search from a terminal.
import type { Config } from '../config/index.ts';
import { formatResultsTable, MAX_LIMIT, parseQuery, SearchError } from '../search/index.ts';
import { openStore } from '../store/open-store.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

export interface SearchCommandOptions {
  json?: boolean;
  source?: string;
  limit?: string;
}

export async function searchCommand(words: readonly string[], config: Config, options: SearchCommandOptions, io: CliIo): Promise<number> {
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    io.stderr(`search: --limit must be a whole number from 1 to ${MAX_LIMIT}, got "${options.limit}"\n`);
    return EXIT_USAGE;
  }
  const parsed = parseQuery(words.join(' '));
  if (parsed instanceof SearchError) {
    io.stderr(`${parsed.message}\n`);
    return EXIT_USAGE;
  }

  const { store, search } = await openStore(config);
  try {
    if (options.source !== undefined) {
      const wanted = options.source.toLowerCase();
      if (!(await store.listSources()).some((s) => s.id.toLowerCase() === wanted)) {
        io.stderr(`search: --source: no source has the id "${options.source}"\n`);
        return EXIT_USAGE;
      }
      parsed.sources = [wanted];
    }
    const { needsReindex } = await search.prepare();
    if (needsReindex || (await search.count()) !== (await store.countArticles())) {
      io.stderr('search: the index is not up to date with the store; run `newsvault reindex`\n');
    }
    const result = await search.search(parsed, { limit });
    if (result instanceof SearchError) {
      io.stderr(`${result.message}\n`);
      return EXIT_USAGE;
    }
    io.stdout(options.json ? `${JSON.stringify(result)}\n` : formatResultsTable(result));
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
